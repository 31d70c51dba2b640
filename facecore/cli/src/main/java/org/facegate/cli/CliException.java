package org.facegate.cli;

/** A failure the CLI reports as one line on stderr with a non-zero exit code. */
public final class CliException extends Exception {
    public CliException(String message) {
        super(message);
    }
}
