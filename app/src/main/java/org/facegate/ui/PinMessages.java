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
                return r.lockoutMs() > 0 ? c.getString(R.string.gate_pin_locked_out, seconds(r.lockoutMs())) : c.getString(R.string.gate_pin_wrong);
        }
    }

    /** Whole seconds, rounded up, for a countdown. */
    public static long seconds(long ms) {
        return (ms + 999) / 1000;
    }
}
