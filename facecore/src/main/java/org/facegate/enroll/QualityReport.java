package org.facegate.enroll;

import java.util.List;
import org.facegate.detect.Face;

/**
 * Measured quality of one candidate sample.
 *
 * @param face        the face judged (null when none or several)
 * @param issues      every reason to refuse; empty when the sample is good
 * @param interocular eye distance in pixels
 * @param brightness  mean luma of the aligned crop, 0..255
 * @param sharpness   variance of the Laplacian of the aligned crop's luma
 * @param yaw         {@link org.facegate.detect.Landmarks#yawRatio()}
 */
public record QualityReport(Face face, List<QualityIssue> issues, float interocular, float brightness, float sharpness, float yaw) {
    /** Whether the sample may be enrolled. */
    public boolean ok() {
        return issues.isEmpty();
    }

    /** Quality score in [0, 1] stored with the template: sharpness and size, saturating at comfortable values. */
    public float score() {
        return Math.min(1f, sharpness / 400f) * 0.5f + Math.min(1f, interocular / 60f) * 0.5f;
    }
}
