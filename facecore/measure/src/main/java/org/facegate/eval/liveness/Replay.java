package org.facegate.eval.liveness;

import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.facegate.image.RgbImage;
import org.facegate.liveness.LivenessAnalyzer;
import org.facegate.liveness.LivenessFrame;

/**
 * Plays a generated video to the liveness stage as a phone would process it: only the frames a pipeline of the given
 * rate picks up ({@link FramePicker}) are rendered and analysed, each stamped with its jittered capture time; with the
 * real cost, the time the analysis and the caller's sessions actually took on this machine decides which frame comes
 * next, instead of the modelled rate.
 */
public final class Replay {
    /** Capture rate of generated videos: a phone's front camera. */
    public static final double CAPTURE_FPS = 30;

    private final LivenessAnalyzer analyzer;
    private final double captureFps, processFps;
    private final boolean realCost;

    /**
     * @param captureFps the video's frame rate ({@link #CAPTURE_FPS} for generated videos)
     * @param processFps the pipeline's mean processed rate
     * @param realCost   time each frame's analysis and the caller's work instead (then {@code processFps} is unused)
     */
    public Replay(LivenessAnalyzer analyzer, double captureFps, double processFps, boolean realCost) {
        this.analyzer = analyzer;
        this.captureFps = captureFps;
        this.processFps = processFps;
        this.realCost = realCost;
    }

    /**
     * Plays {@code durationMillis} of a video (a clip of n frames lasts {@code (n - 0.5) * 1000 / captureFps}: its
     * last frame's capture time, jittered, and no more).
     *
     * @param render gives the frame of a capture index at its capture time (ms)
     * @param frames takes each analysed frame; false stops the replay
     * @return frames processed
     */
    public int play(long durationMillis, long seed, BiFunction<Integer, Long, RgbImage> render, Predicate<LivenessFrame> frames) {
        analyzer.reset();
        FramePicker picker = new FramePicker(captureFps, processFps, seed);
        double cost = Double.NaN;
        int n = 0;
        for (int i = picker.next(); picker.captureMillis(i) <= durationMillis; i = picker.next(cost)) {
            long t = picker.captureMillis(i);
            RgbImage image = render.apply(i, t);
            long start = System.nanoTime();
            LivenessFrame f = analyzer.analyze(image, t);
            boolean more = frames.test(f);
            n++;
            if (!more) break;
            if (realCost) cost = (System.nanoTime() - start) / 1e6;
        }
        return n;
    }
}
