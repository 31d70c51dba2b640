package org.facegate.convert;

/**
 * A model that cannot be converted, or a conversion whose result failed its checks. The message always names the
 * file involved, so a build log points straight at the culprit (a truncated download, a replaced model, a stale
 * calibration file).
 */
public final class ConversionException extends Exception {
    public ConversionException(String message) {
        super(message);
    }

    public ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
