package org.facegate.diagnostics;

import java.util.Arrays;

/**
 * Where the time of the last {@link #WINDOW} processed camera frames went, stage by stage: the camera thread's
 * conversion, the detector's, the face mesh's and the embedder's model runs ({@link TimedRuntime}), the liveness
 * challenge's own work ({@code UnlockAttempt}), and the rest of the analysis (pre- and post-processing, matching).
 * Also how far into its frame the last liveness attempt's first instruction showed ({@link #firstInstruction}). The
 * inference thread {@link #begin begins} a frame, {@link #add adds} to it and ends it ({@link #frameDone}); any
 * thread reads the {@link #summary}.
 */
public final class FrameTimings {
    /** What a frame's time is spent on. */
    public enum Stage {
        CONVERT("convert"),
        DETECT("detect"),
        MESH("mesh"),
        EMBED("embed"),
        LIVENESS("liveness");

        /** The name in the report. */
        public final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    /** Frames summarized. */
    public static final int WINDOW = 30;
    private static final int STAGES = Stage.values().length, TOTAL = STAGES, END = STAGES + 1;

    /** Per frame: nanoseconds per stage, the analysis's total, its end (ms, elapsed realtime). */
    private final long[][] ring = new long[WINDOW][STAGES + 2];
    private int count, next;
    // inference thread: the frame being analysed
    private final long[] current = new long[STAGES];
    /** Inference thread: when the frame being analysed began ({@link System#nanoTime}). */
    private long beganNanos;
    /** Inference thread: when the frame being analysed showed an attempt's first instruction, ns into it; -1: it did not. */
    private long currentFirst = -1;
    /** The last frame that showed a first instruction: ns into it, and its analysis; -1: none yet. */
    private long lastFirst = -1, lastFirstFrame = -1;

    /**
     * The means over the last frames.
     *
     * @param frames       how many frames (at most {@link #WINDOW}; 0: nothing measured yet, every other value 0)
     * @param stageMillis  mean milliseconds per frame of each {@link Stage}, in its order
     * @param otherMillis  mean milliseconds of the analysis outside the model runs and the liveness stage
     * @param totalMillis  mean milliseconds of conversion plus analysis
     * @param fps          processed frames per second over the window (0 with fewer than two frames)
     * @param firstInstructionMillis for the last frame that started a liveness attempt (whether or not in the window):
     *                     how far into its analysis the attempt's first instruction was shown; NaN if none did
     * @param firstFrameMillis that frame's whole analysis, ms; NaN if none. Their ratio is the share the time-to-unlock
     *                     simulation assumes (docs/liveness.md, "The first instruction, as soon as the face is found")
     */
    public record Summary(int frames, double[] stageMillis, double otherMillis, double totalMillis, double fps, double firstInstructionMillis,
            double firstFrameMillis) {
        public double millis(Stage s) {
            return stageMillis[s.ordinal()];
        }
    }

    /** Inference thread: a frame's analysis starts (model runs of other work before it are not counted). */
    public void begin() {
        Arrays.fill(current, 0);
        currentFirst = -1;
        beganNanos = System.nanoTime();
    }

    /**
     * Inference thread: the frame being analysed shows a liveness attempt's first instruction now, timed from its
     * {@link #begin}, where the analysis time {@link #frameDone} gets starts too.
     */
    public void firstInstruction() {
        firstInstruction(System.nanoTime() - beganNanos);
    }

    /** The same, {@code nanos} into the frame's analysis. */
    void firstInstruction(long nanos) {
        currentFirst = nanos;
    }

    /** Inference thread: time spent on {@code stage} for the frame being analysed. */
    public void add(Stage stage, long nanos) {
        current[stage.ordinal()] += nanos;
    }

    /**
     * Inference thread: the frame is done.
     *
     * @param convertNanos  what its conversion took on the camera thread
     * @param analysisNanos what the analysis took, stages included
     * @param endMillis     when it ended (elapsed realtime), for the frame rate
     */
    public synchronized void frameDone(long convertNanos, long analysisNanos, long endMillis) {
        long[] f = ring[next];
        System.arraycopy(current, 0, f, 0, STAGES);
        f[Stage.CONVERT.ordinal()] = convertNanos;
        f[TOTAL] = analysisNanos;
        f[END] = endMillis;
        if (currentFirst >= 0) {
            lastFirst = currentFirst;
            lastFirstFrame = analysisNanos;
        }
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
    }

    /** Forgets every frame (a new measurement). */
    public synchronized void clear() {
        count = 0;
        next = 0;
        lastFirst = lastFirstFrame = -1;
    }

    public synchronized Summary summary() {
        double[] stage = new double[STAGES];
        double first = lastFirst < 0 ? Double.NaN : lastFirst / 1e6, firstFrame = lastFirst < 0 ? Double.NaN : lastFirstFrame / 1e6;
        if (count == 0) return new Summary(0, stage, 0, 0, 0, first, firstFrame);
        double other = 0, total = 0;
        long firstEnd = Long.MAX_VALUE, lastEnd = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long[] f = ring[i];
            long inAnalysis = 0;
            for (int s = 0; s < STAGES; s++) {
                stage[s] += f[s] / 1e6;
                if (s != Stage.CONVERT.ordinal()) inAnalysis += f[s];
            }
            other += Math.max(0, f[TOTAL] - inAnalysis) / 1e6;
            total += (f[TOTAL] + f[Stage.CONVERT.ordinal()]) / 1e6;
            firstEnd = Math.min(firstEnd, f[END]);
            lastEnd = Math.max(lastEnd, f[END]);
        }
        for (int s = 0; s < STAGES; s++) stage[s] /= count;
        double fps = count > 1 && lastEnd > firstEnd ? (count - 1) * 1000.0 / (lastEnd - firstEnd) : 0;
        return new Summary(count, stage, other / count, total / count, fps, first, firstFrame);
    }
}
