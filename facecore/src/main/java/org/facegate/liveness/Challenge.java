package org.facegate.liveness;

/**
 * One step of an active liveness check, with the sentence the gate shows for it. Besides the blink, the four head
 * movements are the four directions of {@link HeadPose}'s yaw and pitch: each is verified by depth parallax
 * ({@link HeadMoveStep}), and each is the "wrong movement" of every other step.
 */
public enum Challenge {
    BLINK("Blink both eyes.", false, 0),
    /** The subject's own left (towards the right of an unmirrored camera frame, the left of the mirrored preview). */
    TURN_LEFT("Turn your head slightly to your left.", false, 1),
    TURN_RIGHT("Turn your head slightly to your right.", false, -1),
    /** Chin up: positive {@link HeadPose#pitch()}. */
    LOOK_UP("Tilt your head slightly up.", true, 1),
    /** Chin down (a nod). */
    LOOK_DOWN("Tilt your head slightly down.", true, -1);

    /** The four head movements, each also a direction a step may call wrong. */
    static final Challenge[] MOVEMENTS = {TURN_LEFT, TURN_RIGHT, LOOK_UP, LOOK_DOWN};

    private final String instruction;
    private final boolean pitch;
    private final int sign;

    Challenge(String instruction, boolean pitch, int sign) {
        this.instruction = instruction;
        this.pitch = pitch;
        this.sign = sign;
    }

    /** One short sentence for the gate UI. */
    public String instruction() {
        return instruction;
    }

    /** Whether this is a head movement (not the blink). */
    public boolean isMovement() {
        return sign != 0;
    }

    /** Whether the movement is about the pitch axis (up, down) rather than yaw (left, right). */
    boolean vertical() {
        return pitch;
    }

    /**
     * How far {@code pose} has gone in this challenge's direction from {@code from}, degrees (negative: the other way);
     * 0 for the blink.
     */
    float offset(HeadPose pose, HeadPose from) {
        if (sign == 0) return 0;
        return sign * (pitch ? pose.pitch() - from.pitch() : pose.yaw() - from.yaw());
    }

    /** +1 or -1: the sign of the nose's parallax (along the eye line, or up the face) in this direction; 0 for the blink. */
    int sign() {
        return sign;
    }
}
