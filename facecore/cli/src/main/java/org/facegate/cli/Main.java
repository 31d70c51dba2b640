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

    /**
     * Runs a command line; returns the exit code: 0 success (verify: a match), 1 verify's "no match", 2 any error,
     * which is one line on {@code err}: a refused input, a usage error, and whatever was not foreseen, an
     * {@link OutOfMemoryError} included (a stack trace would exit 1, which for verify means "no match").
     */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        // every subcommand answers --help (and --version)
        for (CommandLine sub : cl.getSubcommands().values()) sub.getCommandSpec().mixinStandardHelpOptions(true);
        cl.setParameterExceptionHandler((ex, given) -> {
            ex.getCommandLine().getErr().println("facegate: " + oneLine(ex.getMessage()) + " (see: "
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("facegate: " + (ex instanceof CliException ? oneLine(ex.getMessage()) : unforeseen(ex)));
            return ERROR;
        });
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            // Errors pass picocli's handler: the same single line for them
            err.println("facegate: " + unforeseen(t));
            return ERROR;
        }
    }

    /** Exit code of every error. */
    static final int ERROR = 2;

    private static String unforeseen(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + oneLine(t.getMessage()) + "): give Java more with FACEGATE_JAVA_OPTS=-Xmx2g, or use smaller images";
        }
        return "internal error: " + oneLine(String.valueOf(t));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
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
