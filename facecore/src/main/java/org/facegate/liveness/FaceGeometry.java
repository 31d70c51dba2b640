package org.facegate.liveness;

import org.facegate.detect.MeshLandmarks;

/**
 * Measurements on Face Mesh landmarks for liveness: eye aspect ratio, the eyes' rigid surroundings, the face's scale.
 * (Parallax is measured on tracked pixels, not on landmarks: {@link ParallaxTracker}.)
 */
public final class FaceGeometry {
    private FaceGeometry() {}

    /**
     * Eye aspect ratio landmarks, {@code p1..p6} as in Soukupova and Cech (2016): outer/inner corner, two upper-lid
     * and two lower-lid points. Subject's right eye (image-left) and left eye.
     */
    static final int[] RIGHT_EAR = {33, 160, 158, 133, 153, 144}, LEFT_EAR = {362, 385, 387, 263, 373, 380};

    /**
     * Points around each eye that do not move when the eye closes (corners, brow, nose bridge, cheek bone, temple):
     * the eye's local frame, used to tell a lid that moved from an eye that was squashed with the whole face.
     */
    static final int[] RIGHT_EYE_FRAME = {33, 133, 70, 63, 105, 66, 107, 168, 6, 117, 118, 101, 127, 162, 234};
    static final int[] LEFT_EYE_FRAME = {263, 362, 300, 293, 334, 296, 336, 168, 6, 346, 347, 330, 356, 389, 454};

    /** Eye aspect ratio of the subject's right eye (image-left): about 0.25-0.35 open, under ~0.15 closed. */
    public static float rightEar(MeshLandmarks m) {
        return ear(m.xyz(), RIGHT_EAR);
    }

    /** Eye aspect ratio of the subject's left eye (image-right). */
    public static float leftEar(MeshLandmarks m) {
        return ear(m.xyz(), LEFT_EAR);
    }

    /** Eye aspect ratio of six points in an interleaved x,y,z array. */
    static float ear(float[] xyz, int[] p) {
        double v1 = dist(xyz, p[1], p[5]), v2 = dist(xyz, p[2], p[4]), h = dist(xyz, p[0], p[3]);
        return h <= 0 ? 0 : (float) ((v1 + v2) / (2 * h));
    }

    /** Distance between the outer eye corners: the face's scale in pixels. */
    public static float eyeSpan(MeshLandmarks m) {
        return (float) dist(m.xyz(), MeshLandmarks.RIGHT_EYE_OUTER, MeshLandmarks.LEFT_EYE_OUTER);
    }

    private static double dist(float[] xyz, int a, int b) {
        return Math.hypot(xyz[3 * a] - xyz[3 * b], xyz[3 * a + 1] - xyz[3 * b + 1]);
    }

    /** Image-plane coordinates of the given landmarks, interleaved x, y. */
    static float[] points(MeshLandmarks m, int[] idx) {
        float[] p = new float[2 * idx.length];
        for (int i = 0; i < idx.length; i++) {
            p[2 * i] = m.x(idx[i]);
            p[2 * i + 1] = m.y(idx[i]);
        }
        return p;
    }

    /**
     * Eye aspect ratio of {@code current}'s eye measured in {@code reference}'s frame: the current lid points are mapped
     * back through the affine map that takes the eye's rigid surroundings from {@code reference} to {@code current}.
     * A photo tilted away from the camera squashes the whole eye region, so its plain EAR drops as if the eye closed;
     * this one does not, because the squash is undone. Divided by the reference's own EAR it is the eye's openness
     * relative to that frame (1 unchanged, ~0.3 closed).
     */
    static float rectifiedEar(MeshLandmarks reference, MeshLandmarks current, boolean rightEye) {
        int[] frame = rightEye ? RIGHT_EYE_FRAME : LEFT_EYE_FRAME;
        int[] ear = rightEye ? RIGHT_EAR : LEFT_EAR;
        Homography back = Homography.fitAffine(points(current, frame), points(reference, frame));
        float[] xyz = new float[3 * MeshLandmarks.COUNT];
        double[] o = new double[2];
        for (int i : ear) {
            back.apply(current.x(i), current.y(i), o);
            xyz[3 * i] = (float) o[0];
            xyz[3 * i + 1] = (float) o[1];
        }
        return ear(xyz, ear);
    }
}
