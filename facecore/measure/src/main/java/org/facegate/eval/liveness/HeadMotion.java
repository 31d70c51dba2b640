package org.facegate.eval.liveness;

import org.facegate.liveness.Challenge;

/**
 * How a synthetic head performs one movement: still for a moment, then to {@link #PEAK_DEGREES} in the asked direction
 * in {@link #MOVE_MILLIS} (smoothly, as a person does), held for {@link #HOLD_MILLIS}, and back in
 * {@link #MOVE_MILLIS}. These timings are assumptions (a relaxed, deliberate movement), not measurements of people.
 */
public final class HeadMotion {
    /** How far a movement goes: the challenges ask for 15 degrees, "slightly"; a relaxed turn goes further. */
    public static final double PEAK_DEGREES = 25;
    public static final long MOVE_MILLIS = 500, HOLD_MILLIS = 300;
    /** Time from a movement's start to its return to rest. */
    public static final long MILLIS = 2 * MOVE_MILLIS + HOLD_MILLIS;

    private HeadMotion() {}

    /**
     * Yaw and pitch, degrees, {@code t} ms after the movement started (0 before it starts and after it ends); a blink
     * does not move the head.
     */
    public static double[] pose(Challenge movement, long t, double peak) {
        double a;
        if (t <= 0 || t >= MILLIS) a = 0;
        else if (t < MOVE_MILLIS) a = ease((double) t / MOVE_MILLIS);
        else if (t <= MOVE_MILLIS + HOLD_MILLIS) a = 1;
        else a = ease((double) (MILLIS - t) / MOVE_MILLIS);
        double deg = peak * a;
        switch (movement) {
            case TURN_LEFT: return new double[] {deg, 0};
            case TURN_RIGHT: return new double[] {-deg, 0};
            case LOOK_UP: return new double[] {0, deg};
            case LOOK_DOWN: return new double[] {0, -deg};
            default: return new double[] {0, 0};
        }
    }

    /** Smooth start and stop: 0 to 1 over [0, 1]. */
    private static double ease(double x) {
        return (1 - Math.cos(Math.PI * x)) / 2;
    }
}
