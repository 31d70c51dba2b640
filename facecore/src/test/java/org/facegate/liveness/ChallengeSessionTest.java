package org.facegate.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.facegate.detect.MeshLandmarks;
import org.facegate.image.RgbImage;
import org.junit.Test;

/**
 * The session and its steps on synthetic {@link LivenessFrame}s (a grid mesh, a pose given outright, blank pixels): the
 * ways a session ends other than live, timed on capture time at the rates a phone reaches. Completing a challenge
 * needs real pixels: LivenessClipTest (blinks on the real clip) and SyntheticHeadTest (head movements, facecore-measure).
 */
public class ChallengeSessionTest {
    private static final RgbImage BLANK = new RgbImage(400, 400, new int[400 * 400]);

    /** A frame at {@code t} ms: a face of eye span 100 px centred at {@code (cx, 200)}, {@code size} times as large, posed as given. */
    private static LivenessFrame frame(long t, float cx, float size, float yaw, float pitch) {
        float[] xyz = new float[3 * MeshLandmarks.COUNT];
        for (int i = 0; i < MeshLandmarks.COUNT; i++) {
            xyz[3 * i] = cx + size * ((i % 22) * 5 - 50);
            xyz[3 * i + 1] = 200 + size * ((i / 22) * 5 - 50);
        }
        xyz[3 * MeshLandmarks.RIGHT_EYE_OUTER] = cx - 50 * size;
        xyz[3 * MeshLandmarks.LEFT_EYE_OUTER] = cx + 50 * size;
        xyz[3 * MeshLandmarks.RIGHT_EYE_OUTER + 1] = xyz[3 * MeshLandmarks.LEFT_EYE_OUTER + 1] = 180;
        xyz[3 * MeshLandmarks.NOSE_TIP] = cx;
        xyz[3 * MeshLandmarks.NOSE_TIP + 1] = 210;
        MeshLandmarks m = new MeshLandmarks(xyz, 1);
        return new LivenessFrame(t, BLANK, m, LivenessAnalyzer.face(m), 0.3f, 0.3f, new HeadPose(yaw, pitch, 0));
    }

    private static LivenessFrame still(long t) {
        return frame(t, 200, 1, 0, 0);
    }

    private static LivenessFrame posed(long t, float yaw, float pitch) {
        return frame(t, 200, 1, yaw, pitch);
    }

    /** Offers frames every {@code gapMillis} from 0 to {@code untilMillis} as {@code pose} gives them; returns the session's state. */
    private static ChallengeSession.State run(ChallengeSession s, long gapMillis, long untilMillis, java.util.function.LongFunction<LivenessFrame> at) {
        for (long t = 0; t <= untilMillis && s.state() == ChallengeSession.State.RUNNING; t += gapMillis) s.offer(at.apply(t));
        return s.state();
    }

    @Test
    public void aChallengeTimesOutAfterItsTimeWhateverTheFrameRate() {
        for (long gap : new long[] {83, 167, 250, 330}) {
            ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
            long[] last = {0};
            run(s, gap, 20_000, t -> {
                last[0] = t;
                return still(t);
            });
            assertEquals(ChallengeSession.Reason.TIMEOUT, s.reason());
            assertTrue(gap + " ms gaps: ended at " + last[0], last[0] > ChallengeSession.MILLIS_PER_CHALLENGE && last[0] <= ChallengeSession.MILLIS_PER_CHALLENGE + gap);
            assertTrue(s.detail(), s.detail().startsWith("BLINK not seen within 5.0 s"));
        }
    }

    @Test
    public void theFaceMayBeMissingForATimeNotForAFrameCount() {
        // 4 fps: one frame without a face (500 ms between faces) is forgiven, two are not
        ChallengeSession slow = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
        slow.offer(still(0));
        slow.offer(LivenessFrame.empty(250, BLANK));
        slow.offer(still(500));
        assertEquals(ChallengeSession.State.RUNNING, slow.state());
        slow.offer(LivenessFrame.empty(750, BLANK));
        slow.offer(LivenessFrame.empty(1000, BLANK));
        assertEquals(ChallengeSession.Reason.FACE_LOST, slow.reason());
        assertEquals("no face for 500 ms", slow.detail());
        // 12 fps: four frames without a face (333 ms) are forgiven, five (417 ms) are not
        ChallengeSession fast = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
        fast.offer(still(0));
        for (int i = 1; i <= 4; i++) fast.offer(LivenessFrame.empty(i * 1000L / 12, BLANK));
        assertEquals(ChallengeSession.State.RUNNING, fast.state());
        fast.offer(LivenessFrame.empty(5 * 1000L / 12, BLANK));
        assertEquals(ChallengeSession.Reason.FACE_LOST, fast.reason());
    }

