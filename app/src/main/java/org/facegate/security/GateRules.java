package org.facegate.security;

import android.annotation.SuppressLint;
import android.content.SharedPreferences;

/**
 * When the face alone may not open the gate. FaceGate is a user-space app and can claim at most Android's Class 1
 * ("convenience") biometric, so it follows that class's rules (CDD 7.3.10; docs/security.md): the PIN is required
 * after a reboot, when it has not been entered for {@link #PIN_MAX_AGE_MS} (C-1-7), after {@link #IDLE_MS} without
 * any unlock, and after {@link #MAX_FACE_FAILURES} failed face attempts (both C-1-8); only the PIN resets the last two.
 * Also holds the PIN's own throttle.
 */
// commit, not apply: failed face attempts and the PIN's use are on disk before the gate says anything, so
// killing the app cannot take them back
@SuppressLint("ApplySharedPref")
public final class GateRules {
    /** CDD 7.3.10 C-1-7: the PIN at least once every 24 hours (the figure for devices launched with Android 10+). */
    public static final long PIN_MAX_AGE_MS = 24L * 3600_000;
    /** CDD 7.3.10 C-1-8: the PIN after a 4-hour idle period (no unlock at all). */
    public static final long IDLE_MS = 4L * 3600_000;
    /**
     * CDD 7.3.10 C-1-8: the PIN after 3 failed face attempts (Face ID allows 5). Only the PIN resets the count: a
     * face that opens the gate after two failures does not give a third guess its full allowance back.
     */
    public static final int MAX_FACE_FAILURES = 3;

    /** Why the PIN is required. */
    public enum PinReason {
        /** The device restarted since the PIN was last entered. */
        REBOOT,
        /** The PIN was last entered more than {@link #PIN_MAX_AGE_MS} ago. */
        EXPIRED,
        /** Nobody unlocked (by face or PIN) for {@link #IDLE_MS}. */
        IDLE,
        /** {@link #MAX_FACE_FAILURES} face attempts failed since the PIN was last entered. */
        FACE_FAILURES
    }

    private static final String PIN_USED = "pin.used", PIN_USED_BOOT = "pin.used.boot", UNLOCKED = "gate.unlocked",
            FACE_FAILURES = "face.failures";

    private final SharedPreferences prefs;
    private final DeviceClock clock;
    /** Wrong PINs: throttled so that a PIN cannot be brute-forced through the app ({@link Throttle}). */
    public final Throttle pin;

    public GateRules(SharedPreferences prefs, DeviceClock clock) {
        this.prefs = prefs;
        this.clock = clock;
        this.pin = new Throttle(prefs, "throttle.pin", clock);
    }

    /** The PIN was entered correctly (also when it was created): every face rule starts over. */
    public synchronized void pinUsed() {
        long now = clock.elapsedRealtime();
        prefs.edit().putLong(PIN_USED, now).putInt(PIN_USED_BOOT, clock.bootCount()).putLong(UNLOCKED, now)
                .remove(FACE_FAILURES).commit();
        pin.recordSuccess();
    }

    /** A face opened the gate: the idle period starts over (the failure count does not). */
    public synchronized void faceUnlocked() {
        prefs.edit().putLong(UNLOCKED, clock.elapsedRealtime()).commit();
    }

    /**
     * Counts {@code n} failed face attempts (a detected photo attack weighs more than one), durably: written before
     * the gate says anything, so killing the app cannot take a failure back.
     */
    public synchronized void faceFailed(int n) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        prefs.edit().putInt(FACE_FAILURES, faceFailures() + n).commit();
    }

    /** Failed face attempts since the PIN was last entered. */
    public synchronized int faceFailures() {
        return prefs.getInt(FACE_FAILURES, 0);
    }

    /** Why the PIN is required now, or null when the face may open the gate. */
    public synchronized PinReason pinRequired() {
        long used = prefs.getLong(PIN_USED, -1);
        long now = clock.elapsedRealtime();
        // a smaller time since boot than recorded means a reboot even where the boot counter is unavailable
        if (used < 0 || prefs.getInt(PIN_USED_BOOT, -1) != clock.bootCount() || now < used) return PinReason.REBOOT;
        if (now - used > PIN_MAX_AGE_MS) return PinReason.EXPIRED;
        if (now - prefs.getLong(UNLOCKED, used) > IDLE_MS) return PinReason.IDLE;
        if (faceFailures() >= MAX_FACE_FAILURES) return PinReason.FACE_FAILURES;
        return null;
    }
}
