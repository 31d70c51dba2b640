package org.facegate.eval.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.facegate.image.RgbImage;
import org.facegate.liveness.BlinkDetector;
import org.facegate.liveness.ChallengeSession;
import org.facegate.liveness.LivenessAnalyzer;
import org.facegate.liveness.LivenessFrame;

/**
 * A real clip as a phone would process it: every frame is analysed once, in order, at the clip's own rate (the head
 * in FaceGate's clip is still, so where the mesh's tracking starts from does not matter), then replayed as the
 * frames a pipeline of the given processed rate would pick up ({@link FramePicker}), each with its jittered capture
 * time: per-frame blink detection against labels, and sessions started at every {@link #WINDOW_STEP}-th frame
 * (bona fide presentations).
 */
public final class ClipEvaluation {
    /** A session starts at every 4th frame of the clip. */
    public static final int WINDOW_STEP = 4;

    private final double captureFps;
    private final List<LivenessFrame> frames = new ArrayList<>();
    private final double[] analysisMillis;

    /** Analyses the clip's frames (captured at {@code captureFps}). */
    public ClipEvaluation(LivenessAnalyzer analyzer, List<RgbImage> clip, double captureFps) {
        this.captureFps = captureFps;
        analysisMillis = new double[clip.size()];
        analyzer.reset();
        for (int i = 0; i < clip.size(); i++) {
            long t0 = System.nanoTime();
            frames.add(analyzer.analyze(clip.get(i), Math.round(i * 1000 / captureFps)));
            analysisMillis[i] = (System.nanoTime() - t0) / 1e6;
        }
    }

    /** Frames of the clip with a face. */
    public int framesWithFace() {
        int n = 0;
        for (LivenessFrame f : frames) if (f.hasFace()) n++;
        return n;
    }

    public int size() {
        return frames.size();
    }

    /**
     * Replays the clip from frame {@code start} to its end, or until {@code sink} returns false: the frames picked at
     * {@code processFps} (or after this machine's real cost: the frame's analysis plus the sink's work), stamped with
     * jittered capture times from 0.
     *
     * @param sink takes the capture index and the frame; false stops the replay
     */
    public void replay(int start, double processFps, boolean realCost, long seed, BiPredicate<Integer, LivenessFrame> sink) {
        FramePicker picker = new FramePicker(captureFps, processFps, seed);
        double cost = Double.NaN;
        for (int j = picker.next(); start + j < frames.size(); j = picker.next(cost)) {
            LivenessFrame f = frames.get(start + j);
            long t0 = System.nanoTime();
            boolean more = sink.test(start + j, f.at(picker.captureMillis(j)));
            if (!more) return;
            if (realCost) cost = analysisMillis[start + j] + (System.nanoTime() - t0) / 1e6;
        }
    }

    /** Per-frame closed-eye detection against labels, on the frames picked from the start of the clip. */
    public record Agreement(int frames, int agree, int agreeMesh, int closedLabels, int closedOnClosed, int closedOnOpen, int blinks, String disagreements) {}

    public Agreement agreement(boolean[] labeledClosed, double processFps, boolean realCost, long seed) {
        BlinkDetector d = new BlinkDetector();
        int[] c = new int[6];
        StringBuilder differ = new StringBuilder();
        replay(0, processFps, realCost, seed, (i, f) -> {
            if (!f.hasFace()) return true;
            d.add(f.timeMillis(), f.mesh(), f.image());
            boolean label = labeledClosed[i], mesh = d.openness() < BlinkDetector.CLOSED_BELOW, both = d.closed();
            c[0]++;
            if (label) c[3]++;
            if (both == label) c[1]++;
            else differ.append(' ').append(i + 1).append(both ? "c" : "o");
            if (mesh == label) c[2]++;
            if (both && label) c[4]++;
            if (both && !label) c[5]++;
            return true;
        });
        return new Agreement(c[0], c[1], c[2], c[3], c[4], c[5], d.blinks(), differ.toString());
    }

    /**
     * Sessions started at every {@link #WINDOW_STEP}-th frame; windows that run out of frames undecided are left out.
     *
     * @param seed the window starting at frame s is replayed with seed {@code seed + s}
     */
    public SessionTally sessions(Supplier<ChallengeSession> session, double processFps, boolean realCost, long seed) {
        SessionTally w = new SessionTally();
        for (int start = 0; start < frames.size(); start += WINDOW_STEP) {
            ChallengeSession s = session.get();
            long[] first = {-1}, last = {0};
            replay(start, processFps, realCost, seed + start, (i, f) -> {
                if (f.hasFace() && first[0] < 0) first[0] = f.timeMillis();
                last[0] = f.timeMillis();
                return s.offer(f) == ChallengeSession.State.RUNNING;
            });
            if (s.state() == ChallengeSession.State.RUNNING) continue;
            w.add(start + 1, s, last[0] - Math.max(0, first[0]));
        }
        return w;
    }
}
