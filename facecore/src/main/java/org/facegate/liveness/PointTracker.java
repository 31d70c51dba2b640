package org.facegate.liveness;

import org.facegate.image.LumaPlane;
import org.facegate.image.RgbImage;

/**
 * Pyramidal Lucas-Kanade point tracking on grey levels: where did the texture around each point of one frame go in
 * the next? Unlike the mesh, which places landmarks where its learned 3-D face prior expects them, this follows the
 * pixels, so it tells a flat photo (every point moves by one homography) from a head (the nose moves against the
 * eye and mouth corners).
 */
final class PointTracker {
    /** Pyramid levels (each half the size of the one before). */
    static final int LEVELS = 4;
    /** Largest round-trip (forward then backward) error, level-0 pixels, for a point to count as tracked. */
    static final float MAX_ROUND_TRIP = 1f;
    private static final int ITERATIONS = 12;

    private PointTracker() {}

    /** A grey-level image, or a region of one, as floats. */
    static final class Gray {
        final int width, height;
        final float[] v;

        Gray(int width, int height, float[] v) {
            this.width = width;
            this.height = height;
            this.v = v;
        }

        float at(int x, int y) {
            x = x < 0 ? 0 : x >= width ? width - 1 : x;
            y = y < 0 ? 0 : y >= height ? height - 1 : y;
            return v[y * width + x];
        }

        float sample(float x, float y) {
            int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
            float fx = x - x0, fy = y - y0;
            float a = at(x0, y0), b = at(x0 + 1, y0), c = at(x0, y0 + 1), d = at(x0 + 1, y0 + 1);
            return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
        }

