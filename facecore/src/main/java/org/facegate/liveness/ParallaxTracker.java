package org.facegate.liveness;

import org.facegate.detect.MeshLandmarks;
import org.facegate.image.LumaPlane;
import org.facegate.image.RgbImage;

/**
 * Depth parallax measured on the pixels, from a reference frame through every following frame: textured points
 * chosen on the reference mesh (eye and mouth corners and brows, which lie roughly in one plane, and the nose, which
 * stands well in front of it) are followed with {@link PointTracker}; the homography that best maps the first group
 * from the reference to the current frame predicts where the nose points would be if the face were flat, and the
 * nose's offset from that prediction along the eye line is the parallax, in eye spans.
 *
 * <p>The mesh's own landmarks cannot be used for this: the model places them where a 3-D face would have them, so a
 * photo turned 50 degrees as a plane gets landmarks with the parallax of a head turned 12 degrees (measured). The
 * tracked pixels of a flat photo follow one homography whatever the model believes.
 */
final class ParallaxTracker {
    /** Eye corners, mouth corners, brows: the face's front "plane". */
    static final int[] ANCHORS = {33, 133, 362, 263, 61, 291, 70, 105, 107, 336, 334, 300};
    /** Nose tip, ridge above it, and the two sides of the nostrils. */
    static final int[] NOSE = {1, 4, 5, 98, 327};
    /** Mean absolute grey-level difference above which a tracked point counts as lost. */
    static final float MAX_ERROR = 30f;

    private static final int[] IDS = concat(ANCHORS, NOSE);
    private final int radius;
    private final float span, ux, uy;
    private final float[] reference;
    private float[] current;
    private final boolean[] lost;
    /** The last frame's pyramid, and the one the next frame is written into (they alternate). */
    private PointTracker.Gray[] previous, spare;
    private float anchorResidual = Float.NaN;

    /** @param luma the frame's luma plane, or null to take the grey levels from {@code image} */
    ParallaxTracker(RgbImage image, LumaPlane luma, MeshLandmarks mesh) {
        span = FaceGeometry.eyeSpan(mesh);
        ux = (mesh.x(MeshLandmarks.LEFT_EYE_OUTER) - mesh.x(MeshLandmarks.RIGHT_EYE_OUTER)) / span;
        uy = (mesh.y(MeshLandmarks.LEFT_EYE_OUTER) - mesh.y(MeshLandmarks.RIGHT_EYE_OUTER)) / span;
        radius = Math.max(3, Math.min(12, Math.round(span / 12)));
        int n = ANCHORS.length + NOSE.length;
        reference = new float[2 * n];
        for (int i = 0; i < n; i++) {
            int idx = i < ANCHORS.length ? ANCHORS[i] : NOSE[i - ANCHORS.length];
            reference[2 * i] = mesh.x(idx);
            reference[2 * i + 1] = mesh.y(idx);
        }
        current = reference.clone();
        lost = new boolean[n];
        previous = PointTracker.pyramid(image, luma, null);
    }

    /**
     * Follows the points into the next frame; the meshes of the previous and this frame give each point's initial
     * guess (the pixels decide where it ends up), so fast motion does not lose the points.
     */
    void update(RgbImage image, LumaPlane luma, MeshLandmarks before, MeshLandmarks now) {
        PointTracker.Gray[] next = PointTracker.pyramid(image, luma, spare);
        float[] out = new float[current.length];
        float[] err = PointTracker.track(previous, next, current, guess(IDS, before, now), out, radius);
        for (int i = 0; i < err.length; i++) if (!(err[i] <= MAX_ERROR)) lost[i] = true;
        current = out;
        spare = previous;
        previous = next;
    }

    /**
     * Signed parallax in eye spans: positive when the nose moved towards the subject's left eye (image right in an
     * unmirrored frame) relative to the flat-face prediction, as when the subject turns to their left; NaN when too
     * many points were lost to tell.
     */
    float parallax() {
        Homography h = Homography.fitKept(reference, current, lost, ANCHORS.length, 6);
        if (h == null) return Float.NaN;
        double[] o = new double[2];
        double rss = 0;
        int na = 0;
        for (int i = 0; i < ANCHORS.length; i++) {
            if (lost[i]) continue;
            h.apply(reference[2 * i], reference[2 * i + 1], o);
            rss += (o[0] - current[2 * i]) * (o[0] - current[2 * i]) + (o[1] - current[2 * i + 1]) * (o[1] - current[2 * i + 1]);
            na++;
        }
        anchorResidual = (float) (Math.sqrt(rss / na) / span);
        double sum = 0;
        int nn = 0;
        for (int j = 0; j < NOSE.length; j++) {
            int i = ANCHORS.length + j;
            if (lost[i]) continue;
            h.apply(reference[2 * i], reference[2 * i + 1], o);
            sum += (current[2 * i] - o[0]) * ux + (current[2 * i + 1] - o[1]) * uy;
            nn++;
        }
        return nn < 2 ? Float.NaN : (float) (sum / nn / span);
    }

    static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** The mesh's displacement of each landmark between two frames, x, y pairs; null without both meshes. */
    static float[] guess(int[] ids, MeshLandmarks before, MeshLandmarks now) {
        if (before == null || now == null) return null;
        float[] g = new float[2 * ids.length];
        for (int i = 0; i < ids.length; i++) {
            g[2 * i] = now.x(ids[i]) - before.x(ids[i]);
            g[2 * i + 1] = now.y(ids[i]) - before.y(ids[i]);
        }
        return g;
    }

    /**
     * Root-mean-square distance of the tracked anchors from their own best homography, eye spans, as of the last
     * {@link #parallax()}: how well the tracking itself holds together. Nose parallax well above it is depth; nose
     * "parallax" of the same size is tracking error (blur, fast motion).
     */
    float anchorResidual() {
        return anchorResidual;
    }

    /** Tracked positions (x, y pairs; anchors then nose), for drawing and tests. */
    float[] positions() {
        return current.clone();
    }

    /** The geometric parallax of two meshes measured the same way (on landmarks instead of tracked pixels). */
    static float meshParallax(MeshLandmarks reference, MeshLandmarks current) {
        float span = FaceGeometry.eyeSpan(reference);
        float ux = (reference.x(MeshLandmarks.LEFT_EYE_OUTER) - reference.x(MeshLandmarks.RIGHT_EYE_OUTER)) / span;
        float uy = (reference.y(MeshLandmarks.LEFT_EYE_OUTER) - reference.y(MeshLandmarks.RIGHT_EYE_OUTER)) / span;
        Homography h = Homography.fit(FaceGeometry.points(reference, ANCHORS), FaceGeometry.points(current, ANCHORS));
        double[] o = new double[2];
        double sum = 0;
        for (int i : NOSE) {
            h.apply(reference.x(i), reference.y(i), o);
            sum += (current.x(i) - o[0]) * ux + (current.y(i) - o[1]) * uy;
        }
        return (float) (sum / NOSE.length / span);
    }
}
