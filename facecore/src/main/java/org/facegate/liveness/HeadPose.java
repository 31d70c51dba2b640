package org.facegate.liveness;

import org.facegate.detect.MeshLandmarks;

/**
 * Head orientation in degrees, from the mesh's 3-D landmarks: the face's x axis runs from the subject's right outer eye
 * corner to the left one, its y axis from the top of the forehead to the chin; the face normal completes them.
 * Signs are the subject's own: {@code yaw > 0} turned to the subject's left (towards the image's right in an
 * unmirrored camera frame), {@code pitch > 0} looking up, {@code roll > 0} head tilted clockwise in the image. The
 * frames must be as the camera delivers them (not the mirrored preview), or left and right swap.
 *
 * <p>The mesh's depth is a learned estimate, so these are approximate (a few degrees); challenges use changes of
 * pose within one session, not absolute values.
 */
public record HeadPose(float yaw, float pitch, float roll) {
    static final int FOREHEAD = 10, CHIN = 152;
    /**
     * The face y axis (forehead to chin) of a frontal face leans away from the camera at the top in the mesh's
     * canonical geometry; this offset (degrees, mean over frontal LFW dev faces) makes a frontal face read ~0 pitch.
     */
    static final float PITCH_OFFSET = 0f;

    /** The pose of one mesh. */
    public static HeadPose of(MeshLandmarks m) {
        double[] x = sub(m, MeshLandmarks.LEFT_EYE_OUTER, MeshLandmarks.RIGHT_EYE_OUTER);
        double[] y = sub(m, CHIN, FOREHEAD);
        normalize(x);
        double d = dot(x, y);
        for (int i = 0; i < 3; i++) y[i] -= d * x[i];
        normalize(y);
        // z = x cross y: points away from the camera (into the head) for a frontal face; the face normal is -z
        double[] z = {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
        double yaw = Math.toDegrees(Math.asin(clamp(-z[0])));
        double pitch = Math.toDegrees(Math.asin(clamp(z[1]))) - PITCH_OFFSET;
        double roll = Math.toDegrees(Math.atan2(x[1], x[0]));
        return new HeadPose((float) yaw, (float) pitch, (float) roll);
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    private static double[] sub(MeshLandmarks m, int a, int b) {
        return new double[] {m.x(a) - m.x(b), m.y(a) - m.y(b), m.z(a) - m.z(b)};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static void normalize(double[] v) {
        double n = Math.sqrt(dot(v, v));
        if (n > 0) for (int i = 0; i < 3; i++) v[i] /= n;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "yaw %+.1f pitch %+.1f roll %+.1f", yaw, pitch, roll);
    }
}
