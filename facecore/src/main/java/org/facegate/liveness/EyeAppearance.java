package org.facegate.liveness;

import org.facegate.detect.MeshLandmarks;
import org.facegate.image.LumaPlane;
import org.facegate.image.RgbImage;

/**
 * Pixel evidence that the eyes changed, not just the mesh's reading of them: the eye regions of a reference frame
 * are mapped into the current frame through the homography of tracked points around them (brows, nose, mouth
 * corners; not the lids), and compared by normalized cross-correlation. For a photo, however it is tilted, the
 * mapped reference matches; when real eyelids close, the dark iris and lash line under them vanish and the
 * correlation drops. The mesh alone is not enough: on a photo tilted back it reads narrowing eyes as closing ones
 * (measured: openness down to 0.53 on tilted LFW photos).
 *
 * <p>Noise and blur also lower the correlation of a small eye region, one eye at a time, without any lid moving
 * (generated photo attacks with noise and a flickering 7x7 blur: one eye down to 0.06 while the other stayed at 0.8
 * or more). So both eyes are reported ({@link #update} and {@link #otherEye()}: a blink closes both), and a frame
 * counts only when the control regions still match ({@link #control()}: a band across the nose, and both brows,
 * which are as textured as the eyes and unchanged by a blink).
 */
final class EyeAppearance {
    static final int[] ANCHORS = {70, 105, 107, 336, 334, 300, 168, 6, 197, 1, 98, 327, 61, 291};
    private static final int GW = 16, GH = 8;

    private float[] reference, current;
    private boolean[] lost;
    private Region rightEye, leftEye, nose, rightBrow, leftBrow;
    private float control = Float.NaN, otherEye = Float.NaN;
    private int radius;
    /** The last frame's pyramid, and the one the next frame is written into (they alternate). */
    private PointTracker.Gray[] previous, spare;

    /**
     * The frame's eye regions as the reference.
     *
     * @param luma the frame's luma plane, or null to take the grey levels from {@code image}
     */
    EyeAppearance(RgbImage image, LumaPlane luma, MeshLandmarks mesh) {
        previous = PointTracker.pyramid(image, luma, null);
        retake(mesh);
    }

    /**
     * Makes the last frame given (to the constructor or {@link #update}) the reference, with {@code mesh}, that
     * frame's mesh: its regions are sampled from the pyramid already built, and the anchors are followed afresh from
     * it.
     */
    void retake(MeshLandmarks mesh) {
        float span = FaceGeometry.eyeSpan(mesh);
        radius = Math.max(3, Math.min(12, Math.round(span / 12)));
        reference = FaceGeometry.points(mesh, ANCHORS);
        current = reference.clone();
        lost = new boolean[ANCHORS.length];
        rightEye = new Region(previous, grid(mesh, MeshLandmarks.RIGHT_EYE_OUTER, MeshLandmarks.RIGHT_EYE_OUTER,
                MeshLandmarks.RIGHT_EYE_INNER, MeshLandmarks.RIGHT_EYE_INNER, 1.1f));
        leftEye = new Region(previous, grid(mesh, MeshLandmarks.LEFT_EYE_INNER, MeshLandmarks.LEFT_EYE_INNER,
                MeshLandmarks.LEFT_EYE_OUTER, MeshLandmarks.LEFT_EYE_OUTER, 1.1f));
        nose = new Region(previous, grid(mesh, 6, 6, 1, 1, 0.35f));
        // each brow between its upper and lower contour, outer end to inner end
        rightBrow = new Region(previous, grid(mesh, 70, 46, 107, 55, 1.1f));
        leftBrow = new Region(previous, grid(mesh, 336, 285, 300, 276, 1.1f));
    }

    /**
     * A GW x GH grid over a region: along the segment from the midpoint of {@code a1, a2} to that of {@code b1, b2},
     * {@code along} times its length, and 0.5 of its length across.
     */
    private static float[] grid(MeshLandmarks m, int a1, int a2, int b1, int b2, float along) {
        float ax = (m.x(a1) + m.x(a2)) / 2, ay = (m.y(a1) + m.y(a2)) / 2, bx = (m.x(b1) + m.x(b2)) / 2, by = (m.y(b1) + m.y(b2)) / 2;
        float cx = (ax + bx) / 2, cy = (ay + by) / 2, ux = bx - ax, uy = by - ay;
        float vx = -uy * 0.5f, vy = ux * 0.5f;
        float[] g = new float[2 * GW * GH];
        int k = 0;
        for (int j = 0; j < GH; j++) {
            for (int i = 0; i < GW; i++) {
                float s = (i + 0.5f) / GW - 0.5f, t = (j + 0.5f) / GH - 0.5f;
                g[k++] = cx + s * ux * along + t * vx;
                g[k++] = cy + s * uy * along + t * vy;
            }
        }
        return g;
    }

