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

    /** Returns a copy of the rectangle [x0, x0 + w) x [y0, y0 + h), which must lie inside the image. */
    public RgbImage crop(int x0, int y0, int w, int h) {
        if (x0 < 0 || y0 < 0 || w <= 0 || h <= 0 || x0 + w > width || y0 + h > height) {
            throw new IllegalArgumentException("crop " + w + "x" + h + "+" + x0 + "+" + y0 + " outside " + width + "x" + height);
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) System.arraycopy(argb, (y0 + y) * width + x0, out, y * w, w);
        return new RgbImage(w, h, out);
    }
}
