package org.facegate.eval.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.facegate.image.RgbImage;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;
import org.facegate.liveness.IdentityCheck;
import org.facegate.liveness.LivenessAnalyzer;
import org.facegate.liveness.LivenessData;
import org.facegate.testing.TestData;
import org.junit.Test;

/**
 * The simulated owner (the real clip's man as a synthetic head, his own blink) answering active sessions at 6 processed
 * fps, where a challenge follows a head movement: the blink asked right after a turn or a nod is seen, and the next
 * movement starts from a head that finished the previous one. Found by {@code facegate liveness-eval --unlock-time}:
 * a blink after a turn timed out (the eye regions' reference was the turned head's, so no frontal frame had pixel
 * evidence; this test's first order fails so without {@code BlinkDetector}'s retaken reference), a blink after a nod
 * never reopened (openness measured against the pitched-down head's wider eye ratio), and the simulation cut a
 * movement off when the next instruction came (the head snapped back: FACE_JUMP on 31 of 50 sessions at 12 fps).
 */
public class OwnerSimulationTest {
    /**
     * The share of a frame's processing after which the first instruction shows, in the tests of faults the simulation
     * found: 1, the whole frame, as the gate did when they were found and their numbers measured. The share moves every
     * simulated owner's timings, as a seed does, and at the gate's {@link OwnerSimulation#FIRST_INSTRUCTION_SHARE} the
     * sessions that show each fault are others (the 32 turns after a nod, for one, are all live there).
     */
    private static final double FOUND_AT = 1;

