package org.facegate.eval.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.facegate.detect.MeshLandmarks;
import org.facegate.image.RgbImage;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;

/**
 * A simulated owner answering an active session, for the time an unlock takes: a {@link SyntheticHead} textured from
 * a real clip of the owner, which reads each instruction when the phone shows it (the first a share of a processing
 * time after the first frame with a face, {@link #FIRST_INSTRUCTION_SHARE}; later ones one processing time after the
 * frame that brought them up: {@link ChallengeSession#shown}), reacts after a reaction time (by default {@link #REACTION_MILLIS}, always +-
 * {@link #REACTION_JITTER_MILLIS}), and performs it: a head movement as its {@link HeadMotion} does it, or a blink, played from the clip's own frames of a real
 * blink. The reaction time and the movement's speed are assumptions, so the times it gives are the pipeline's share
 * of an unlock plus those assumptions, not a measurement of people.
 */
public final class OwnerSimulation {
    /** Mean reaction time to a new instruction (read a short sentence, start moving): the default, an assumption. */
    public static final long REACTION_MILLIS = 700, REACTION_JITTER_MILLIS = 200;
    /**
     * The share of a frame's processing time after which the gate shows an attempt's first instruction: the app shows
     * it as soon as the liveness analyzer has found the face on the attempt's first frame (BlazeFace and the mesh),
     * before that frame's identity check and challenge work ({@code UnlockAttempt}'s {@code started}). 0.16 on the
     * desktop CPU: of that frame's 30.2 ms, the analyzer took 4.8, the identity check 17.0 (the mesh refinement and
     * two embeddings) and the challenge 8.4 (the tracker's reference), medians over 41 session starts of the real clip
     * (a throwaway harness, 7 December). It is applied to the mean processing time, though a first frame (with the
     * detector) took 8% more than a tracked one (28.0 ms): 2 ms at 6 fps. A phone's share differs: the app's
     * diagnostics screen reports its own (the last attempt's first instruction, ms into its frame's analysis), and the
     * time to unlock is given for any share with {@code liveness-eval --first-instruction-share}.
     */
    public static final double FIRST_INSTRUCTION_SHARE = 0.16;

    private final SyntheticHead rest;
    private final List<SyntheticHead> blink;
    private final double blinkFrameMillis, scale;
    private final int width, height;
    private final long reactionMillis;
    private final HeadMotion motion;

    /**
     * @param rest             the owner's head with open eyes
     * @param blink            heads made from consecutive frames of a real blink (eyes closing and reopening)
     * @param blinkFrameMillis the time between those frames in the clip
     * @param scale            clip pixels to frame pixels
     * @param reactionMillis   mean time from an instruction showing to the owner starting on it
     * @param motion           how the owner makes each head movement
     */
    public OwnerSimulation(SyntheticHead rest, List<SyntheticHead> blink, double blinkFrameMillis, double scale, int width, int height,
            long reactionMillis, HeadMotion motion) {
        if (reactionMillis < REACTION_JITTER_MILLIS) {
            throw new IllegalArgumentException("reaction time must be at least its jitter, " + REACTION_JITTER_MILLIS + " ms: " + reactionMillis);
        }
        this.rest = rest;
        this.blink = blink;
        this.blinkFrameMillis = blinkFrameMillis;
        this.scale = scale;
        this.width = width;
        this.height = height;
        this.reactionMillis = reactionMillis;
        this.motion = motion;
    }

    /** Clip frames (1-based) the owner is made of: eyes open, and a real blink (closing from 21, open again at 24). */
    public static final int OPEN_FRAME = 35, BLINK_FROM = 20, BLINK_TO = 25;

    /**
     * The owner of the real selfie clip ({@code shared/eval/liveness}, frames captured at {@code clipFps}): heads of the
     * mesh's depth from {@link #OPEN_FRAME} and from the blink's frames, shown at 3/4 of the clip's size (its 480x854
     * frames as 360x640, a phone's analysis frame), reacting and moving as given.
     */
    public static OwnerSimulation of(HeadEvaluation heads, List<RgbImage> clip, double clipFps, long reactionMillis, HeadMotion motion) {
        SyntheticHead rest = head(heads, clip.get(OPEN_FRAME - 1));
        List<SyntheticHead> blink = new ArrayList<>();
        for (int i = BLINK_FROM; i <= BLINK_TO; i++) blink.add(head(heads, clip.get(i - 1)));
        RgbImage first = clip.get(0);
        return new OwnerSimulation(rest, blink, 1000 / clipFps, 0.75, (int) Math.round(first.width() * 0.75), (int) Math.round(first.height() * 0.75),
                reactionMillis, motion);
    }

    /** {@link #of} with the default owner: {@link #REACTION_MILLIS}, {@link HeadMotion#RELAXED}. */
    public static OwnerSimulation of(HeadEvaluation heads, List<RgbImage> clip, double clipFps) {
        return of(heads, clip, clipFps, REACTION_MILLIS, HeadMotion.RELAXED);
    }

