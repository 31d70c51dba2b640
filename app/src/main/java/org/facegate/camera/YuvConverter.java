package org.facegate.camera;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import org.facegate.image.LumaPlane;
import org.facegate.image.RgbImage;

/**
 * YUV 4:2:0 camera images to packed RGB, turned upright and optionally mirrored, and their luma planes: the
 * arithmetic of {@link Camera2FrameSource}, apart from Camera2 so that it can be tested on planes with any strides.
 * Full-range BT.601 (JFIF), what camera YUV output uses. Rows are read with bulk gets into reused row buffers, so a
 * conversion allocates nothing but the image's wrapper when it is given its arrays. One instance per thread.
 */
public final class YuvConverter {
    private byte[] yRow = new byte[0], uRow = new byte[0], vRow = new byte[0];

    /** Width of the upright image: the sensor's height when {@code rotation} is 90 or 270. */
    public static int uprightWidth(int width, int height, int rotation) {
        return rotation == 90 || rotation == 270 ? height : width;
    }

    /** Height of the upright image. */
    public static int uprightHeight(int width, int height, int rotation) {
        return rotation == 90 || rotation == 270 ? width : height;
    }

    /**
     * Where sensor pixel ({@code sx}, {@code sy}) lands in the output, as an index into its row-major pixels: turned
     * clockwise by {@code rotation}, then, if {@code mirror}, flipped left to right.
     */
    static int target(int sx, int sy, int width, int height, int rotation, boolean mirror) {
        int dx, dy;
        switch (rotation) {
            case 90: dx = height - 1 - sy; dy = sx; break;
            case 180: dx = width - 1 - sx; dy = height - 1 - sy; break;
            case 270: dx = sy; dy = width - 1 - sx; break;
            default: dx = sx; dy = sy;
        }
        int ow = uprightWidth(width, height, rotation);
        if (mirror) dx = ow - 1 - dx;
        return dy * ow + dx;
    }

    /**
     * Converts {@code in}, turned clockwise by {@code rotation} degrees (0, 90, 180 or 270) and then, if
     * {@code mirror}, flipped left to right.
     *
     * @param pixels where to write the output ({@code width * height} values or more; the returned image wraps it),
     *     or null (or too short) for a new array
     */
    public RgbImage toRgb(YuvPlanes in, int rotation, boolean mirror, int[] pixels) {
        checkRotation(rotation);
        int w = in.width(), h = in.height();
        int ow = uprightWidth(w, h, rotation), oh = uprightHeight(w, h, rotation);
        int[] px = pixels != null && pixels.length >= ow * oh ? pixels : new int[ow * oh];
        int ps = in.uvPixelStride(), uvLen = ((w + 1) / 2 - 1) * ps + 1;
        if (yRow.length < w) yRow = new byte[w];
        if (uRow.length < uvLen) {
            uRow = new byte[uvLen];
            vRow = new byte[uvLen];
        }
        for (int sy = 0; sy < h; sy++) {
            read(in.y(), sy * in.yRowStride(), yRow, w);
            if ((sy & 1) == 0) {
                read(in.u(), (sy >> 1) * in.uvRowStride(), uRow, uvLen);
                read(in.v(), (sy >> 1) * in.uvRowStride(), vRow, uvLen);
            }
            // a row of the sensor is a row or a column of the output: its first pixel and the step between pixels
            int at = target(0, sy, w, h, rotation, mirror);
            int step = w > 1 ? target(1, sy, w, h, rotation, mirror) - at : 0;
            for (int sx = 0; sx < w; sx++, at += step) {
                int yy = yRow[sx] & 0xFF;
                int c = (sx >> 1) * ps;
                int cb = (uRow[c] & 0xFF) - 128, cr = (vRow[c] & 0xFF) - 128;
                // fixed point, 16 fractional bits: 1.402, 0.344136, 0.714136, 1.772
                int r = yy + ((91881 * cr) >> 16);
                int g = yy - ((22554 * cb + 46802 * cr) >> 16);
                int b = yy + ((116130 * cb) >> 16);
                r = r < 0 ? 0 : Math.min(r, 255);
                g = g < 0 ? 0 : Math.min(g, 255);
                b = b < 0 ? 0 : Math.min(b, 255);
                px[at] = 0xFF000000 | (r << 16) | (g << 8) | b;
            }
        }
        return new RgbImage(ow, oh, px);
    }

    /**
     * The luma plane of {@code in}, its rows copied without their padding (the camera's image is given back once
     * converted, the plane is read later), read upright through {@code rotation}.
     *
     * @param bytes where to copy it ({@code width * height} bytes or more; the plane wraps it), or null (or too short)
     *     for a new array
     */
    public static LumaPlane luma(YuvPlanes in, int rotation, byte[] bytes) {
        checkRotation(rotation);
        int w = in.width(), h = in.height();
        byte[] y = bytes != null && bytes.length >= w * h ? bytes : new byte[w * h];
        for (int row = 0; row < h; row++) {
            ((Buffer) in.y()).position(row * in.yRowStride());
            in.y().get(y, row * w, w);
        }
        return new LumaPlane(y, w, h, rotation);
    }

    private static void checkRotation(int rotation) {
        if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotation);
        }
    }

    /**
     * Relative bulk get from an absolute offset. The position is set through Buffer: ByteBuffer's covariant
     * {@code position(int)} of Java 9 is missing from API 26 (animal-sniffer's signature).
     */
    static void read(ByteBuffer b, int offset, byte[] dst, int n) {
        ((Buffer) b).position(offset);
        b.get(dst, 0, n);
    }
}
