package org.facegate.eval.liveness;

import java.util.Locale;

/**
 * The highest margin seen and what showed it: for attacks and flat photos, the one that came closest to passing a head
 * challenge (1 passes) or to a closure of the eyes (0 passes). Measurement code.
 */
public final class Closest {
    private float value = Float.NEGATIVE_INFINITY;
    private String name = "";

    /** Keeps {@code value} if it is the highest so far (NaN and negative infinity, nothing measured, never are). */
    public void offer(float value, String name) {
        if (value > this.value) {
            this.value = value;
            this.name = name;
        }
    }

    public void add(Closest o) {
        offer(o.value, o.name);
    }

    /** The highest margin, negative infinity if none was offered. */
    public float value() {
        return value;
    }

    /** "0.930 (what showed it)", or "none". */
    @Override
    public String toString() {
        return value == Float.NEGATIVE_INFINITY ? "none" : String.format(Locale.ROOT, "%.3f (%s)", value, name);
    }
}