        /** Writes this image at half the size into {@code out} (which has that size): 2x2 means. */
        void halfInto(Gray out) {
            int w = out.width, h = out.height;
            float[] o = out.v;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    o[y * w + x] = (at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) + at(2 * x + 1, 2 * y + 1)) / 4;
                }
            }
        }
    }

    /**
     * Luma of the whole frame, then {@link #LEVELS} levels of a 2x pyramid, written into {@code reuse} when it is a
     * pyramid of this size (trackers keep two and alternate, so a frame costs no new arrays), else into new arrays.
     * The luma is the camera's own plane when the frame comes with one ({@code luma}, in the frame's upright
     * coordinates), else computed from the RGB pixels.
     */
    static Gray[] pyramid(RgbImage img, LumaPlane luma, Gray[] reuse) {
        int w = img.width(), h = img.height();
        Gray[] pyr = reuse != null && reuse[0].width == w && reuse[0].height == h ? reuse : newPyramid(w, h);
        float[] g = pyr[0].v;
        if (luma != null) {
            if (luma.width() != w || luma.height() != h) {
                throw new IllegalArgumentException("luma plane " + luma.width() + "x" + luma.height() + " is not of the " + w + "x" + h + " frame");
            }
            luma.toFloats(g);
        } else {
            int[] px = img.argb();
            for (int i = 0; i < w * h; i++) {
                int p = px[i];
                g[i] = 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
            }
        }
        return halved(pyr);
    }

    /** Levels 1.. of {@code pyr} written from level 0. */
    private static Gray[] halved(Gray[] pyr) {
        for (int l = 1; l < LEVELS; l++) pyr[l - 1].halfInto(pyr[l]);
        return pyr;
    }

    private static Gray[] newPyramid(int w, int h) {
        return withLevels(new Gray(w, h, new float[w * h]));
    }

    /** {@code level0} with new arrays for the smaller levels (not yet written). */
    private static Gray[] withLevels(Gray level0) {
        Gray[] pyr = new Gray[LEVELS];
        pyr[0] = level0;
        for (int l = 1; l < LEVELS; l++) {
            int w = Math.max(1, pyr[l - 1].width / 2), h = Math.max(1, pyr[l - 1].height / 2);
            pyr[l] = new Gray(w, h, new float[w * h]);
        }
        return pyr;
    }

    /** Mean squared grey-level gradient in square windows of {@code radius} around the points: how sharp they are. */
    static float sharpness(Gray g, float[] points, int radius) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < points.length / 2; i++) {
            int cx = Math.round(points[2 * i]), cy = Math.round(points[2 * i + 1]);
            for (int y = cy - radius; y <= cy + radius; y++) {
                for (int x = cx - radius; x <= cx + radius; x++) {
                    float gx = (g.at(x + 1, y) - g.at(x - 1, y)) / 2, gy = (g.at(x, y + 1) - g.at(x, y - 1)) / 2;
                    sum += gx * gx + gy * gy;
                    n++;
                }
            }
        }
        return n == 0 ? 0 : (float) (sum / n);
    }

    /**
     * {@code sharper} blurred (box blurs of growing size) until its sharpness around the points is closest to {@code target}:
     * two frames compared at the same blur. Lucas-Kanade between a sharp and a blurred view of the same texture is
     * biased where the texture is lopsided (the nose tip above dark nostrils): on a flat photo under a flickering 7x7
     * blur the nose "moved" 0.04-0.09 eye spans against the eye corners between a sharp and a blurred frame.
     */
    static Gray[] blurredTo(Gray[] sharper, float target, float[] points, int radius) {
        Gray best = sharper[0];
        float bestGap = Math.abs(sharpness(best, points, radius) - target);
        for (int r = 1; r <= MAX_MATCHING_BLUR; r++) {
            Gray b = boxBlur(sharper[0], r);
            float gap = Math.abs(sharpness(b, points, radius) - target);
            if (gap >= bestGap) break;
            best = b;
            bestGap = gap;
        }
        return best == sharper[0] ? sharper : halved(withLevels(best)); // a new pyramid: blurred frames are not reused
    }

    /** Radius of the largest box blur {@link #blurredTo} tries (a 9x9 box). */
    static final int MAX_MATCHING_BLUR = 4;

    /** A (2r+1)x(2r+1) box blur, edges clamped. */
    static Gray boxBlur(Gray g, int r) {
        int w = g.width, h = g.height;
        float[] tmp = new float[w * h], out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int k = -r; k <= r; k++) s += g.at(x + k, y);
                tmp[y * w + x] = s;
            }
        }
        Gray t = new Gray(w, h, tmp);
        float n = (2 * r + 1) * (2 * r + 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int k = -r; k <= r; k++) s += t.at(x, y + k);
                out[y * w + x] = s / n;
            }
        }
        return new Gray(w, h, out);
    }

    /**
     * Tracks points from {@code prev} to {@code next}.
     *
     * @param points   x, y pairs in {@code prev} (level-0 pixels)
     * @param out      receives the tracked x, y pairs
     * @param guess    initial displacement per point (x, y pairs, level-0 pixels; e.g. from the mesh), or null
     * @param radius   half-size of the square window at level 0, pixels
     * @return per point: the mean absolute grey-level difference of its window after tracking (lower is better),
     *     or {@link Float#POSITIVE_INFINITY} where the window has no texture to track or tracking it back from
     *     {@code next} does not return within {@link #MAX_ROUND_TRIP} pixels of where it started
     */
    static float[] track(Gray[] prev, Gray[] next, float[] points, float[] guess, float[] out, int radius) {
        return track(prev, next, points, guess, null, out, radius);
    }

    /**
     * {@link #track} with each point's window in {@code prev} warped by a 2x2 matrix: pixel {@code (dx, dy)} of the
     * window in {@code next} is compared with {@code point + warp * (dx, dy)} in {@code prev} (the inverse of the local
     * map from {@code prev} to {@code next}, where that map is known), so that a window that foreshortened or turned
     * between the frames is compared in its new shape. Lucas-Kanade with square windows is biased when the texture
     * under it is squashed: on a photo tilted 36 degrees between two frames the brows and eye corners slid 0.01-0.02
     * eye spans and the nose 0.03-0.08.
     *
     * @param warp per point 4 values, row-major, or null for none
     */
    static float[] track(Gray[] prev, Gray[] next, float[] points, float[] guess, float[] warp, float[] out, int radius) {
        return track(prev, next, points, guess, warp, out, radius, LEVELS, null);
    }

    /**
     * {@link #track(Gray[], Gray[], float[], float[], float[], float[], int)} on the finest {@code levels} levels of the
     * pyramids only, for a guess already within a few pixels: a window of the same size at a coarser level covers more
     * of the frame (at level 3, the whole face and the background beside it), and where the scene is not one plane (a
     * head's outline moving against the wall, its nose against its cheeks) those coarse levels pull a correct guess away.
     *
     * @param roundTrip null to fail points beyond {@link #MAX_ROUND_TRIP}, as the other overloads do; or an array that
     *     receives each point's round-trip error (level-0 pixels) for the caller to judge, no point failed for it here
     *     (meaningful only where the returned error is finite)
     */
    static float[] track(Gray[] prev, Gray[] next, float[] points, float[] guess, float[] warp, float[] out, int radius, int levels, float[] roundTrip) {
        if (levels < 1 || levels > LEVELS) throw new IllegalArgumentException("levels " + levels + " not in 1.." + LEVELS);
        float[] error = trackOneWay(prev, next, points, guess, warp, out, radius, levels);
        float[] back = new float[points.length], backGuess = new float[points.length];
        for (int i = 0; i < points.length; i++) backGuess[i] = points[i] - out[i];
        float[] backError = trackOneWay(next, prev, out, backGuess, inverses(warp), back, radius, levels);
        for (int i = 0; i < error.length; i++) {
            double trip = Math.hypot(back[2 * i] - points[2 * i], back[2 * i + 1] - points[2 * i + 1]);
            if (roundTrip != null) roundTrip[i] = (float) trip;
            if (!(backError[i] < Float.POSITIVE_INFINITY) || (roundTrip == null && !(trip <= MAX_ROUND_TRIP))) error[i] = Float.POSITIVE_INFINITY;
        }
        return error;
    }

    /** Each 2x2 matrix inverted (null stays null). */
    private static float[] inverses(float[] warp) {
        if (warp == null) return null;
        float[] inv = new float[warp.length];
        for (int i = 0; i < warp.length; i += 4) {
            float det = warp[i] * warp[i + 3] - warp[i + 1] * warp[i + 2];
            inv[i] = warp[i + 3] / det;
            inv[i + 1] = -warp[i + 1] / det;
            inv[i + 2] = -warp[i + 2] / det;
            inv[i + 3] = warp[i] / det;
        }
        return inv;
    }

    private static float[] trackOneWay(Gray[] prev, Gray[] next, float[] points, float[] guess, float[] warp, float[] out, int radius, int levels) {
        int n = points.length / 2;
        float[] error = new float[n];
        // one window's samples and gradients, reused for every point and level (the same size at every level)
        int r = Math.max(2, radius);
        int size = (2 * r + 1) * (2 * r + 1);
        float[] t = new float[size], ix = new float[size], iy = new float[size];
        for (int i = 0; i < n; i++) {
            // the window's axes in prev: (a00, a10) for a step along x in next, (a01, a11) along y
            float a00 = warp == null ? 1 : warp[4 * i], a01 = warp == null ? 0 : warp[4 * i + 1];
            float a10 = warp == null ? 0 : warp[4 * i + 2], a11 = warp == null ? 1 : warp[4 * i + 3];
            float coarse = 1f / (1 << (levels - 1));
            float gx = guess == null ? 0 : guess[2 * i] * coarse, gy = guess == null ? 0 : guess[2 * i + 1] * coarse; // level pixels
            boolean ok = true;
            for (int l = levels - 1; l >= 0; l--) {
                float scale = 1f / (1 << l);
                float px = points[2 * i] * scale, py = points[2 * i + 1] * scale;
                double gxx = 0, gxy = 0, gyy = 0;
                Gray a = prev[l], b = next[l];
                int k = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++, k++) {
                        float x = px + a00 * dx + a01 * dy, y = py + a10 * dx + a11 * dy;
                        t[k] = a.sample(x, y);
                        ix[k] = (a.sample(x + a00, y + a10) - a.sample(x - a00, y - a10)) / 2;
                        iy[k] = (a.sample(x + a01, y + a11) - a.sample(x - a01, y - a11)) / 2;
                        gxx += ix[k] * ix[k];
                        gxy += ix[k] * iy[k];
                        gyy += iy[k] * iy[k];
                    }
                }
                double det = gxx * gyy - gxy * gxy;
                double trace = gxx + gyy;
                double minEig = (trace - Math.sqrt(Math.max(0, trace * trace - 4 * det))) / 2;
                if (minEig / size < 1e-2) {
                    ok = l > 0; // a coarse level may be flat; the finest must have texture
                    if (l > 0) {
                        gx *= 2;
                        gy *= 2;
                        continue;
                    }
                    break;
                }
                for (int it = 0; it < ITERATIONS; it++) {
                    double bx = 0, by = 0;
                    k = 0;
                    for (int dy = -r; dy <= r; dy++) {
                        for (int dx = -r; dx <= r; dx++, k++) {
                            float e = t[k] - b.sample(px + gx + dx, py + gy + dy);
                            bx += e * ix[k];
                            by += e * iy[k];
                        }
                    }
                    double ux = (gyy * bx - gxy * by) / det, uy = (gxx * by - gxy * bx) / det;
                    gx += ux;
                    gy += uy;
                    if (ux * ux + uy * uy < 1e-4) break;
                }
                if (l > 0) {
                    gx *= 2;
                    gy *= 2;
                }
            }
            out[2 * i] = points[2 * i] + gx;
            out[2 * i + 1] = points[2 * i + 1] + gy;
            if (!ok) {
                error[i] = Float.POSITIVE_INFINITY;
                continue;
            }
            double sum = 0;
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                    float x = points[2 * i] + a00 * dx + a01 * dy, y = points[2 * i + 1] + a10 * dx + a11 * dy;
                    sum += Math.abs(prev[0].sample(x, y) - next[0].sample(out[2 * i] + dx, out[2 * i + 1] + dy));
                }
            }
            error[i] = (float) (sum / ((2 * radius + 1) * (2 * radius + 1)));
        }
        return error;
    }
}
