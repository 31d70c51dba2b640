package org.facegate.gate;

import org.facegate.security.GateRules;
import org.facegate.store.UnlockEvent;

/**
 * What the gate does, decided from facts alone (no Android, no clock, no storage): whether the face may be used now
 * and, if not, why ({@link Verdict}); and what an ended face attempt counts for ({@link #failures}) and how it is
 * logged ({@link #logged}). The gate only gathers the facts and shows the answer.
 */
public final class GateDecision {
    /** Failures a detected presentation attack counts for: two photo or video attacks and the PIN is required. */
    public static final int SPOOF_FAILURES = 2;

    /** Whether the face may be used, and why not. The first that applies wins, in this order. */
    public enum Verdict {
        /** A Keystore key the app depends on is gone (the PIN's pepper, or the key of the household's records). */
        KEYS_LOST,
        /** The owner's face is not enrolled yet: the PIN finishes setting up. */
        NO_OWNER,
        /** The phone's administrator turned face unlock off (CDD 7.3.10 C-1-6: {@code KEYGUARD_DISABLE_FACE}). */
        FACE_OFF_BY_ADMIN,
        /** The phone restarted since the PIN was last entered. */
        PIN_AFTER_REBOOT,
        /** The PIN was not entered for {@link GateRules#PIN_MAX_AGE_MS}. */
        PIN_EXPIRED,
        /** Nobody unlocked for {@link GateRules#IDLE_MS}. */
        PIN_AFTER_IDLE,
        /** {@link GateRules#MAX_FACE_FAILURES} face attempts failed since the PIN was last entered. */
        PIN_AFTER_FAILURES,
        /** The owner's templates were made by another model and nobody else may unlock: the owner enrolls again. */
        REENROLL,
        /** Nobody enrolled with the current model may unlock. */
        NOBODY_MAY_UNLOCK,
        /** Face unlock may be tried. */
        LOOK
    }

    /**
     * What the gate knows.
     *
     * @param keysLost             a Keystore key the PIN or the household depends on is gone
     * @param faceOffByAdmin       a device policy disables face unlock on this phone
     * @param ownerEnrolled        the owner's person row exists
     * @param ownerNeedsEnrollment the owner has no templates of the current model
     * @param anyoneMayUnlock      someone with templates of the current model may unlock
     * @param pinRequired          why the rules require the PIN, or null
     */
    public record Facts(boolean keysLost, boolean faceOffByAdmin, boolean ownerEnrolled, boolean ownerNeedsEnrollment,
            boolean anyoneMayUnlock, GateRules.PinReason pinRequired) {}

    private GateDecision() {}

    /** Whether the face may be used now. */
    public static Verdict decide(Facts f) {
        if (f.keysLost()) return Verdict.KEYS_LOST;
        if (!f.ownerEnrolled()) return Verdict.NO_OWNER;
        if (f.faceOffByAdmin()) return Verdict.FACE_OFF_BY_ADMIN;
        if (f.pinRequired() != null) {
            switch (f.pinRequired()) {
                case REBOOT: return Verdict.PIN_AFTER_REBOOT;
                case EXPIRED: return Verdict.PIN_EXPIRED;
                case IDLE: return Verdict.PIN_AFTER_IDLE;
                default: return Verdict.PIN_AFTER_FAILURES;
            }
        }
        if (!f.anyoneMayUnlock()) return f.ownerNeedsEnrollment() ? Verdict.REENROLL : Verdict.NOBODY_MAY_UNLOCK;
        return Verdict.LOOK;
    }

    /**
     * Failed attempts an ended face attempt counts for. Every attempt that saw a face and did not open counts, however
     * it ended: a face not recognized, one that left before it was, someone who may not unlock, a challenge not met in
     * time or a head movement that was not asked for (the user may have missed or misread the instruction, but a video
     * could otherwise be tried forever), 1; a detected
     * attack, {@link #SPOOF_FAILURES}.
     */
    public static int failures(UnlockAttempt.Kind kind) {
        switch (kind) {
            case FAILED:
            case TIMEOUT:
                return 1;
            case SPOOF:
                return SPOOF_FAILURES;
            default:
                return 0;
        }
    }

    /** How an ended attempt is logged, or null for a frame that ended none. */
    public static UnlockEvent.Outcome logged(UnlockAttempt.Kind kind) {
        switch (kind) {
            case UNLOCK: return UnlockEvent.Outcome.FACE_MATCH;
            case FAILED: return UnlockEvent.Outcome.FACE_REJECTED;
            case SPOOF: return UnlockEvent.Outcome.FACE_SPOOF;
            case TIMEOUT: return UnlockEvent.Outcome.FACE_TIMEOUT;
            default: return null;
        }
    }
}
