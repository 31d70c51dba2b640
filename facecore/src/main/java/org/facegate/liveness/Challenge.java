package org.facegate.liveness;

/** One step of an active liveness check, with the sentence the gate shows for it. */
public enum Challenge {
    BLINK("Blink both eyes."),
    /** The subject's own left (towards the right of an unmirrored camera frame, the left of the mirrored preview). */
    TURN_LEFT("Turn your head slightly to your left."),
    TURN_RIGHT("Turn your head slightly to your right.");

    private final String instruction;

    Challenge(String instruction) {
        this.instruction = instruction;
    }

    /** One short sentence for the gate UI. */
    public String instruction() {
        return instruction;
    }

    /** For {@link #TURN_LEFT} +1 and {@link #TURN_RIGHT} -1 (the sign of {@link HeadPose#yaw()}), 0 for a blink. */
    int direction() {
        return this == TURN_LEFT ? 1 : this == TURN_RIGHT ? -1 : 0;
    }
}