    /** A blink session offered {@code frames} in order. */
    private static ChallengeSession blinkSession(LivenessFrame... frames) {
        ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
        for (LivenessFrame f : frames) s.offer(f);
        return s;
    }

    @Test
    public void aJumpIsTooFastAMoveNotTooFarAFrame() {
        // 0.9 eye spans in 250 ms (4 fps) is a brisk real movement; in 83 ms (12 fps) it is a jump
        assertEquals(ChallengeSession.State.RUNNING, blinkSession(still(0), frame(250, 290, 1, 0, 0)).state());
        ChallengeSession fast = blinkSession(still(0), frame(83, 290, 1, 0, 0));
        assertEquals(ChallengeSession.Reason.FACE_JUMP, fast.reason());
        assertTrue(fast.detail(), fast.detail().startsWith("moved 0.90 eye spans in 83 ms"));
        // a face 1.5x as large from one frame to the next, at 4 fps too
        assertEquals(ChallengeSession.Reason.FACE_JUMP, blinkSession(still(0), frame(250, 200, 2f, 0, 0)).reason());
        // and after a long gap a face elsewhere is still a jump (the allowance stops growing at 400 ms)
        assertEquals(ChallengeSession.Reason.FACE_JUMP, blinkSession(still(0), LivenessFrame.empty(300, BLANK), frame(600, 500, 1, 0, 0)).reason());
    }

    @Test
    public void aHeadMovementDuringABlinkChallengeEndsTheSession() {
        for (float[] pose : new float[][] {{16, 0}, {-16, 0}, {0, 16}, {0, -16}}) {
            ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
            run(s, 167, 3000, t -> posed(t, t < 1000 ? 0 : pose[0] * Math.min(1, (t - 1000) / 500f), t < 1000 ? 0 : pose[1] * Math.min(1, (t - 1000) / 500f)));
            assertEquals(ChallengeSession.Reason.WRONG_MOVEMENT, s.reason());
            assertEquals(Challenge.BLINK, s.current());
        }
        ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
        run(s, 167, 3000, t -> posed(t, t < 1000 ? 0 : 20, 0));
        assertTrue(s.detail(), s.detail().startsWith("BLINK asked, moved TURN_LEFT 20 deg"));
        // small movements are no movement: a still head is not perfectly still
        ChallengeSession small = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
        run(small, 167, 4000, t -> posed(t, (float) (12 * Math.sin(t / 300.0)), (float) (12 * Math.sin(t / 400.0))));
        assertEquals(ChallengeSession.State.RUNNING, small.state());
    }

