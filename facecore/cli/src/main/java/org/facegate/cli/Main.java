package org.facegate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code facegate} command line: offline face enrollment, verification, identification and evaluation. */
@Command(name = "facegate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Offline face verification and identification (FaceGate core on the desktop).",
        subcommands = {EnrollCommand.class, VerifyCommand.class, IdentifyCommand.class, ListCommand.class,
                RemoveCommand.class, EvalCommand.class, CalibrateCommand.class, BenchCommand.class, DemoCommand.class, LivenessCommand.class,
                LivenessEvalCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns the exit code (0 success, 1 negative decision, 2 error). */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CliException) {
                commandLine.getErr().println("facegate: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** Version from the jar manifest, with the subcommands. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"facegate " + (v == null ? "dev" : v),
                    "subcommands: enroll verify identify list remove eval calibrate bench demo liveness liveness-eval"};
        }
    }
}