    /**
     * One region of the reference frame: its sample grid, the samples, and the samples at coarser pyramid levels (the
     * reference as a blurred frame would show it).
     */
    private static final class Region {
        final float[] grid, sharp;
        final float[][] blurred;

        Region(PointTracker.Gray[] pyramid, float[] grid) {
            this.grid = grid;
            sharp = sampleLevel(pyramid[0], grid, 1);
            blurred = new float[PointTracker.LEVELS - 1][];
            for (int l = 1; l < PointTracker.LEVELS; l++) blurred[l - 1] = sampleLevel(pyramid[l], grid, 1f / (1 << l));
        }

        /** The grid mapped into the current frame, level-0 pixels. */
        float[] mapped(Homography h) {
            float[] out = new float[grid.length];
            double[] o = new double[2];
            for (int i = 0; i < grid.length / 2; i++) {
                h.apply(grid[2 * i], grid[2 * i + 1], o);
                out[2 * i] = (float) o[0];
                out[2 * i + 1] = (float) o[1];
            }
            return out;
        }

        /**
         * Correlation with the current frame, allowing for blur: the best of the current samples against the sharp
         * reference and its blurred versions, and the current frame smoothed the same way (a coarser pyramid level,
         * which also averages sensor noise away) against the reference at that level. A photo blurred by motion or
         * focus then still matches its sharp self; closed eyes match no blur of open ones.
         */
        float match(PointTracker.Gray[] next, float[] mapped) {
            float[] cur = sampleLevel(next[0], mapped, 1);
            float best = ncc(sharp, cur);
            for (float[] b : blurred) best = Math.max(best, ncc(b, cur));
            for (int l = 1; l < PointTracker.LEVELS; l++) best = Math.max(best, ncc(blurred[l - 1], sampleLevel(next[l], mapped, 1f / (1 << l))));
            return best;
        }
    }

    private static float[] sampleLevel(PointTracker.Gray g, float[] pts, float scale) {
        float[] out = new float[pts.length / 2];
        for (int i = 0; i < out.length; i++) out[i] = g.sample(pts[2 * i] * scale - 0.5f, pts[2 * i + 1] * scale - 0.5f);
        return out;
    }

    /**
     * Follows the anchors into the next frame (the meshes of the previous and this frame give the initial guesses) and
     * returns the lower of the two eyes' correlations with the reference (1 unchanged); NaN when too many anchors were
     * lost. The other eye's is {@link #otherEye()}.
     */
    float update(RgbImage image, LumaPlane luma, MeshLandmarks before, MeshLandmarks now) {
        PointTracker.Gray[] next = PointTracker.pyramid(image, luma, spare);
        float[] out = new float[current.length];
        float[] err = PointTracker.track(previous, next, current, ParallaxTracker.guess(ANCHORS, before, now), out, radius);
        for (int i = 0; i < err.length; i++) if (!(err[i] <= ParallaxTracker.MAX_ERROR)) lost[i] = true;
        System.arraycopy(out, 0, current, 0, out.length);
        spare = previous;
        previous = next;
        Homography h = Homography.fitKept(reference, current, lost, lost.length, 6);
        if (h == null) {
            control = Float.NaN;
            otherEye = Float.NaN;
            return Float.NaN;
        }
        float brows = Math.min(rightBrow.match(next, rightBrow.mapped(h)), leftBrow.match(next, leftBrow.mapped(h)));
        control = Math.min(ncc(nose.sharp, sampleLevel(next[0], nose.mapped(h), 1)), brows);
        float r = rightEye.match(next, rightEye.mapped(h)), l = leftEye.match(next, leftEye.mapped(h));
        otherEye = Math.max(r, l);
        return Math.min(r, l);
    }

    /**
     * The lower correlation of the control regions that no blink changes (a band across the nose, and each brow with
     * the same blur allowance as the eyes): low when the tracked homography itself is off (fast motion, heavy blur, a
     * mis-tracked frame), and then a low eye correlation proves nothing. NaN before the first update.
     */
    float control() {
        return control;
    }

    /** The higher of the two eyes' correlations on the last frame (the eye that changed less). */
    float otherEye() {
        return otherEye;
    }

    static float ncc(float[] a, float[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa <= 0 || sbb <= 0 ? 0 : (float) (sab / Math.sqrt(saa * sbb));
    }
}