    private static SyntheticHead head(HeadEvaluation heads, RgbImage image) {
        MeshLandmarks m = heads.mesh(image);
        if (m == null) throw new IllegalArgumentException("no face in a clip frame");
        return heads.head(image, m, HeadEvaluation.Depth.MESH);
    }

    /**
     * One session played to its end.
     *
     * @param millis    the time from the first frame with a face to the decision
     * @param withdrawn how often an instruction shown early ({@link ChallengeSession#shown}) was taken back, the hold
     *                  of the movement before it having failed
     * @param askedAgain how often a movement was asked again after a miss ({@link ChallengeSession#misses}), which the
     *                   owner repeated
     */
    public record Answer(long millis, int withdrawn, int askedAgain) {}

    /**
     * Plays one session to its end. The owner acts on the instruction shown ({@link ChallengeSession#shown}); one
     * taken back before the owner started on it is replaced by the one shown again, which the owner then does anew; one
     * asked again after a miss is repeated, once the movement under way is over, at the owner's usual pace.
     *
     * @param processFps the replay's processed rate: an instruction shows one mean processing time after its frame
     * @param firstShare the share of that time after which the first instruction shows ({@link #FIRST_INSTRUCTION_SHARE})
     */
    public Answer answer(Replay replay, ChallengeSession session, double processFps, double firstShare, long seed) {
        if (!(firstShare >= 0 && firstShare <= 1)) throw new IllegalArgumentException("the first instruction's share must be in [0, 1]: " + firstShare);
        Random random = Seeds.random(seed, Seeds.Use.REACTION, 0);
        // the action asked last and the one before it: what, and when each starts (Long.MIN_VALUE: none yet); until the
        // new one starts, the frames still show the one before (a movement under way is finished, not cut off)
        Challenge[] action = {null, null};
        long[] start = {Long.MIN_VALUE, Long.MIN_VALUE}, first = {-1}, last = {0};
        int[] shown = {-1}, withdrawn = {0}, misses = {0}, asked = {0};
        long latency = Math.round(1000 / processFps);
        replay.play(session.challenges().size() * (ChallengeSession.MILLIS_PER_CHALLENGE + 1000), seed, (i, t) -> {
                    int k = action[0] != null && t < start[0] ? 1 : 0;
                    return frame(action[k], action[k] == null ? 0 : t - start[k], i, seed);
                },
                f -> {
                    if (f.hasFace() && first[0] < 0) first[0] = f.timeMillis();
                    last[0] = f.timeMillis();
                    if (session.offer(f) != ChallengeSession.State.RUNNING) return false;
                    int now = session.shown(), missed = session.misses();
                    // a new instruction, or the current one asked again after a miss (ChallengeSession.AGAIN), which the
                    // owner repeats at his usual pace; a preview of the next one showing until then is taken back on the
                    // frame of the miss (it clears the evidence), so that is both. Misses restart at 0 with each challenge.
                    boolean again = missed > misses[0];
                    misses[0] = missed;
                    if (first[0] >= 0 && (now != shown[0] || again)) {
                        if (now < shown[0]) withdrawn[0]++;
                        if (again) asked[0]++;
                        // the first shows once the face is found on its frame, the others once their frame is processed
                        long seen = f.timeMillis() + (shown[0] < 0 ? Math.round(latency * firstShare) : latency);
                        shown[0] = now;
                        long react = seen + reactionMillis + Math.round((2 * random.nextDouble() - 1) * REACTION_JITTER_MILLIS);
                        if (action[0] != null && seen >= start[0]) {
                            // the action under way becomes the one before; one not yet started is simply replaced
                            action[1] = action[0];
                            start[1] = start[0];
                        }
                        // a movement under way is finished first
                        long busyUntil = action[1] == null ? Long.MIN_VALUE : start[1] + duration(action[1]);
                        action[0] = session.challenges().get(now);
                        start[0] = Math.max(react, busyUntil);
                    }
                    return true;
                });
        session.finish();
        return new Answer(last[0] - Math.max(0, first[0]), withdrawn[0], asked[0]);
    }

    /** {@link #answer(Replay, ChallengeSession, double, double, long)} with the app's {@link #FIRST_INSTRUCTION_SHARE}. */
    public Answer answer(Replay replay, ChallengeSession session, double processFps, long seed) {
        return answer(replay, session, processFps, FIRST_INSTRUCTION_SHARE, seed);
    }

    private long duration(Challenge c) {
        return c == Challenge.BLINK ? Math.round(blink.size() * blinkFrameMillis) : motion.millis();
    }

    /** The frame {@code t} ms into {@code action} (before it or with none: the owner at rest). */
    RgbImage frame(Challenge action, long t, int index, long seed) {
        if (action == Challenge.BLINK) {
            int k = t < 0 ? -1 : (int) (t / blinkFrameMillis);
            SyntheticHead h = k >= 0 && k < blink.size() ? blink.get(k) : rest;
            return h.frame(0, 0, scale, width, height, PlanarAttack.Degradation.NONE, index, seed);
        }
        double[] pose = action == null ? new double[2] : motion.pose(action, t);
        return rest.frame(pose[0], pose[1], scale, width, height, PlanarAttack.Degradation.NONE, index, seed);
    }
}
