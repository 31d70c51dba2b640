package org.facegate.eval.liveness;

import org.facegate.liveness.Challenge;

/**
 * How a synthetic head performs one movement: still for a moment, then to {@code peakDegrees} in the asked direction in
 * {@code moveMillis} (smoothly, as a person does), held for {@code holdMillis}, and back in {@code moveMillis}.
 *
 * @param peakDegrees how far a movement goes
 * @param moveMillis  the time out, and again the time back
 * @param holdMillis  the time held at the peak
 */
public record HeadMotion(double peakDegrees, long moveMillis, long holdMillis) {
    /**
     * The relaxed movement's timings: 25 degrees (the challenges ask for 15, "slightly"; a relaxed movement goes further),
     * 500 ms out, held 300 ms, 500 ms back. Assumptions (a relaxed, deliberate movement), not measurements of people.
     */
    public static final double PEAK_DEGREES = 25;
    public static final long MOVE_MILLIS = 500, HOLD_MILLIS = 300;
    /** The movement every measurement uses unless told otherwise. */
    public static final HeadMotion RELAXED = new HeadMotion(PEAK_DEGREES, MOVE_MILLIS, HOLD_MILLIS);

    public HeadMotion {
        if (!(peakDegrees > 0) || moveMillis <= 0 || holdMillis < 0) {
            throw new IllegalArgumentException("a movement needs a positive peak and time out, and a hold >= 0: " + peakDegrees + " deg, "
                    + moveMillis + " ms, held " + holdMillis + " ms");
        }
    }

    /** Time from a movement's start to its return to rest. */
    public long millis() {
        return 2 * moveMillis + holdMillis;
    }

    /**
     * Yaw and pitch, degrees, {@code t} ms after the movement started (0 before it starts and after it ends); a blink
     * does not move the head.
     */
    public double[] pose(Challenge movement, long t) {
        double a;
        if (t <= 0 || t >= millis()) a = 0;
        else if (t < moveMillis) a = ease((double) t / moveMillis);
        else if (t <= moveMillis + holdMillis) a = 1;
        else a = ease((double) (millis() - t) / moveMillis);
        double deg = peakDegrees * a;
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
