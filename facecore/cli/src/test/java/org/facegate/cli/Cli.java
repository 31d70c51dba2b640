package org.facegate.cli;

import static org.junit.Assume.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/** Runs the facegate command line in-process on one gallery file, keeping the exit code's output and errors. */
final class Cli {
    final Path gallery;
    /** What the last {@link #run} printed. */
    String out, err;

    Cli(Path gallery) {
        this.gallery = gallery;
    }

    /** Runs {@code facegate args... --gallery <gallery>}; returns the exit code. */
    int run(String... args) {
        String[] full = Arrays.copyOf(args, args.length + 2);
        full[args.length] = "--gallery";
        full[args.length + 1] = gallery.toString();
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(full, new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return code;
    }

    /** Runs {@code args} (see {@link #run}) and asserts the exit code, showing what was printed when it differs. */
    void expect(int code, String... args) {
        int got = run(args);
        if (got != code) throw new AssertionError("facegate " + String.join(" ", args) + ": exit " + got + ", expected " + code + "\n" + out + err);
    }

    /** The LFW dev set; skips the calling test with a message when it is absent. */
    static Path lfw() {
        Path p = Paths.get(System.getProperty("facegate.lfw", "../../../shared/eval/lfw-dev"));
        assumeTrue("skipped: LFW dev set not found at " + p.toAbsolutePath(), Files.isDirectory(p.resolve("images")));
        return p;
    }

    /** LFW image {@code n} (1-based) of a person. */
    static Path lfwImage(String name, int n) {
        return lfw().resolve("images").resolve(name).resolve(String.format("%s_%04d.jpg", name, n));
    }
}
