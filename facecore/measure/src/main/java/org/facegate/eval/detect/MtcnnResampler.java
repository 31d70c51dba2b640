package org.facegate.eval.detect;

/**
 * Separable resampling of an axis-aligned image region for MTCNN: area averaging along an axis that shrinks (the
 * anti-aliased equivalent of OpenCV's {@code INTER_AREA}, which MTCNN's pyramid was built with), bilinear along one
 * that enlarges. Source pixels outside the image read as black, MTCNN's zero padding for boxes that cross the image
 * border. The output is interleaved RGB floats, each {@code value * mul + add}, written row-major or transposed
 * (column-major, the layout the TF ports of the MTCNN weights expect).
 *
 * <p>Tap tables and row scratch are kept between calls; one instance per thread.
 */
final class MtcnnResampler {
    private int[] hFirst = new int[0];
    private int[] hCount = new int[0];
    private float[] hWeight = new float[0];
    private int[] vFirst = new int[0];
    private int[] vCount = new int[0];
    private float[] vWeight = new float[0];
    private float[] rows = new float[0]; // ring of horizontally resampled source rows
    private int[] rowKey = new int[0];
    private float[] acc = new float[0];

    /**
     * Resamples region {@code [rx, rx + rw) x [ry, ry + rh)} (continuous pixel coordinates, pixel i covering
     * [i, i + 1)) of a packed-ARGB image into {@code ow x oh} RGB pixels.
     */
    void resample(int[] argb, int w, int h, float rx, float ry, float rw, float rh, int ow, int oh,
            float[] dst, int dstOff, boolean transpose, float mul, float add) {
        run(argb, null, w, h, rx, ry, rw, rh, ow, oh, dst, dstOff, transpose, mul, add);
    }

    /** As {@link #resample(int[], int, int, float, float, float, float, int, int, float[], int, boolean, float, float)}
     * from an interleaved RGB float image ({@code rgb[(y * w + x) * 3 + c]}). */
    void resample(float[] rgb, int w, int h, float rx, float ry, float rw, float rh, int ow, int oh,
            float[] dst, int dstOff, boolean transpose, float mul, float add) {
        run(null, rgb, w, h, rx, ry, rw, rh, ow, oh, dst, dstOff, transpose, mul, add);
    }

    private void run(int[] argb, float[] rgb, int w, int h, float rx, float ry, float rw, float rh, int ow, int oh,
            float[] dst, int dstOff, boolean transpose, float mul, float add) {
        int hMax = maxTaps(rw / ow), vMax = maxTaps(rh / oh);
        if (hFirst.length < ow || hWeight.length < ow * hMax) {
            hFirst = new int[ow];
            hCount = new int[ow];
            hWeight = new float[ow * hMax];
        }
        if (vFirst.length < oh || vWeight.length < oh * vMax) {
            vFirst = new int[oh];
            vCount = new int[oh];
            vWeight = new float[oh * vMax];
        }
        taps(rx, rw, ow, w, hMax, hFirst, hCount, hWeight);
        taps(ry, rh, oh, h, vMax, vFirst, vCount, vWeight);

        int rowLen = ow * 3;
        int ring = vMax + 1;
        if (rows.length < ring * rowLen) rows = new float[ring * rowLen];
        if (rowKey.length < ring) rowKey = new int[ring];
        for (int i = 0; i < ring; i++) rowKey[i] = Integer.MIN_VALUE;
        if (acc.length < rowLen) acc = new float[rowLen];

        for (int v = 0; v < oh; v++) {
            java.util.Arrays.fill(acc, 0, rowLen, 0f);
            int first = vFirst[v], n = vCount[v], wo = v * vMax;
            for (int k = 0; k < n; k++) {
                int j = first + k;
                int slot = j % ring;
                int off = slot * rowLen;
                if (rowKey[slot] != j) {
                    if (argb != null) horizontal(argb, j * w, ow, hMax, off);
                    else horizontal(rgb, j * w * 3, ow, hMax, off);
                    rowKey[slot] = j;
                }
                float wt = vWeight[wo + k];
                for (int i = 0; i < rowLen; i++) acc[i] += wt * rows[off + i];
            }
            if (transpose) {
                int stride = oh * 3;
                for (int u = 0, o = dstOff + v * 3; u < ow; u++, o += stride) {
                    dst[o] = acc[3 * u] * mul + add;
                    dst[o + 1] = acc[3 * u + 1] * mul + add;
                    dst[o + 2] = acc[3 * u + 2] * mul + add;
                }
            } else {
                for (int i = 0, o = dstOff + v * rowLen; i < rowLen; i++) dst[o + i] = acc[i] * mul + add;
            }
        }
    }

