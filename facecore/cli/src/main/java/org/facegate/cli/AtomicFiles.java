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
            throw new CliException("cannot write " + out + ": " + e.getMessage());
        }
    }
}
