package org.facegate.ui;

import android.content.Context;
import org.facegate.R;
import org.facegate.security.PinCheck;

/** What a PIN check that did not pass says, the same on every screen that asks for the PIN. */
public final class PinMessages {
    private PinMessages() {}

    /** The sentence for a check that was not {@link PinCheck.Outcome#OK}. */
    public static String of(Context c, PinCheck.Result r) {
        switch (r.outcome()) {
            case KEY_LOST: return c.getString(R.string.pin_key_lost);
            case FAILED: return c.getString(R.string.pin_check_failed, r.error());
            default:
                return r.lockoutMs() > 0 ? c.getString(R.string.gate_pin_locked_out, duration(r.lockoutMs())) : c.getString(R.string.gate_pin_wrong);
        }
    }

    /**
     * A lockout's length as people read it: "30 s" under a minute, "4 min 10 s" under an hour, else hours and minutes
     * rounded up ("24 h", "1 h 4 min"); a day-long lockout in seconds ("86400 s") says nothing at a glance.
     */
    public static String duration(long ms) {
        long s = seconds(ms);
        if (s < 60) return s + " s";
        if (s < 3600) return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
        long min = (s + 59) / 60;
        return min % 60 == 0 ? min / 60 + " h" : min / 60 + " h " + min % 60 + " min";
    }

    /** Whole seconds, rounded up, for a countdown. */
    public static long seconds(long ms) {
        return (ms + 999) / 1000;
    }
}
