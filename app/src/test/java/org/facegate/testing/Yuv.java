package org.facegate.testing;

import java.nio.ByteBuffer;
import org.facegate.camera.YuvPlanes;
import org.facegate.image.RgbImage;

/**
 * Encodes RGB images as a camera's YUV_420_888 planes (full-range BT.601, chroma averaged over each 2x2 block), in the
 * layouts phones deliver: padded rows, planar or semi-planar chroma (NV21: V and U interleaved in one buffer, the U
 * plane starting one byte into it), and the last row of each plane cut short after its last pixel.
 */
public final class Yuv {
    private Yuv() {}

    /** How the planes are laid out. */
    public record Layout(int yPadding, int uvPadding, int uvPixelStride) {
        /** Semi-planar NV21 with padded rows, the commonest camera layout. */
        public static final Layout NV21 = new Layout(64, 32, 2);
        /** Planar I420 with odd padding. */
        public static final Layout I420 = new Layout(3, 5, 1);
    }

    /**
     * What a sensor holds of an {@code upright} frame when turning its image clockwise by {@code rotation} makes it
     * upright (270 for a typical front camera held upright), as NV21 planes.
     */
    public static YuvPlanes onSensor(RgbImage upright, int rotation) {
        RgbImage s = upright;
        for (int q = 0; q < (360 - rotation) % 360 / 90; q++) s = clockwise(s);
        return encode(s, Layout.NV21);
    }

    /** A quarter turn clockwise: the output's top-left pixel is the input's bottom-left one. */
    public static RgbImage clockwise(RgbImage in) {
        int w = in.width(), h = in.height();
        int[] out = new int[w * h];
        for (int y = 0; y < w; y++) for (int x = 0; x < h; x++) out[y * h + x] = in.argb()[(h - 1 - x) * w + y];
        return new RgbImage(h, w, out);
    }

    /** {@code image} as it lies on the sensor (no turning), in {@code layout}. */
    public static YuvPlanes encode(RgbImage image, Layout layout) {
        int w = image.width(), h = image.height(), cw = (w + 1) / 2, ch = (h + 1) / 2;
        int yStride = w + layout.yPadding();
        int ps = layout.uvPixelStride();
        int uvStride = (cw - 1) * ps + 1 + layout.uvPadding();
        byte[] y = new byte[(h - 1) * yStride + w];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int p = image.argb()[j * w + i];
                y[j * yStride + i] = (byte) Math.round(0.299 * r(p) + 0.587 * g(p) + 0.114 * b(p));
            }
        }
        int uvBytes = (ch - 1) * uvStride + (cw - 1) * ps + 1;
        byte[] u, v;
        ByteBuffer ub, vb;
        if (ps == 2) {
            byte[] vu = new byte[uvBytes + 1];          // V at even offsets, U at odd: NV21
            fillChroma(image, vu, 1, uvStride, ps, true);
            fillChroma(image, vu, 0, uvStride, ps, false);
            vb = ByteBuffer.wrap(vu, 0, uvBytes).slice();
            ub = ByteBuffer.wrap(vu, 1, uvBytes).slice();
        } else {
            u = new byte[uvBytes];
            v = new byte[uvBytes];
            fillChroma(image, u, 0, uvStride, ps, true);
            fillChroma(image, v, 0, uvStride, ps, false);
            ub = ByteBuffer.wrap(u);
            vb = ByteBuffer.wrap(v);
        }
        ByteBuffer yb = ByteBuffer.allocateDirect(y.length);
        yb.put(y).rewind();
        return new YuvPlanes(w, h, yb, yStride, ub, vb, uvStride, ps);
    }

    private static void fillChroma(RgbImage image, byte[] out, int offset, int stride, int ps, boolean blue) {
        int w = image.width(), h = image.height();
        for (int cy = 0; cy < (h + 1) / 2; cy++) {
            for (int cx = 0; cx < (w + 1) / 2; cx++) {
                double sum = 0;
                int n = 0;
                for (int j = 2 * cy; j < Math.min(h, 2 * cy + 2); j++) {
                    for (int i = 2 * cx; i < Math.min(w, 2 * cx + 2); i++) {
                        int p = image.argb()[j * w + i];
                        sum += blue ? 128 - 0.168736 * r(p) - 0.331264 * g(p) + 0.5 * b(p) : 128 + 0.5 * r(p) - 0.418688 * g(p) - 0.081312 * b(p);
                        n++;
                    }
                }
                out[offset + cy * stride + cx * ps] = (byte) Math.max(0, Math.min(255, Math.round(sum / n)));
            }
        }
    }

    private static int r(int p) {
        return (p >> 16) & 0xFF;
    }

    private static int g(int p) {
        return (p >> 8) & 0xFF;
    }

    private static int b(int p) {
        return p & 0xFF;
    }
}
