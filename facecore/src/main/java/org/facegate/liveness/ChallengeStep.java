package org.facegate.liveness;

import java.util.Locale;

/**
 * The state of one challenge of a {@link ChallengeSession}, from its first frame to its end: whether the frames so far
 * complete it, and whether the head moved in a direction the challenge did not ask for.
 *
 * <p>A wrong movement is a head movement of at least {@link #WRONG_DEGREES} in one of the four directions
 * ({@link Challenge#MOVEMENTS}) other than the one asked, measured from the session's first pose (its neutral) and
 * beyond the point closest to neutral the head reached in that direction during this step: a head still coming back
 * from the previous challenge's turn is not moving away, while a second turn that way is. A replayed video of the
 * owner doing a fixed sequence makes the movements it shows whatever is asked, so it ends the session at the first
 * movement that was not asked, instead of having the challenge wait for the right one.
 */
abstract class ChallengeStep {
    /**
     * The smallest movement that counts as wrong, degrees: the movement a head challenge requires ({@link HeadMoveStep#MIN_DEGREES}),
     * so any movement that could complete one challenge is wrong in every other.
     */
    static final float WRONG_DEGREES = HeadMoveStep.MIN_DEGREES;

    /** What a frame did to the step. */
    enum Status { RUNNING, DONE, WRONG_MOVEMENT }

    final Challenge challenge;
    private final HeadPose neutral;
    private final boolean guarded;
    /** Per direction of {@link Challenge#MOVEMENTS}: the smallest offset from neutral seen in this step, at least 0. */
    private final float[] closest = new float[Challenge.MOVEMENTS.length];
    private boolean started, previewing, previewTakenBack;
    private String wrong = "";

    /**
     * @param neutral the session's first pose
     * @param guarded whether a movement not asked for ends the step (false for the passive check, which asks nothing)
     */
    ChallengeStep(Challenge challenge, HeadPose neutral, boolean guarded) {
        this.challenge = challenge;
        this.neutral = neutral;
        this.guarded = guarded;
    }

    /** Takes the next frame with a face. */
    final Status offer(LivenessFrame frame) {
        if (movedWrong(frame.pose()) && guarded) return Status.WRONG_MOVEMENT;
        boolean done = progress(frame), pending = !done && evidencePending();
        // a preview taken back is not shown again in this step: the screen does not flicker between two instructions,
        // and a live attacker learns that one frame passed at most once per challenge
        if (previewing && !pending && !done) previewTakenBack = true;
        previewing = pending && !previewTakenBack;
        return done ? Status.DONE : Status.RUNNING;
    }

    /** Updates {@link #closest} with this pose; whether it moved wrong. */
    private boolean movedWrong(HeadPose pose) {
        boolean moved = false;
        for (int d = 0; d < Challenge.MOVEMENTS.length; d++) {
            Challenge direction = Challenge.MOVEMENTS[d];
            float offset = direction.offset(pose, neutral);
            closest[d] = started ? Math.min(closest[d], Math.max(0, offset)) : Math.max(0, offset);
            if (!moved && direction != challenge && offset >= closest[d] + WRONG_DEGREES) {
                wrong = String.format(Locale.ROOT, "%s asked, moved %s %.0f deg (%s)", challenge, direction, offset - closest[d], pose);
                moved = true;
            }
        }
        started = true;
        return moved;
    }

    /** The smallest offset from neutral in {@code direction} this step has seen (at least 0): where its movement starts. */
    final float closest(Challenge direction) {
        for (int d = 0; d < Challenge.MOVEMENTS.length; d++) if (Challenge.MOVEMENTS[d] == direction) return closest[d];
        throw new IllegalArgumentException(direction + " is no movement");
    }

    final HeadPose neutral() {
        return neutral;
    }

    /** Whether this frame completes the challenge. */
    abstract boolean progress(LivenessFrame frame);

    /**
     * Whether the next instruction may show ({@link ChallengeSession#shown}): the last frame left the step waiting only
     * for frames that confirm it ({@link #evidencePending}), and no earlier preview in this step was taken back.
     */
    final boolean confirming() {
        return previewing;
    }

    /**
     * Whether the person has done what this step asks and it waits only for frames that confirm it. False for a blink:
     * closed eyes read nothing.
     */
    boolean evidencePending() {
        return false;
    }

    /** How often the person did what the step asks without it counting, as far as the step can tell (0 for a blink). */
    int misses() {
        return 0;
    }

    /** Why the step failed when its time ran out: {@link ChallengeSession.Reason#PLANAR_MOTION} when it saw a movement without depth. */
    ChallengeSession.Reason timeoutReason() {
        return ChallengeSession.Reason.TIMEOUT;
    }

    /** Numbers behind a failure of this step ("turned 22 deg, nose parallax counted 0.004 eye spans < 0.035"). */
    String detail() {
        return "";
    }

    /** What the wrong movement was ("BLINK asked, moved TURN_LEFT 18 deg"). */
    final String wrongMovement() {
        return wrong;
    }
}
