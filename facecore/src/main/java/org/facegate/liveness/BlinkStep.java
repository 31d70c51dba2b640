package org.facegate.liveness;

/**
 * The blink challenge (and the passive check's natural blink): done when {@link BlinkDetector} sees both eyes close,
 * with pixel evidence, and reopen. Guarded, a head movement of {@link ChallengeStep#WRONG_DEGREES} in any direction
 * ends it ({@link Status#WRONG_MOVEMENT}).
 */
final class BlinkStep extends ChallengeStep {
    private final BlinkDetector eyes = new BlinkDetector();

    BlinkStep(HeadPose neutral, boolean guarded) {
        super(Challenge.BLINK, neutral, guarded);
    }

    @Override
    boolean progress(LivenessFrame frame) {
        return eyes.add(frame.timeMillis(), frame.mesh(), frame.image(), frame.luma());
    }

    /** The detector, for its openness and correlations on the last frame. */
    BlinkDetector eyes() {
        return eyes;
    }
}