    @Test
    public void aMovementOtherThanTheOneAskedEndsTheSession() {
        Object[][] cases = {{Challenge.TURN_LEFT, -16f, 0f, "TURN_RIGHT"}, {Challenge.TURN_LEFT, 0f, -16f, "LOOK_DOWN"},
                {Challenge.LOOK_UP, 0f, -16f, "LOOK_DOWN"}, {Challenge.LOOK_DOWN, 16f, 0f, "TURN_LEFT"}, {Challenge.TURN_RIGHT, 0f, 16f, "LOOK_UP"}};
        for (Object[] c : cases) {
            ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, (Challenge) c[0]);
            run(s, 250, 3000, t -> posed(t, t < 500 ? 0 : (float) c[1], t < 500 ? 0 : (float) c[2]));
            assertEquals(c[0] + " " + s.describe(), ChallengeSession.Reason.WRONG_MOVEMENT, s.reason());
            assertTrue(s.detail(), s.detail().startsWith(c[0] + " asked, moved " + c[3]));
        }
    }

    @Test
    public void comingBackFromTheLastMovementIsNotWrongButMovingAwayAgainIs() {
        HeadPose neutral = new HeadPose(0, 0, 0);
        // the step starts with the head still turned left 20 deg from the previous challenge
        BlinkStep step = new BlinkStep(neutral, true);
        assertEquals(ChallengeStep.Status.RUNNING, step.offer(posed(0, 20, 0)));
        assertEquals(ChallengeStep.Status.RUNNING, step.offer(posed(100, 25, 0)));
        assertEquals(ChallengeStep.Status.RUNNING, step.offer(posed(200, 8, 0)));
        assertEquals(ChallengeStep.Status.RUNNING, step.offer(posed(300, 2, 0)));
        // from 2 deg, its closest to neutral, another 15 to the left is a second turn: wrong
        assertEquals(ChallengeStep.Status.WRONG_MOVEMENT, step.offer(posed(400, 17, 0)));

        // a repeated challenge: the movement counts from where the head came back to, not from neutral
        HeadMoveStep again = new HeadMoveStep(Challenge.TURN_LEFT, neutral, Challenge.TURN_RIGHT);
        again.offer(posed(0, 20, 0));
        again.offer(posed(100, 8, 0));
        again.offer(posed(200, 22, 0));
        assertEquals(14, again.bestMovement(), 1e-4);
    }

    @Test
    public void theDirectionAskedIsNotWrongHoweverFar() {
        ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.LOOK_UP);
        run(s, 250, 3000, t -> posed(t, 0, Math.min(40, t / 50f)));
        assertEquals("no pixel parallax on blank frames: " + s.describe(), ChallengeSession.State.RUNNING, s.state());
        assertEquals(40, s.bestMovement(), 1e-4);
    }

    @Test
    public void aMovementThePixelsDoNotShowIsPlanarMotion() {
        // the mesh reads a turn, but nothing in the pixels moved (a blank frame has no texture to track)
        ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.TURN_LEFT);
        run(s, 167, 8000, t -> posed(t, Math.min(25, t / 40f), 0));
        assertEquals(ChallengeSession.Reason.PLANAR_MOTION, s.reason());
        assertTrue(s.detail(), s.detail().startsWith("TURN_LEFT: moved 25 deg, nose parallax counted NaN"));
        // a whole head's parallax for the 25 degrees (0.0047 eye spans a degree), of which the bound asks 0.56 (the
        // detail once printed the bound twice)
        Matcher m = Pattern.compile("\\(0\\.56 of a head's ([0-9.]+), ").matcher(s.detail());
        assertTrue(s.detail(), m.find());
        assertEquals(s.detail(), 25 * 0.0047, Double.parseDouble(m.group(1)), 0.001);
    }

    @Test
    public void thePassiveCheckAsksNothingSoNoMovementIsWrong() {
        ChallengeSession s = ChallengeSession.passive(IdentityCheck.ANYONE, 8000);
        run(s, 250, 10_000, t -> posed(t, (float) (30 * Math.sin(t / 500.0)), (float) (20 * Math.cos(t / 700.0))));
        assertEquals(ChallengeSession.Reason.TIMEOUT, s.reason());
        assertEquals("", s.instruction());
    }

    @Test
    public void theIdentityIsCheckedOnFramesWithAFaceAndARefusalEndsIt() {
        int[] n = {0};
        ChallengeSession s = new ChallengeSession(java.util.List.of(Challenge.BLINK), 5000, (image, face) -> ++n[0] < 4, 2);
        s.offer(still(0));
        s.offer(LivenessFrame.empty(100, BLANK));
        for (long t = 200; t < 1000 && s.state() == ChallengeSession.State.RUNNING; t += 100) s.offer(still(t));
        // checked on faces 1, 3, 5, 7: the fourth check refuses
        assertEquals(ChallengeSession.Reason.IDENTITY, s.reason());
        assertEquals(4, n[0]);
        assertNull(new ChallengeSession(java.util.List.of(Challenge.BLINK), 5000, IdentityCheck.ANYONE, 1).reason());
    }

    @Test
    public void eachFailureAddsAChallengeAndBlinksAreAnEighthOfTheDraws() {
        assertEquals(3, ChallengeSession.challengesAfter(0));
        assertEquals(5, ChallengeSession.challengesAfter(2));
        assertThrows(IllegalArgumentException.class, () -> ChallengeSession.challengesAfter(-1));
        assertThrows(IllegalArgumentException.class, () -> ChallengeSession.randomOrder(new Random(1), 0));
        java.util.Map<Challenge, Integer> drawn = new java.util.EnumMap<>(Challenge.class);
        Random random = new Random(7);
        int n = 0;
        for (int i = 0; i < 20000; i++) {
            java.util.List<Challenge> order = ChallengeSession.randomOrder(random, 4);
            assertEquals(4, order.size());
            for (Challenge c : order) drawn.merge(c, 1, Integer::sum);
            n += order.size();
        }
        double total = 0;
        for (Challenge c : Challenge.values()) {
            // 80,000 draws: a share's standard error is below 0.0015
            assertEquals(c + " " + drawn, ChallengeSession.odds(c), drawn.get(c) / (double) n, 0.006);
            total += ChallengeSession.odds(c);
        }
        assertEquals(1, total, 1e-12);
        assertEquals(1.0 / 8, ChallengeSession.odds(Challenge.BLINK), 0);
    }

    /**
     * The preview of the next instruction ({@link ChallengeStep#confirming}, behind {@link ChallengeSession#shown}) on a
     * step scripted frame by frame: shown while the evidence is pending, taken back when it is not, and not shown again
     * in the same step however often the evidence comes back (the screen does not flicker); none once the step is
     * done (the session has moved on to the next challenge).
     */
    @Test
    public void aPreviewTakenBackIsNotShownAgainInTheStep() {
        boolean[][] pendingThenDone = {{false, false}, {true, false}, {true, false}, {false, false}, {true, false}, {true, false}, {false, true}};
        boolean[] expected = {false, true, true, false, false, false, false};
        Scripted step = new Scripted(pendingThenDone);
        for (int i = 0; i < pendingThenDone.length; i++) {
            ChallengeStep.Status status = step.offer(still(100L * i));
            assertEquals("frame " + i, expected[i], step.confirming());
            assertEquals("frame " + i, pendingThenDone[i][1] ? ChallengeStep.Status.DONE : ChallengeStep.Status.RUNNING, status);
        }
        Scripted completed = new Scripted(new boolean[][] {{true, false}, {false, true}});
        completed.offer(still(0));
        assertTrue(completed.confirming());
        completed.offer(still(100));
        assertTrue("no preview once done", !completed.confirming());
    }

    /**
     * The reference slack's window ({@link HeadMoveStep#returning}): only a step that follows a movement on the other
     * axis and begins with the head well off the session's first pose on that axis (coming back from it), and only
     * until the head first comes near that pose. Never a step that begins at rest (as the first of every session
     * does), nor one after a blink or a movement on the same axis, where a photo held tilted could keep it open.
     */
    @Test
    public void theReferenceSlackIsOnlyForTheReturnFromThePreviousMovement() {
        HeadPose neutral = new HeadPose(0, 0, 0);
        HeadMoveStep afterNod = new HeadMoveStep(Challenge.TURN_LEFT, neutral, Challenge.LOOK_DOWN);
        float[] pitch = {25, 12, 2, 10, 0};
        boolean[] returning = {true, true, false, false, false};
        for (int i = 0; i < pitch.length; i++) {
            afterNod.offer(posed(167L * i, 0, -pitch[i]));
            assertEquals("pitch " + pitch[i] + " (frame " + i + ")", returning[i], afterNod.returning());
        }
        HeadMoveStep fromRest = new HeadMoveStep(Challenge.TURN_LEFT, neutral, Challenge.LOOK_DOWN);
        for (int i = 0; i < pitch.length; i++) {
            fromRest.offer(posed(167L * i, 0, i == 0 ? 0 : -pitch[i]));
            assertTrue("a step begun at rest never has the slack (frame " + i + ")", !fromRest.returning());
        }
        HeadMoveStep afterTurn = new HeadMoveStep(Challenge.LOOK_UP, neutral, Challenge.TURN_RIGHT);
        afterTurn.offer(posed(0, 20, 0));
        assertTrue("a nod after a turn: the other axis is yaw", afterTurn.returning());
        Object[][] none = {{null, 10f}, {Challenge.BLINK, 10f}, {Challenge.TURN_RIGHT, 10f}, {Challenge.LOOK_DOWN, 7f}};
        for (Object[] c : none) {
            HeadMoveStep step = new HeadMoveStep(Challenge.TURN_LEFT, neutral, (Challenge) c[0]);
            step.offer(posed(0, 0, (Float) c[1]));
            assertTrue("after " + c[0] + ", pitched " + c[1] + " degrees: no slack", !step.returning());
        }
    }

    /** A head-movement step whose evidence and completion are given per frame instead of measured. */
    private static final class Scripted extends ChallengeStep {
        private final boolean[][] script;
        private int frame = -1;

        Scripted(boolean[][] script) {
            super(Challenge.TURN_LEFT, new HeadPose(0, 0, 0), true);
            this.script = script;
        }

        @Override
        boolean progress(LivenessFrame f) {
            return script[++frame][1];
        }

        @Override
        boolean evidencePending() {
            return script[frame][0];
        }
    }
}
