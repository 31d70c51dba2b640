package org.facegate.image;

/**
 * The luma (Y) plane of a camera image as it lies on the sensor, read in the coordinates of the upright frame made
 * from it: what a phone camera delivers beside the colours, so a grey-level consumer (liveness's pixel tracking)
 * needs neither a conversion from RGB nor a turned copy. Full-range BT.601 luma is
 * {@code 0.299 R + 0.587 G + 0.114 B} of the frame's RGB, rounded to a byte.
 *
 * <p>Wraps its array without copying: a camera source refills the same array frame after frame, so a plane is valid
 * only as long as its source says.
 */
public final class LumaPlane {
    private final byte[] y;
    private final int sensorWidth, sensorHeight, rotation;

    /**
     * @param y            {@code sensorWidth * sensorHeight} luma bytes, row-major, as on the sensor
     * @param rotation     the clockwise turn (0, 90, 180 or 270 degrees) that makes the sensor image upright; the
     *                     frame's width is the sensor's height when it is 90 or 270
     */
    public LumaPlane(byte[] y, int sensorWidth, int sensorHeight, int rotation) {
        if (sensorWidth <= 0 || sensorHeight <= 0) throw new IllegalArgumentException("plane size must be positive: " + sensorWidth + "x" + sensorHeight);
        if (y.length < sensorWidth * sensorHeight) {
            throw new IllegalArgumentException("luma array too short: " + y.length + " < " + sensorWidth + "x" + sensorHeight);
        }
        if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotation);
        }
        this.y = y;
        this.sensorWidth = sensorWidth;
        this.sensorHeight = sensorHeight;
        this.rotation = rotation;
    }

    /** Width of the upright frame. */
    public int width() {
        return rotation == 90 || rotation == 270 ? sensorHeight : sensorWidth;
    }

    /** Height of the upright frame. */
    public int height() {
        return rotation == 90 || rotation == 270 ? sensorWidth : sensorHeight;
    }

    /** Luma (0..255) at pixel ({@code x}, {@code y}) of the upright frame. */
    public int at(int x, int y) {
        return this.y[index(x, y)] & 0xFF;
    }

    /** Writes the upright frame's luma, row-major, into {@code out} ({@code width() * height()} values or more). */
    public void toFloats(float[] out) {
        int w = width(), h = height();
        if (out.length < w * h) throw new IllegalArgumentException("output too short: " + out.length + " < " + w + "x" + h);
        for (int row = 0; row < h; row++) {
            // a row of the upright frame is a row or a column of the sensor: its first byte and the step between bytes
            int at = index(0, row), step = w > 1 ? index(1, row) - at : 0;
            for (int x = 0, o = row * w; x < w; x++, at += step) out[o + x] = y[at] & 0xFF;
        }
    }

    /** Where upright pixel (x, y) lies in the sensor's row-major bytes: the inverse of turning clockwise by rotation. */
    private int index(int x, int y) {
        switch (rotation) {
            case 90: return (sensorHeight - 1 - x) * sensorWidth + y;
            case 180: return (sensorHeight - 1 - y) * sensorWidth + (sensorWidth - 1 - x);
            case 270: return x * sensorWidth + (sensorWidth - 1 - y);
            default: return y * sensorWidth + x;
        }
    }
}
