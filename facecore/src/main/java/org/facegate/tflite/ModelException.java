package org.facegate.tflite;

/** A model file that cannot be used: missing, truncated, not TFLite, wrong checksum, unexpected shape. */
public final class ModelException extends Exception {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
