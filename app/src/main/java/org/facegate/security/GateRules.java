package org.facegate.security;

import android.content.SharedPreferences;

/**
 * When the face alone may not open the gate, after the platform's biometric rules: the PIN is required after a reboot
 * and when it has not been used for {@link #PIN_MAX_AGE_MS}. Also holds the two lockouts (face attempts, PIN attempts).
 */
public final class GateRules {
    /** 72 hours. */
    public static final long PIN_MAX_AGE_MS = 72L * 3600_000;

    /** Why the PIN is required. */
    public enum PinReason {
        /** The device restarted since the PIN was last entered. */
        REBOOT,
        /** The PIN was last entered more than 72 hours ago. */
        EXPIRED
    }

    private final SharedPreferences prefs;
    private final DeviceClock clock;
    /** Face attempts (an attempt is several frames of a face that is not let in). */
    public final Throttle face;
    /** Wrong PINs, throttled like the face so that a 4-digit PIN cannot be brute-forced. */
    public final Throttle pin;

    public GateRules(SharedPreferences prefs, DeviceClock clock) {
        this.prefs = prefs;
        this.clock = clock;
        this.face = new Throttle(prefs, "throttle.face", clock);
        this.pin = new Throttle(prefs, "throttle.pin", clock);
    }

    /** The PIN was entered correctly (also when it was created). */
    public void pinUsed() {
        prefs.edit().putLong("pin.used", clock.elapsedRealtime()).putInt("pin.used.boot", clock.bootCount()).apply();
        pin.recordSuccess();
        face.recordSuccess();
    }

    /** Why the PIN is required now, or null when the face may open the gate. */
    public PinReason pinRequired() {
        long used = prefs.getLong("pin.used", -1);
        long now = clock.elapsedRealtime();
        // a smaller time since boot than recorded means a reboot even where the boot counter is unavailable
        if (used < 0 || prefs.getInt("pin.used.boot", -1) != clock.bootCount() || now < used) return PinReason.REBOOT;
        if (now - used > PIN_MAX_AGE_MS) return PinReason.EXPIRED;
        return null;
    }
}
