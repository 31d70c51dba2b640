package org.facegate.security;

import java.util.EnumMap;
import java.util.Map;
import org.facegate.liveness.LivenessMode;
import org.facegate.match.SecurityLevel;

/**
 * Which owner actions need the PIN again, and whether it was entered for that action recently enough. An open
 * session is not enough for what could turn one borrowed or spoofed session into lasting access (CDD 7.3.10 C-1-4: the
 * credential before a biometric is added; Apple asks for the passcode before passcode settings and erasing): enrolling
 * anyone, changing who may unlock, weakening the level, liveness or timeout, deleting, and weakening the app lock (an
 * app no longer guarded, a member allowed into one, a longer grace period). Each needs the PIN entered
 * for that {@link Action} within {@link #FRESH_MS} (not once when settings open); the prompt that asks for it is
 * throttled with the gate's PIN ({@link PinCheck}). Held in memory only, and {@link #forget forgotten} when the session
 * locks: a PIN entered before Lock (or the background timeout) does not carry over to whoever opens the next session.
 */
public final class StepUp {
    /** How long a PIN entered for an action stays good for that action. */
    public static final long FRESH_MS = 60_000;

    /** What a PIN is entered for. */
    public enum Action {
        /** Enrolling a face: a new member, or new templates for anyone (the owner included). */
        ENROLL,
        /** Letting someone's face open the gate, or no longer. */
        MAY_UNLOCK,
        /** A security level that accepts more strangers. */
        WEAKER_LEVEL,
        /** A liveness mode that stops fewer attacks. */
        WEAKER_LIVENESS,
        /** A longer background timeout. */
        LONGER_TIMEOUT,
        /** Removing a person. */
        REMOVE_PERSON,
        /** Deleting all data. */
        DELETE_ALL,
        /** No longer guarding an app with the gate. */
        UNLOCK_APP,
        /** Letting a household member open a locked app. */
        ALLOW_APP,
        /** A longer grace period for a locked app (it stays open longer after it is left). */
        LONGER_GRACE
    }

    private final DeviceClock clock;
    private final Map<Action, Long> entered = new EnumMap<>(Action.class);

    public StepUp(DeviceClock clock) {
        this.clock = clock;
    }

    /** The PIN was just entered, right, for {@code action}. */
    public synchronized void confirmed(Action action) {
        entered.put(action, clock.elapsedRealtime());
    }

    /** The session locked: every action needs the PIN again. */
    public synchronized void forget() {
        entered.clear();
    }

    /** Whether the PIN was entered for {@code action} within the last {@link #FRESH_MS}. */
    public synchronized boolean fresh(Action action) {
        Long at = entered.get(action);
        long now = clock.elapsedRealtime();
        return at != null && now >= at && now - at <= FRESH_MS;
    }

    /** Whether going from {@code from} to {@code to} accepts more strangers. */
    public static boolean weaker(SecurityLevel from, SecurityLevel to) {
        return to.far() > from.far();
    }

    /** Whether going from {@code from} to {@code to} stops fewer presentation attacks. */
    public static boolean weaker(LivenessMode from, LivenessMode to) {
        return strength(to) < strength(from);
    }

    /** Whether a background timeout of {@code to} leaves the session open longer than {@code from}. */
    public static boolean longer(long fromMs, long toMs) {
        return toMs > fromMs;
    }

    private static int strength(LivenessMode m) {
        switch (m) {
            case OFF: return 0;
            case PASSIVE: return 1;
            default: return 2;
        }
    }
}
