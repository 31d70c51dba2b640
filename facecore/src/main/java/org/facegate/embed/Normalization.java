package org.facegate.embed;

/**
 * How pixel values map to model input: {@code (v - mean) / std} per RGB channel.
 *
 * @param mean subtracted from 0..255 channel values
 * @param std  divisor after subtraction
 */
public record Normalization(float mean, float std) {
    /** MobileFaceNet / FaceNet convention: (v - 127.5) / 128, input in about [-1, 1]. */
    public static final Normalization FACENET = new Normalization(127.5f, 128f);
}
