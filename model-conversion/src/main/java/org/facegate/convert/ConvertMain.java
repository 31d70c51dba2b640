package org.facegate.convert;

import java.util.Arrays;

/**
 * Entry point of the model conversion tool. Commands (options are {@code --name value}):
 * <ul>
 *   <li>{@code build}: convert (or reuse cached) variants and assemble the app's models (run by the Maven build);</li>
 *   <li>{@code calibrate}: measure activation ranges on aligned LFW faces into the committed statistics file;</li>
 *   <li>{@code report}: regenerate REPORT.md (sizes, ops, GPU check, parity, LFW accuracy, latency);</li>
 *   <li>{@code ops}: op histogram and GPU delegate check of .tflite files.</li>
 * </ul>
 * Exit status 1 with a one-line message on a conversion or I/O error; 2 on a usage error.
 */
public final class ConvertMain {
    private ConvertMain() {}

    public static void main(String[] args) {
        if (args.length == 0) usage("no command");
        try {
            switch (args[0]) {
                case "build":
                    BuildCommand.run(new Args(args, 1));
                    break;
                case "calibrate":
                    CalibrateCommand.run(new Args(args, 1));
                    break;
                case "report":
                    ReportCommand.run(new Args(args, 1));
                    break;
                case "ops":
                    OpsCommand.run(Arrays.copyOfRange(args, 1, args.length));
                    break;
                default:
                    usage("unknown command " + args[0]);
            }
        } catch (ConversionException | java.io.IOException e) {
            // both name the file involved; a stack trace would only bury that
            System.err.println("[model-conversion] ERROR: " + e.getMessage());
            System.exit(1);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("[model-conversion] " + problem + "\nusage: ConvertMain build|calibrate|report|ops ... (see model-conversion/REPORT.md)");
        System.exit(2);
    }
}
