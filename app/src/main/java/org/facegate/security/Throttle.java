package org.facegate.security;

import android.content.SharedPreferences;

/**
 * Failed-attempt lockout, persisted so that killing the app does not reset it: after {@link #MAX_FAILURES} failures in
 * a row, attempts are refused for {@link #BASE_LOCKOUT_MS}, doubling with every further lockout (up to
 * {@link #MAX_LOCKOUT_MS}) until an attempt succeeds. Times are on {@link DeviceClock#elapsedRealtime()}; since that
 * restarts at boot, a lockout pending across a reboot starts over rather than being forgotten.
 */
public final class Throttle {
    /** Failures in a row that start a lockout. */
    public static final int MAX_FAILURES = 5;
    /** Length of the first lockout. */
    public static final long BASE_LOCKOUT_MS = 30_000;
    /** Longest lockout. */
    public static final long MAX_LOCKOUT_MS = 30 * 60_000;

    private final SharedPreferences prefs;
    private final String key;
    private final DeviceClock clock;

    /** @param key prefix of this throttle's preference keys, distinct from every other preference key */
    public Throttle(SharedPreferences prefs, String key, DeviceClock clock) {
        this.prefs = prefs;
        this.key = key;
        this.clock = clock;
    }

    /** Milliseconds until attempts are allowed again; 0 when not locked out. */
    public synchronized long lockedForMs() {
        long until = prefs.getLong(key + ".until", 0);
        if (until == 0) return 0;
        long now = clock.elapsedRealtime();
        if (prefs.getInt(key + ".boot", -1) != clock.bootCount()) {
            // rebooted during (or after) a lockout: how long the phone was off is unknown, so it starts over
            until = now + prefs.getLong(key + ".duration", BASE_LOCKOUT_MS);
            prefs.edit().putLong(key + ".until", until).putInt(key + ".boot", clock.bootCount()).apply();
        }
        if (now >= until) {
            prefs.edit().putLong(key + ".until", 0).apply();
            return 0;
        }
        return until - now;
    }

    /** Failures since the last success or lockout. */
    public synchronized int failures() {
        return prefs.getInt(key + ".failures", 0);
    }

    /**
     * Counts a failed attempt.
     *
     * @return the lockout it started in ms, or 0
     */
    public long recordFailure() {
        return recordFailures(1);
    }

    /**
     * Counts {@code n} failed attempts at once (an attempt that weighs more than one, e.g. a detected photo attack).
     *
     * @return the lockout it started in ms, or 0
     */
    public synchronized long recordFailures(int n) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        int failures = prefs.getInt(key + ".failures", 0) + n;
        if (failures < MAX_FAILURES) {
            prefs.edit().putInt(key + ".failures", failures).apply();
            return 0;
        }
        int lockouts = prefs.getInt(key + ".lockouts", 0);
        long duration = Math.min(MAX_LOCKOUT_MS, BASE_LOCKOUT_MS << Math.min(lockouts, 16));
        prefs.edit().putInt(key + ".failures", 0).putInt(key + ".lockouts", lockouts + 1)
                .putLong(key + ".until", clock.elapsedRealtime() + duration).putLong(key + ".duration", duration)
                .putInt(key + ".boot", clock.bootCount()).apply();
        return duration;
    }

    /** A successful attempt: failures and the growing lockout length start over. */
    public synchronized void recordSuccess() {
        prefs.edit().remove(key + ".failures").remove(key + ".lockouts").remove(key + ".until")
                .remove(key + ".duration").remove(key + ".boot").apply();
    }
}
