package org.facegate.security;

import android.annotation.SuppressLint;
import android.content.SharedPreferences;

/**
 * Failed-attempt lockout, persisted so that killing the app does not reset it, and growing like Android's Gatekeeper
 * (AOSP {@code GateKeeper::ComputeRetryTimeout}: one try a day after 140 failures) until an attempt succeeds:
 * {@link #FREE_FAILURES} failures in a row are free, the next one locks attempts out for {@link #BASE_LOCKOUT_MS}, and
 * from then on every failure locks them out again, twice as long for every further {@link #FREE_FAILURES} failures, up
 * to {@link #MAX_LOCKOUT_MS}. So the 40th failure waits 64 minutes and every one from the 65th a day: a 6-digit PIN
 * (10^6) would take an attacker about a thousand days for the first 0.1% of it. Failures are written with
 * {@code commit()}, before the caller says anything. Times are on {@link DeviceClock#elapsedRealtime()}; since that
 * restarts at boot, a lockout pending across a reboot starts over rather than being forgotten.
 */
// commit, not apply: a failure and its lockout are on disk before the caller says anything, so killing the app
// cannot erase them
@SuppressLint("ApplySharedPref")
public final class Throttle {
    /** Failures in a row before the first lockout (CDD 7.3.10 C-1-3: 30 s after five false trials). */
    public static final int FREE_FAILURES = 5;
    /** Length of the first lockout. */
    public static final long BASE_LOCKOUT_MS = 30_000;
    /** Longest lockout: one try a day, Gatekeeper's last step. */
    public static final long MAX_LOCKOUT_MS = 24 * 3600_000L;

    private final SharedPreferences prefs;
    private final String key;
    private final DeviceClock clock;

    /** @param key prefix of this throttle's preference keys, distinct from every other preference key */
    public Throttle(SharedPreferences prefs, String key, DeviceClock clock) {
        this.prefs = prefs;
        this.key = key;
        this.clock = clock;
    }

    /** The lockout after the {@code failures}-th failure in a row, in ms (0: none). */
    public static long lockoutAfter(int failures) {
        if (failures < FREE_FAILURES) return 0;
        int doublings = (failures - FREE_FAILURES) / FREE_FAILURES;
        return doublings >= 32 ? MAX_LOCKOUT_MS : Math.min(MAX_LOCKOUT_MS, BASE_LOCKOUT_MS << doublings);
    }

    /** Milliseconds until attempts are allowed again; 0 when not locked out. */
    public synchronized long lockedForMs() {
        long until = prefs.getLong(key + ".until", 0);
        if (until == 0) return 0;
        long now = clock.elapsedRealtime();
        if (prefs.getInt(key + ".boot", -1) != clock.bootCount()) {
            // rebooted during (or after) a lockout: how long the phone was off is unknown, so it starts over
            until = now + prefs.getLong(key + ".duration", BASE_LOCKOUT_MS);
            prefs.edit().putLong(key + ".until", until).putInt(key + ".boot", clock.bootCount()).commit();
        }
        if (now >= until) {
            prefs.edit().putLong(key + ".until", 0).commit();
            return 0;
        }
        return until - now;
    }

    /** Failures since the last success. */
    public synchronized int failures() {
        return prefs.getInt(key + ".failures", 0);
    }

    /**
     * Counts a failed attempt, durably.
     *
     * @return the lockout it started in ms, or 0
     */
    public synchronized long recordFailure() {
        int failures = prefs.getInt(key + ".failures", 0) + 1;
        long duration = lockoutAfter(failures);
        SharedPreferences.Editor e = prefs.edit().putInt(key + ".failures", failures);
        if (duration > 0) {
            e.putLong(key + ".until", clock.elapsedRealtime() + duration).putLong(key + ".duration", duration)
                    .putInt(key + ".boot", clock.bootCount());
        }
        e.commit();
        return duration;
    }

    /** A successful attempt: failures and the growing lockout start over. */
    public synchronized void recordSuccess() {
        prefs.edit().remove(key + ".failures").remove(key + ".until").remove(key + ".duration").remove(key + ".boot").commit();
    }
}
