package org.facegate.liveness;

import java.util.ArrayDeque;

/**
 * The hold of a head movement's evidence, on capture time: each frame's margin (its measurement over its bound, 1
 * exactly on it) goes in, and the evidence holds once every frame over at least {@code millis} is at 1 or more (so on
 * at least two frames: one frame's tracking error is not enough). Also keeps the best margin so held, which for an
 * attack is how close it came to passing: on one frame a fluttering photo showed 2.2 times both bounds at 4 fps, held
 * over the window it stayed under 1 (docs/liveness.md).
 *
 * <p>The window is the newest frame back to the last frame at least {@code millis} before it: if any run of frames at
 * or over 1 ending at the newest frame spans {@code millis}, that shortest one does too.
 */
final class EvidenceWindow {
    private final long millis;
    private final ArrayDeque<Margin> window = new ArrayDeque<>();
    private float best = Float.NEGATIVE_INFINITY;
    private boolean spanned;

    private record Margin(long timeMillis, float value) {}

    EvidenceWindow(long millis) {
        if (millis <= 0) throw new IllegalArgumentException("hold time must be positive: " + millis);
        this.millis = millis;
    }

    /**
     * Adds a frame (times non-decreasing since the last {@link #clear}); a NaN margin (nothing measured) fails.
     *
     * @return whether every frame of the window, which spans at least the hold time, is at or over 1
     */
    boolean add(long timeMillis, float margin) {
        window.addLast(new Margin(timeMillis, Float.isNaN(margin) ? Float.NEGATIVE_INFINITY : margin));
        // drop the oldest while the next one is still at least the hold time back
        while (window.size() > 1) {
            Margin oldest = window.removeFirst();
            if (timeMillis - window.getFirst().timeMillis() < millis) {
                window.addFirst(oldest);
                break;
            }
        }
        if (timeMillis - window.getFirst().timeMillis() < millis) return false;
        float held = Float.POSITIVE_INFINITY;
        for (Margin m : window) held = Math.min(held, m.value());
        spanned = true;
        best = Math.max(best, held);
        return held >= 1;
    }

    /**
     * Whether the newest frame is at or over 1: the evidence is in and only its hold is to come (a later frame at or
     * over 1, the hold time after the first); false once cleared.
     */
    boolean pending() {
        return !window.isEmpty() && window.getLast().value() >= 1;
    }

    /** Starts again (the movement restarted or fell back under its minimum): earlier frames hold nothing. */
    void clear() {
        window.clear();
    }

    /**
     * The best margin held over a whole window since construction (at least 1 exactly when the evidence held);
     * negative infinity when every window had a frame with nothing measured; NaN before any window spanned the hold
     * time.
     */
    float best() {
        return spanned ? best : Float.NaN;
    }
}
