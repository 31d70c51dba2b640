package org.facegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes output files through a temp file in the same directory and a rename: never a half-written file. */
final class AtomicFiles {
    /** Writes the content of a file given its (temporary) path. */
    interface Writer {
        void write(Path tmp) throws IOException;
    }

    private AtomicFiles() {}

    /** Whether an I/O error is the disk running full (Java reports ENOSPC only in the message). */
    private static boolean diskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) return true;
        }
        return false;
    }

    static void write(Path out, Writer writer) throws CliException {
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".facegate-", ".tmp");
            try {
                writer.write(tmp);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CliException("cannot write " + out + ": " + (diskFull(e) ? "disk full" : e.getMessage()));
        }
    }
}
