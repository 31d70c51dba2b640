package org.facegate.liveness;

import java.util.Locale;

/**
 * The user-facing liveness setting. {@link #ACTIVE} is the default for unlocking: without it a printed photo of the
 * owner can open the gate.
 */
public enum LivenessMode {
    /** No presentation-attack check: any face that matches opens the gate. Only for testing or accessibility. */
    OFF,
    /**
     * No instructions: the gate waits, within the time limit, for a natural blink, checked the same way as the
     * blink challenge (eyelids closing and reopening relative to the rest of the face). Stops still photos and
     * photos moved as a plane, not a video replay. The FaceAntiSpoofing model is not part of it (see docs/liveness.md:
     * on the measured data it cannot reach 10% BPCER while rejecting the attacks).
     */
    PASSIVE,
    /** A short random challenge sequence (a blink and a head turn), each explained in one sentence. */
    ACTIVE;

    /** The default for unlock. */
    public static final LivenessMode DEFAULT = ACTIVE;

    /** Parses a setting value ("off", "passive", "active"), case-insensitive. */
    public static LivenessMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown liveness mode '" + s + "' (off, passive, active)");
        }
    }
}
