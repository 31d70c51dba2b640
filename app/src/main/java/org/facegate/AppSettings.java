package org.facegate;

import android.content.SharedPreferences;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.facegate.liveness.LivenessMode;
import org.facegate.match.SecurityLevel;

/**
 * The owner's settings: security level, liveness mode and how long the app may stay in the background before the gate
 * returns.
 */
public final class AppSettings {
    /** Gate timeouts offered in settings, in ms (0: the gate returns as soon as the app leaves the screen). */
    public static final List<Long> TIMEOUTS_MS = Collections.unmodifiableList(Arrays.asList(0L, 30_000L, 60_000L, 300_000L));
    static final long DEFAULT_TIMEOUT_MS = 60_000L;

    private final SharedPreferences prefs;

    public AppSettings(SharedPreferences prefs) {
        this.prefs = prefs;
    }

    /**
     * The level for a new install: "maximum", the one at Android's limit for a biometric that unlocks anything (CDD
     * 7.3.10 C-1-1: fewer than 1 false accept in 50,000), whose measured false-reject rate also stays under the 10%
     * the CDD recommends (C-SR).
     */
    static final String DEFAULT_LEVEL = "maximum";

    /** The calibrated operating point matching uses; {@link #DEFAULT_LEVEL} unless changed. */
    public SecurityLevel securityLevel() {
        String name = prefs.getString("security.level", null);
        if (name != null) {
            for (SecurityLevel l : SecurityLevel.all()) if (l.name().equals(name)) return l;
        }
        return SecurityLevel.named(DEFAULT_LEVEL);
    }

    /**
     * A level as settings show it for a household where {@code unlockers} people may unlock: its false-accept rate
     * per attempt (an attempt is compared with each of them, so a stranger's chance is about that many times the rate
     * per comparison: 1 - (1 - far)^n), and its false-reject rate.
     */
    public static String describeLevel(SecurityLevel level, int unlockers) {
        int n = Math.max(1, unlockers);
        double perAttempt = 1 - Math.pow(1 - level.far(), n);
        if (n == 1) {
            return String.format(Locale.ROOT, "%s: 1 false accept in %,d attempts (false rejects %.1f%%)", level.name(),
                    Math.round(1 / perAttempt), 100 * level.frr());
        }
        return String.format(Locale.ROOT, "%s: about 1 false accept in %,d attempts with the %d people who may unlock"
                + " (1 in %,d per person; false rejects %.1f%%)", level.name(), Math.round(1 / perAttempt), n,
                Math.round(1 / level.far()), 100 * level.frr());
    }

    public void setSecurityLevel(SecurityLevel level) {
        prefs.edit().putString("security.level", level.name()).apply();
    }

    /** The gate's presentation-attack check; facecore's default ({@link LivenessMode#ACTIVE}) unless changed. */
    public LivenessMode livenessMode() {
        String name = prefs.getString("liveness.mode", null);
        if (name == null) return LivenessMode.DEFAULT;
        try {
            return LivenessMode.parse(name);
        } catch (IllegalArgumentException e) {
            return LivenessMode.DEFAULT;       // written by another version: the safe default
        }
    }

    public void setLivenessMode(LivenessMode mode) {
        prefs.edit().putString("liveness.mode", mode.name()).apply();
    }

    /** A liveness mode as settings show it: name and what it stops, one line. */
    public static String describeLiveness(LivenessMode mode) {
        switch (mode) {
            case OFF: return "Off: any matching face opens, a photo of you too";
            case PASSIVE: return "Passive: waits for a natural blink; stops photos, not videos";
            default: return "Active (recommended): asks for a blink and a head turn; stops photos, not videos";
        }
    }

    /** How long the app may be in the background before it is locked again. */
    public long gateTimeoutMs() {
        return prefs.getLong("gate.timeout", DEFAULT_TIMEOUT_MS);
    }

    public void setGateTimeoutMs(long ms) {
        prefs.edit().putLong("gate.timeout", ms).apply();
    }

    /** A timeout as settings show it. */
    public static String describeTimeout(long ms) {
        if (ms == 0) return "Immediately";
        if (ms < 60_000) return (ms / 1000) + " seconds";
        return (ms / 60_000) + (ms == 60_000 ? " minute" : " minutes");
    }
}
