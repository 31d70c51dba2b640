package org.facegate.liveness;

import java.util.Locale;
import org.facegate.detect.Face;
import org.facegate.detect.MeshLandmarks;
import org.facegate.image.RgbImage;

/**
 * One analysed camera frame: the tracked face's mesh, eye aspect ratios and head pose. {@link #mesh()} is null when
 * no face was found, and then so are {@link #face()} and {@link #pose()}.
 *
 * @param timeMillis capture time (camera timestamp), milliseconds, non-decreasing within a session
 * @param image      the frame itself (kept for pixel tracking and the identity check)
 */
public record LivenessFrame(long timeMillis, RgbImage image, MeshLandmarks mesh, Face face, float rightEar, float leftEar, HeadPose pose) {
    /** A frame without a face. */
    public static LivenessFrame empty(long timeMillis, RgbImage image) {
        return new LivenessFrame(timeMillis, image, null, null, Float.NaN, Float.NaN, null);
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
