package org.facegate.detect;

/**
 * The 468 MediaPipe Face Mesh landmarks of one face, in source-image pixels: x to the right, y down, z the depth
 * relative to the face's centre of mass in the same pixel scale (smaller is nearer the camera). The index layout is
 * MediaPipe's canonical face model; the indices used by FaceGate are named below. "Left" and "right" follow
 * {@link Landmarks}: as seen in an unmirrored image, so {@link #RIGHT_EYE_OUTER} (the subject's right eye) is on the
 * image's left.
 *
 * @param xyz      {@code 3 * }{@link #COUNT} coordinates, {@code (x, y, z)} per landmark; not copied, do not modify
 * @param presence face presence probability in [0, 1] for the region the mesh ran on (low: no face there)
 */
public record MeshLandmarks(float[] xyz, float presence) {
    /** Number of landmarks. */
    public static final int COUNT = 468;

    /** Nose tip. */
    public static final int NOSE_TIP = 1;
    /** Point on the nose ridge just above the tip. */
    public static final int NOSE_ABOVE_TIP = 4;
    /** Outer lip corners: image-left (subject's right) and image-right. */
    public static final int MOUTH_LEFT = 61, MOUTH_RIGHT = 291;
    /** Subject's right eye (image-left): outer and inner corner. */
    public static final int RIGHT_EYE_OUTER = 33, RIGHT_EYE_INNER = 133;
    /** Subject's left eye (image-right): inner and outer corner. */
    public static final int LEFT_EYE_INNER = 362, LEFT_EYE_OUTER = 263;
    /** Subject's right eye (image-left) upper and lower lid midpoints. */
    public static final int RIGHT_EYE_TOP = 159, RIGHT_EYE_BOTTOM = 145;
    /** Subject's left eye (image-right) upper and lower lid midpoints. */
    public static final int LEFT_EYE_TOP = 386, LEFT_EYE_BOTTOM = 374;

    /** The 16-point contour of the subject's right eye (image-left), MediaPipe's {@code FACEMESH_RIGHT_EYE}. */
    public static int[] rightEyeContour() {
        return new int[] {33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246};
    }

    /** The 16-point contour of the subject's left eye (image-right), MediaPipe's {@code FACEMESH_LEFT_EYE}. */
    public static int[] leftEyeContour() {
        return new int[] {263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466};
    }

    public MeshLandmarks {
        if (xyz.length != 3 * COUNT) throw new IllegalArgumentException("expected " + 3 * COUNT + " values, got " + xyz.length);
    }

    public float x(int i) {
        return xyz[3 * i];
    }

    public float y(int i) {
        return xyz[3 * i + 1];
    }

    public float z(int i) {
        return xyz[3 * i + 2];
    }

    /** Landmark {@code i} projected to the image plane. */
    public Point point(int i) {
        return new Point(xyz[3 * i], xyz[3 * i + 1]);
    }

    /** The centroid (in the image plane) of the given landmarks. */
    public Point mean(int... indices) {
        float sx = 0, sy = 0;
        for (int i : indices) {
            sx += xyz[3 * i];
            sy += xyz[3 * i + 1];
        }
        return new Point(sx / indices.length, sy / indices.length);
    }

    /** The axis-aligned bounding box of all landmarks in the image plane. */
    public Box bounds() {
        float l = Float.POSITIVE_INFINITY, t = Float.POSITIVE_INFINITY, r = Float.NEGATIVE_INFINITY, b = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < COUNT; i++) {
            float x = xyz[3 * i], y = xyz[3 * i + 1];
            l = Math.min(l, x);
            r = Math.max(r, x);
            t = Math.min(t, y);
            b = Math.max(b, y);
        }
        return new Box(l, t, r, b);
    }
}
