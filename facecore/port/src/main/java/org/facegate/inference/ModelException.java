package org.facegate.inference;

/**
 * A model that cannot be used: missing, truncated, not TFLite, wrong checksum, unexpected tensors, or refused by the
 * runtime. The message names the file.
 */
public final class ModelException extends Exception {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