    private void horizontal(int[] px, int base, int ow, int hMax, int off) {
        for (int u = 0; u < ow; u++) {
            float r = 0, g = 0, b = 0;
            int s = base + hFirst[u], n = hCount[u], wo = u * hMax;
            for (int k = 0; k < n; k++) {
                int p = px[s + k];
                float wt = hWeight[wo + k];
                r += ((p >> 16) & 0xFF) * wt;
                g += ((p >> 8) & 0xFF) * wt;
                b += (p & 0xFF) * wt;
            }
            int o = off + 3 * u;
            rows[o] = r;
            rows[o + 1] = g;
            rows[o + 2] = b;
        }
    }

    private void horizontal(float[] px, int base, int ow, int hMax, int off) {
        for (int u = 0; u < ow; u++) {
            float r = 0, g = 0, b = 0;
            int s = base + 3 * hFirst[u], n = hCount[u], wo = u * hMax;
            for (int k = 0; k < n; k++, s += 3) {
                float wt = hWeight[wo + k];
                r += px[s] * wt;
                g += px[s + 1] * wt;
                b += px[s + 2] * wt;
            }
            int o = off + 3 * u;
            rows[o] = r;
            rows[o + 1] = g;
            rows[o + 2] = b;
        }
    }

    /** Most source pixels one output pixel can touch for a source-per-output ratio. */
    private static int maxTaps(float ratio) {
        return ratio <= 1 ? 2 : (int) Math.ceil(ratio) + 1;
    }

    /**
     * Fills, for each output index, the first in-image source index, the tap count and the weights. Taps outside
     * {@code [0, srcLen)} are dropped, so they contribute black.
     */
    static void taps(float r0, float rlen, int outLen, int srcLen, int maxTaps, int[] first, int[] count, float[] weight) {
        double ratio = (double) rlen / outLen;
        for (int u = 0; u < outLen; u++) {
            int wo = u * maxTaps, n = 0, f = 0;
            if (ratio > 1) {
                double a = r0 + u * ratio, b = a + ratio;
                int i0 = (int) Math.floor(a), i1 = (int) Math.ceil(b) - 1;
                for (int i = Math.max(i0, 0); i <= Math.min(i1, srcLen - 1); i++) {
                    double cover = Math.min(b, i + 1) - Math.max(a, i);
                    if (cover <= 0) continue;
                    if (n == 0) f = i;
                    weight[wo + n++] = (float) (cover / ratio);
                }
            } else {
                double c = r0 + (u + 0.5) * ratio - 0.5;
                // a sample point inside the image's extent but beyond the outermost pixel centre: clamp to the edge
                if (c < 0 && c >= -0.5) c = 0;
                if (c > srcLen - 1 && c <= srcLen - 0.5) c = srcLen - 1;
                int i0 = (int) Math.floor(c);
                float fr = (float) (c - i0);
                if (i0 >= 0 && i0 < srcLen) {
                    f = i0;
                    weight[wo + n++] = 1 - fr;
                }
                if (i0 + 1 >= 0 && i0 + 1 < srcLen && fr > 0) {
                    if (n == 0) f = i0 + 1;
                    weight[wo + n++] = fr;
                }
            }
            first[u] = f;
            count[u] = n;
        }
    }
}
