package org.facegate.image;

import java.nio.FloatBuffer;

/**
 * Bilinear sampling from an {@link RgbImage} into a model's float input, writing RGB triples with a per-model
 * normalization {@code (v - mean) / std}. Pixels outside the image read as black (letterbox padding).
 */
public final class Sampler {
    private Sampler() {}

    /**
     * Fills {@code out} (HWC, RGB) with the {@code outW x outH} image obtained by mapping output pixel centre
     * (u, v) to source position (a*u + b*v + c, d*u + e*v + f): an affine warp, which covers scaling, letterboxing
     * and similarity alignment alike.
     *
     * @param m six affine coefficients {a, b, c, d, e, f} from output to source coordinates
     */
    public static void warpAffine(RgbImage src, double[] m, int outW, int outH, float mean, float std, FloatBuffer out) {
        int w = src.width(), h = src.height();
        int[] px = src.argb();
        float inv = 1f / std;
        for (int v = 0; v < outH; v++) {
            for (int u = 0; u < outW; u++) {
                double cu = u + 0.5, cv = v + 0.5;
                double sx = m[0] * cu + m[1] * cv + m[2] - 0.5;
                double sy = m[3] * cu + m[4] * cv + m[5] - 0.5;
                int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
                float fx = (float) (sx - x0), fy = (float) (sy - y0);
                int p00 = pixel(px, w, h, x0, y0), p10 = pixel(px, w, h, x0 + 1, y0);
                int p01 = pixel(px, w, h, x0, y0 + 1), p11 = pixel(px, w, h, x0 + 1, y0 + 1);
                for (int shift = 16; shift >= 0; shift -= 8) {
                    float top = ((p00 >> shift) & 0xFF) * (1 - fx) + ((p10 >> shift) & 0xFF) * fx;
                    float bottom = ((p01 >> shift) & 0xFF) * (1 - fx) + ((p11 >> shift) & 0xFF) * fx;
                    out.put(((top * (1 - fy) + bottom * fy) - mean) * inv);
                }
            }
        }
    }

    private static int pixel(int[] px, int w, int h, int x, int y) {
        return (x < 0 || y < 0 || x >= w || y >= h) ? 0 : px[y * w + x];
    }
}
