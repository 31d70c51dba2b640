package org.facegate.liveness;

import org.facegate.detect.Face;
import org.facegate.image.RgbImage;

/**
 * The caller's identity test for one frame of a liveness session: does this face belong to the person being
 * unlocked? The session calls it on frames throughout the challenge (see {@link ChallengeSession}), so a photo or
 * another person swapped in during the challenge fails it. Typically: align and embed {@code face} and compare
 * with the enrolled templates at the gate's security level.
 */
@FunctionalInterface
public interface IdentityCheck {
    /** Accepts every face: only for measuring presentation attacks by the owner's own photo. */
    IdentityCheck ANYONE = (frame, face) -> true;

    /**
     * @param face the tracked face, with five keypoints from the mesh (eye-contour centres, nose tip, mouth corners) as
     *     they are, without the offsets {@link org.facegate.detect.MeshRefinedDetector} adds to match the alignment
     *     template (up to 2.3 template pixels); to align exactly as enrollment with the default detector did, pass
     *     the face through that detector's {@code refine(frame, face)} (one more mesh run)
     */
    boolean matches(RgbImage frame, Face face);
}