    @Test
    public void aBlinkOrMovementAskedAfterAMovementIsSeen() throws Exception {
        LivenessData.root();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            OwnerSimulation owner = OwnerSimulation.of(new HeadEvaluation(analyzer, 6, false, null), LivenessData.clip(), 12);
            Replay replay = new Replay(analyzer, Replay.CAPTURE_FPS, 6, false);
            List<List<Challenge>> orders = List.of(List.of(Challenge.TURN_RIGHT, Challenge.BLINK, Challenge.LOOK_DOWN),
                    List.of(Challenge.BLINK, Challenge.LOOK_DOWN, Challenge.BLINK), List.of(Challenge.TURN_LEFT, Challenge.LOOK_DOWN, Challenge.TURN_LEFT));
            for (List<Challenge> order : orders) {
                ChallengeSession s = new ChallengeSession(order, ChallengeSession.MILLIS_PER_CHALLENGE, IdentityCheck.ANYONE, 1);
                // seed 7 (which these orders used before the replays' streams were kept apart by use) now puts no
                // processed frame on the owner's one short blink: over seeds 0-19 that happens at 7 or 9 in 5 of 7
                // orders with a blink after a movement, and never otherwise
                owner.answer(replay, s, 6, FOUND_AT, 1);
                assertEquals(order + ": " + s.describe(), ChallengeSession.State.LIVE, s.state());
            }
        }
    }

    /**
     * Orders of {@code facegate liveness-eval --unlock-time --sessions 50} whose blink, asked right after a movement,
     * timed out before {@code BlinkDetector} retook its references: the eye regions' reference was a frame of the head
     * still coming back from the movement (6 fps: the other eye 0.52-0.58 on the closed frame, above
     * {@link org.facegate.liveness.BlinkDetector#OTHER_EYE_CLOSED}) or, its control regions failing, the closed-eyed frame
     * itself; and the reopened eyes were measured against a frame whose mesh still read the pitched-down eyes of the
     * look-down (8 fps: openness 0.73-0.78, never above {@link org.facegate.liveness.BlinkDetector#OPEN_ABOVE}). The
     * seeds of that run no longer replay its frame timings ({@code Seeds.Use}), so each order is answered at three
     * seeds: the blink must never time out, and a session may only fail a movement (the head challenges' own BPCER at
     * 6 fps). Measured: 18 of 18 live on the final code of 7 December; 17 when the owner first saw the next
     * instruction during the hold ({@code ChallengeSession.shown}, which moves the owner's timings), the other refused
     * on a movement (PLANAR_MOTION), and 18 before it; 16 before {@code ParallaxTracker.NOSE_ROUND_TRIP}.
     */
    @Test
    public void aBlinkRightAfterAMovementIsConfirmed() throws Exception {
        LivenessData.root();
        List<Answer> answers = List.of(new Answer(6, Challenge.TURN_LEFT, Challenge.LOOK_UP, Challenge.BLINK),
                new Answer(6, Challenge.TURN_LEFT, Challenge.BLINK, Challenge.LOOK_UP),
                new Answer(6, Challenge.LOOK_DOWN, Challenge.BLINK, Challenge.LOOK_DOWN),
                new Answer(6, Challenge.LOOK_UP, Challenge.BLINK, Challenge.LOOK_DOWN),
                new Answer(8, Challenge.LOOK_DOWN, Challenge.BLINK, Challenge.BLINK),
                new Answer(8, Challenge.LOOK_UP, Challenge.LOOK_DOWN, Challenge.BLINK));
        int live = 0;
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            List<RgbImage> clip = LivenessData.clip();
            for (Answer a : answers) {
                OwnerSimulation owner = OwnerSimulation.of(new HeadEvaluation(analyzer, a.fps(), false, null), clip, 12);
                for (long seed = 0; seed < 3; seed++) {
                    ChallengeSession s = new ChallengeSession(List.of(a.order()), ChallengeSession.MILLIS_PER_CHALLENGE, IdentityCheck.ANYONE, 1);
                    owner.answer(new Replay(analyzer, Replay.CAPTURE_FPS, a.fps(), false), s, a.fps(), FOUND_AT, seed);
                    String what = List.of(a.order()) + " at " + a.fps() + " fps, seed " + seed + ": " + s.describe();
                    if (s.state() == ChallengeSession.State.LIVE) live++;
                    else assertEquals(what, ChallengeSession.Reason.PLANAR_MOTION, s.reason());
                }
            }
        }
        System.out.println(live + " of 18 live");
        assertTrue(live + " of 18 live", live >= 17);
    }

    /**
     * The owner's head making each movement ({@link HeadMotion}) seen every 200 ms (5 processed fps, or the slow frames
     * of 6 fps), at 12 phases of the movement against the frames: the step that turns most turns 12-16 degrees, and the
     * nose's window, straddling the nose against its cheeks, tracks back 1.5-5 px from where it started. With the
     * anchors' round-trip limit (1 px) for the nose too, most nose points were lost in that step, which then counted
     * none of its parallax: 14 of these 48 sessions were rejected (PLANAR_MOTION). With
     * {@code ParallaxTracker.NOSE_ROUND_TRIP} (2 px): 2.
     */
    @Test
    public void theLargestStepOfAMovementCounts() throws Exception {
        LivenessData.root();
        int rejected = 0;
        StringBuilder why = new StringBuilder();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            OwnerSimulation owner = OwnerSimulation.of(new HeadEvaluation(analyzer, 5, false, null), LivenessData.clip(), 12);
            for (Challenge c : List.of(Challenge.TURN_LEFT, Challenge.TURN_RIGHT, Challenge.LOOK_UP, Challenge.LOOK_DOWN)) {
                for (int phase = 0; phase < 180; phase += 15) {
                    ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, c);
                    analyzer.reset();
                    for (int k = 0; k < 12 && s.state() == ChallengeSession.State.RUNNING; k++) {
                        long t = 200L * k;
                        s.offer(analyzer.analyze(owner.frame(c, t - 300 + phase, k, 1), t));
                    }
                    if (s.finish() != ChallengeSession.State.LIVE) {
                        rejected++;
                        why.append(String.format(Locale.ROOT, "%n%s at phase %d ms: %s", c, phase, s.describe()));
                    }
                }
            }
        }
        System.out.println(rejected + " of 48 rejected:" + why);
        assertTrue(rejected + " of 48 rejected:" + why, rejected <= 5);
    }

    /**
     * A turn asked right after a look up or down, at 6 fps: the owner starts turning as his head comes back from the
     * nod (`OwnerSimulation` finishes a movement before the next), and while it comes back the mesh reads the turn's
     * offset 0.4-1.4 degrees past its start. With the tracking's reference taken only at or behind the start, it stayed
     * on the head still pitched 20-36 degrees, the pitch's return raised the anchors' residual to 0.10-0.13 eye spans
     * and the turn failed on it: 7 of these 32 sessions were refused (PLANAR_MOTION). With
     * {@code HeadMoveStep.REFERENCE_SLACK} (2 degrees): 4.
     */
    @Test
    public void aTurnAfterANodIsTrackedFromTheHeadAtRest() throws Exception {
        LivenessData.root();
        int rejected = 0;
        StringBuilder why = new StringBuilder();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            OwnerSimulation owner = OwnerSimulation.of(new HeadEvaluation(analyzer, 6, false, null), LivenessData.clip(), 12);
            Replay replay = new Replay(analyzer, Replay.CAPTURE_FPS, 6, false);
            for (Challenge nod : List.of(Challenge.LOOK_UP, Challenge.LOOK_DOWN)) {
                for (Challenge turn : List.of(Challenge.TURN_LEFT, Challenge.TURN_RIGHT)) {
                    for (long seed = 0; seed < 8; seed++) {
                        ChallengeSession s = new ChallengeSession(List.of(nod, turn), ChallengeSession.MILLIS_PER_CHALLENGE, IdentityCheck.ANYONE, 1);
                        owner.answer(replay, s, 6, FOUND_AT, seed);
                        if (s.state() != ChallengeSession.State.LIVE) {
                            rejected++;
                            why.append(String.format(Locale.ROOT, "%n%s, %s seed %d: %s", nod, turn, seed, s.describe()));
                        }
                    }
                }
            }
        }
        System.out.println(rejected + " of 32 rejected:" + why);
        assertTrue(rejected + " of 32 rejected:" + why, rejected <= 5);
    }

    /**
     * An owner who turns or nods 25 degrees in 400 ms (faster than the assumed 500) at 6 processed fps: one step of his
     * movement crosses 20 degrees or more, where the tracking loses the anchors, so the movement is often made without
     * the parallax counted. The instruction is then asked again ({@code ChallengeSession.AGAIN}) once his head is back,
     * and the same movement made again, at a different phase of the frames, passes: these three sessions (of 48 with
     * one movement each, seeds 0-11; 7 were asked again, 4 of them passed) time out as PLANAR_MOTION without the
     * second try.
     */
    @Test
    public void aMovementThatDidNotCountIsAskedAgainAndPassesOnTheSecondTry() throws Exception {
        LivenessData.root();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            OwnerSimulation owner = OwnerSimulation.of(new HeadEvaluation(analyzer, 6, false, null), LivenessData.clip(), 12,
                    OwnerSimulation.REACTION_MILLIS, new HeadMotion(HeadMotion.PEAK_DEGREES, 400, HeadMotion.HOLD_MILLIS));
            Replay replay = new Replay(analyzer, Replay.CAPTURE_FPS, 6, false);
            Map<Challenge, Long> seeds = Map.of(Challenge.TURN_LEFT, 9L, Challenge.LOOK_UP, 6L, Challenge.LOOK_DOWN, 2L);
            for (Map.Entry<Challenge, Long> e : seeds.entrySet()) {
                ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, e.getKey());
                OwnerSimulation.Answer a = owner.answer(replay, s, 6, FOUND_AT, e.getValue());
                assertEquals(e + ": " + s.describe(), 1, a.askedAgain());
                assertEquals(e + ": " + s.describe(), ChallengeSession.State.LIVE, s.state());
            }
        }
    }

    /**
     * The gate shows the first instruction once the face is found on the attempt's first frame, a share of that frame's
     * processing ({@link OwnerSimulation#FIRST_INSTRUCTION_SHARE}) instead of all of it, so the owner starts, and is let
     * in, sooner by the rest: 0.84 of 167 ms at 6 fps, 140 ms, on average over the phases of the frames (measured: 104
     * ms over these 8 sessions). Only the first instruction: a share applied to every instruction would bring the
     * second challenge's sooner too, about twice as much.
     */
    @Test
    public void anInstructionShownOnceTheFaceIsFoundLetsTheOwnerInSooner() throws Exception {
        LivenessData.root();
        long sooner = 0;
        int n = 0;
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            OwnerSimulation owner = OwnerSimulation.of(new HeadEvaluation(analyzer, 6, false, null), LivenessData.clip(), 12);
            Replay replay = new Replay(analyzer, Replay.CAPTURE_FPS, 6, false);
            for (long seed = 0; seed < 8; seed++) {
                long[] millis = new long[2];
                boolean live = true;
                for (int k = 0; k < 2; k++) {
                    ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.TURN_LEFT, Challenge.BLINK);
                    millis[k] = owner.answer(replay, s, 6, k == 0 ? 1 : OwnerSimulation.FIRST_INSTRUCTION_SHARE, seed).millis();
                    live &= s.state() == ChallengeSession.State.LIVE;
                }
                if (!live) continue;
                sooner += millis[0] - millis[1];
                n++;
            }
        }
        double mean = (double) sooner / n;
        System.out.printf(Locale.ROOT, "sooner by %.0f ms on average over %d sessions%n", mean, n);
        assertTrue(n + " of 8 sessions live at both shares", n >= 6);
        assertTrue("sooner by " + mean + " ms", mean > 70 && mean < 210);
    }

    /** Simulated sessions: the processed rate, the challenges asked. */
    private record Answer(int fps, Challenge... order) {}
}
