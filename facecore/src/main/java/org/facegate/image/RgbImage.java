package org.facegate.image;

/**
 * An image as packed ARGB pixels, row-major: the common currency between the JVM ({@code BufferedImage.getRGB})
 * and Android ({@code Bitmap.getPixels}). Alpha is ignored.
 *
 * @param width  width in pixels, &gt; 0
 * @param height height in pixels, &gt; 0
 * @param argb   {@code width * height} pixels, {@code argb[y * width + x]}
 */
public record RgbImage(int width, int height, int[] argb) {
    public RgbImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        if (argb.length < width * height) {
            throw new IllegalArgumentException("pixel array too short: " + argb.length + " < " + width + "x" + height);
        }
    }

    /** Red, green and blue of pixel (x, y), each 0..255. */
    public int rgb(int x, int y) {
        return argb[y * width + x] & 0xFFFFFF;
    }

    /** Returns a copy mirrored left-to-right (a front camera preview, or test-time flip augmentation). */
    public RgbImage mirrored() {
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) out[row + x] = argb[row + width - 1 - x];
        }
        return new RgbImage(width, height, out);
    }
}
