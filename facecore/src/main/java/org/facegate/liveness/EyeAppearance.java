package org.facegate.liveness;

import org.facegate.detect.MeshLandmarks;
import org.facegate.image.RgbImage;

/**
 * Pixel evidence that the eyes changed, not just the mesh's reading of them: the eye regions of a reference frame
 * are mapped into the current frame through the homography of tracked points around them (brows, nose, mouth
 * corners; not the lids), and compared by normalized cross-correlation. For a photo, however it is tilted, the
 * mapped reference matches (0.49 and up in the generated attacks, blur and noise included, mostly above 0.8); when
 * real eyelids close, the dark iris and
 * lash line under them vanish and the correlation drops. The mesh alone is not enough: on a photo tilted back it
 * reads narrowing eyes as closing ones (measured: openness down to 0.53 on tilted LFW photos).
 */
final class EyeAppearance {
    static final int[] ANCHORS = {70, 105, 107, 336, 334, 300, 168, 6, 197, 1, 98, 327, 61, 291};
    private static final int GW = 16, GH = 8;

    private final float[] reference, current;
    private final boolean[] lost;
    private final float[] rightGrid, leftGrid, noseGrid; // sample positions in the reference frame
    private final float[] rightRef, leftRef, noseRef;
    /** The reference eye samples taken from coarser pyramid levels: the reference as a blurred frame would show it. */
    private final float[][] rightBlurred, leftBlurred;
    private float control = Float.NaN;
    private final int radius;
    private PointTracker.Gray[] previous;

    EyeAppearance(RgbImage image, MeshLandmarks mesh) {
        float span = FaceGeometry.eyeSpan(mesh);
        radius = Math.max(3, Math.min(12, Math.round(span / 12)));
        reference = FaceGeometry.points(mesh, ANCHORS);
        current = reference.clone();
        lost = new boolean[ANCHORS.length];
        previous = PointTracker.pyramid(image);
        rightGrid = grid(mesh, MeshLandmarks.RIGHT_EYE_OUTER, MeshLandmarks.RIGHT_EYE_INNER, 1.1f);
        leftGrid = grid(mesh, MeshLandmarks.LEFT_EYE_INNER, MeshLandmarks.LEFT_EYE_OUTER, 1.1f);
        noseGrid = grid(mesh, 6, 1, 0.35f);
        noseRef = sample(previous[0], noseGrid, null);
        rightRef = sample(previous[0], rightGrid, null);
        leftRef = sample(previous[0], leftGrid, null);
        rightBlurred = new float[PointTracker.LEVELS - 1][];
        leftBlurred = new float[PointTracker.LEVELS - 1][];
        for (int l = 1; l < PointTracker.LEVELS; l++) {
            rightBlurred[l - 1] = sampleLevel(previous[l], rightGrid, 1f / (1 << l));
            leftBlurred[l - 1] = sampleLevel(previous[l], leftGrid, 1f / (1 << l));
        }
    }

    /** A GW x GH grid over a region: {@code along} times the a-to-b segment along it, 0.5 of its length across. */
    private static float[] grid(MeshLandmarks m, int a, int b, float along) {
        float ax = m.x(a), ay = m.y(a), bx = m.x(b), by = m.y(b);
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

    private static float[] sampleLevel(PointTracker.Gray g, float[] pts, float scale) {
        float[] out = new float[pts.length / 2];
        for (int i = 0; i < out.length; i++) out[i] = g.sample(pts[2 * i] * scale - 0.5f, pts[2 * i + 1] * scale - 0.5f);
        return out;
    }

    /**
     * Correlation of current eye samples with the reference, allowing for blur: the best over the sharp reference and
     * its blurred versions (pyramid levels). A photo blurred by motion or focus then still matches its sharp reference;
     * closed eyes match no blur of open ones.
     */
    private static float blurTolerantNcc(float[] sharp, float[][] blurred, float[] cur) {
        float best = ncc(sharp, cur);
        for (float[] b : blurred) best = Math.max(best, ncc(b, cur));
        return best;
    }

    private static float[] sample(PointTracker.Gray g, float[] pts, Homography h) {
        float[] out = new float[pts.length / 2];
        double[] o = new double[2];
        for (int i = 0; i < out.length; i++) {
            if (h == null) {
                out[i] = g.sample(pts[2 * i] - 0.5f, pts[2 * i + 1] - 0.5f);
            } else {
                h.apply(pts[2 * i], pts[2 * i + 1], o);
                out[i] = g.sample((float) o[0] - 0.5f, (float) o[1] - 0.5f);
            }
        }
        return out;
    }

    /**
     * Follows the anchors into the next frame (the meshes of the previous and this frame give the initial guesses) and returns the lower of the two eyes' correlations with the reference
     * (1 unchanged); NaN when too many anchors were lost.
     */
    float update(RgbImage image, MeshLandmarks before, MeshLandmarks now) {
        PointTracker.Gray[] next = PointTracker.pyramid(image);
        float[] out = new float[current.length];
        float[] err = PointTracker.track(previous, next, current, ParallaxTracker.guess(ANCHORS, before, now), out, radius);
        for (int i = 0; i < err.length; i++) if (!(err[i] <= ParallaxTracker.MAX_ERROR)) lost[i] = true;
        System.arraycopy(out, 0, current, 0, out.length);
        previous = next;
        int n = 0;
        for (boolean l : lost) if (!l) n++;
        if (n < 6) {
            control = Float.NaN;
            return Float.NaN;
        }
        float[] src = new float[2 * n], dst = new float[2 * n];
        for (int i = 0, k = 0; i < lost.length; i++) {
            if (lost[i]) continue;
            src[2 * k] = reference[2 * i];
            src[2 * k + 1] = reference[2 * i + 1];
            dst[2 * k] = current[2 * i];
            dst[2 * k + 1] = current[2 * i + 1];
            k++;
        }
        Homography h = Homography.fit(src, dst);
        control = ncc(noseRef, sample(next[0], noseGrid, h));
        return Math.min(eyeNcc(rightRef, rightBlurred, next, rightGrid, h), eyeNcc(leftRef, leftBlurred, next, leftGrid, h));
    }

    /**
     * The best of: the current eye against the sharp reference and its blurred versions, and the current eye smoothed
     * the same way (a coarser pyramid level, which also averages sensor noise away) against the reference at that level.
     */
    private static float eyeNcc(float[] sharp, float[][] blurred, PointTracker.Gray[] next, float[] grid, Homography h) {
        float best = blurTolerantNcc(sharp, blurred, sample(next[0], grid, h));
        float[] mapped = new float[grid.length];
        double[] o = new double[2];
        for (int i = 0; i < grid.length / 2; i++) {
            h.apply(grid[2 * i], grid[2 * i + 1], o);
            mapped[2 * i] = (float) o[0];
            mapped[2 * i + 1] = (float) o[1];
        }
        for (int l = 1; l < PointTracker.LEVELS; l++) {
            best = Math.max(best, ncc(blurred[l - 1], sampleLevel(next[l], mapped, 1f / (1 << l))));
        }
        return best;
    }

    /**
     * The same correlation for a control region that no blink changes (the nose ridge, turned sideways: a band
     * across the nose, 0.5 of its length): low when the tracked homography itself is off (fast motion, heavy blur),
     * and then a low eye correlation proves nothing. NaN before the first update.
     */
    float control() {
        return control;
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
