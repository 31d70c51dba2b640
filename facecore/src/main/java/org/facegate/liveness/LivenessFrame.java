package org.facegate.liveness;

import java.util.Locale;
import org.facegate.detect.Face;
import org.facegate.detect.MeshLandmarks;
import org.facegate.image.LumaPlane;
import org.facegate.image.RgbImage;

/**
 * One analysed camera frame: the tracked face's mesh, eye aspect ratios and head pose. {@link #mesh()} is null when
 * no face was found, and then so are {@link #face()} and {@link #pose()}.
 *
 * @param timeMillis capture time (camera timestamp), milliseconds, non-decreasing within a session
 * @param image      the frame itself (kept for pixel tracking and the identity check)
 * @param luma       the camera's luma plane of the same frame, which pixel tracking reads instead of converting
 *                   {@code image}; null when the frame came without one
 */
public record LivenessFrame(long timeMillis, RgbImage image, MeshLandmarks mesh, Face face, float rightEar, float leftEar, HeadPose pose,
        LumaPlane luma) {
    /** A frame without a luma plane (pixel tracking takes the grey levels from {@code image}). */
    public LivenessFrame(long timeMillis, RgbImage image, MeshLandmarks mesh, Face face, float rightEar, float leftEar, HeadPose pose) {
        this(timeMillis, image, mesh, face, rightEar, leftEar, pose, null);
    }

    /** A frame without a face. */
    public static LivenessFrame empty(long timeMillis, RgbImage image) {
        return new LivenessFrame(timeMillis, image, null, null, Float.NaN, Float.NaN, null, null);
    }

    /** The same frame stamped with another capture time (replays at another rate, sessions started mid-clip). */
    public LivenessFrame at(long captureMillis) {
        return new LivenessFrame(captureMillis, image, mesh, face, rightEar, leftEar, pose, luma);
    }

    public boolean hasFace() {
        return mesh != null;
    }

    /** Mean of both eyes' aspect ratios. */
    public float ear() {
        return (rightEar + leftEar) / 2;
    }

    /** "EAR r 0.27 l 0.28 yaw +1.2 pitch -3.4 roll -0.9" or "no face". */
    public String describe() {
        if (!hasFace()) return "no face";
        return String.format(Locale.ROOT, "EAR r %.3f l %.3f %s", rightEar, leftEar, pose);
    }
}
