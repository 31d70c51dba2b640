package org.facegate.eval.liveness;

import java.util.Random;

/**
 * Which camera frames a phone's pipeline picks up: the camera delivers frames at the capture rate, with jittered
 * timestamps; the pipeline processes one frame at a time and drops every frame that arrives while it is busy, then
 * takes the next one that arrives. A replay through this sees what the gate on a phone sees: 4-12 processed frames a
 * second with uneven gaps, instead of every frame of a clip.
 *
 * <p>The busy time per frame is either modelled (the mean that makes the pipeline process {@code processFps} frames a
 * second on average, jittered +-25% per frame) or the real cost the caller measured, per frame.
 *
 * <p>Capture timestamps are {@code i / captureFps}, each jittered by up to +-10% of the frame interval (a phone
 * camera's timestamps are not exactly periodic), reproducibly for a seed.
 */
public final class FramePicker {
    /** Jitter of the modelled busy time, as a fraction of its mean (either way). */
    static final double COST_JITTER = 0.25;
    /** Jitter of the capture timestamps, as a fraction of the frame interval (either way). */
    static final double CAPTURE_JITTER = 0.10;

    private final double captureFps, meanCostMillis;
    private final Random random;
    private final long seed;
    private int index = -1;

    /**
     * @param captureFps the camera's frame rate
     * @param processFps the pipeline's mean processed rate (at or above {@code captureFps}: every frame); ignored when
     *                   the caller passes each frame's real cost to {@link #next(double)}
     */
    public FramePicker(double captureFps, double processFps, long seed) {
        if (!(captureFps > 0) || !(processFps > 0)) throw new IllegalArgumentException("frame rates must be positive: " + captureFps + ", " + processFps);
        this.captureFps = captureFps;
        // the pipeline waits on average half a frame interval for the next frame after it becomes free
        this.meanCostMillis = Math.max(0, 1000 / processFps - 500 / captureFps);
        this.random = Seeds.random(seed, Seeds.Use.PROCESSING_COST, 0);
        this.seed = seed;
    }

    /** Capture index of the frame picked last (-1 before the first). */
    public int index() {
        return index;
    }

    /** Capture time of frame {@code i}, ms: jittered (from the second frame on), increasing, the same for the same seed. */
    public long captureMillis(int i) {
        double jitter = i == 0 ? 0 : (Seeds.random(seed, Seeds.Use.CAPTURE_JITTER, i).nextDouble() * 2 - 1) * CAPTURE_JITTER;
        return Math.round((i + jitter) * 1000 / captureFps);
    }

    /** The first frame, then the next frame after one with the modelled busy time. */
    public int next() {
        return next(Double.NaN);
    }

    /**
     * The capture index of the next frame the pipeline takes: the first frame, or the first one captured after the
     * previous one's processing ended.
     *
     * @param costMillis what processing the previous frame took; NaN for the modelled cost
     */
    public int next(double costMillis) {
        if (index < 0) return index = 0;
        double cost = Double.isNaN(costMillis) ? meanCostMillis * (1 + COST_JITTER * (2 * random.nextDouble() - 1)) : costMillis;
        double free = captureMillis(index) + cost;
        int i = index + 1;
        while (captureMillis(i) < free) i++;
        return index = i;
    }
}
