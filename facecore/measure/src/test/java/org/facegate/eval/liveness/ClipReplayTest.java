package org.facegate.eval.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.facegate.image.RgbImage;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;
import org.facegate.liveness.IdentityCheck;
import org.facegate.liveness.LivenessAnalyzer;
import org.facegate.liveness.LivenessData;
import org.facegate.testing.TestData;
import org.junit.Test;

/**
 * The real selfie clip (shared/eval/liveness, one man blinking, 12 fps) replayed as a phone processing 6 frames a
 * second sees it, as are its altered copies: blink sessions starting at every 4th frame must stay within the issue's
 * target, BPCER at most 10% at 6 fps, over the clip and all its copies as {@code facegate liveness-eval --clip}
 * measures it (one draw of the frame timings: 15 of 198 measured; the 0.6x smaller, darker copy alone 10 of 33, which
 * is why a subset weighted towards it, as this test once took, reads above the target: 12 of 99).
 */
public class ClipReplayTest {
    @Test
    public void blinkSessionsAtSixFramesASecond() throws Exception {
        LivenessData.root();
        List<RgbImage> clip = LivenessData.clip();
        SessionTally all = new SessionTally();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            for (ClipVariant v : ClipVariant.values()) {
                SessionTally w = new ClipEvaluation(analyzer, v.apply(clip), 12).sessions(() -> ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK), 6,
                        false, 1);
                System.out.printf("%s at 6 fps: %s %s%n", v.description(), w.summary(), w.rejected());
                assertTrue(v + ": windows " + w.sessions(), w.sessions() >= 30);
                all.add(w);
            }
        }
        assertTrue("BPCER must be <= 10% at 6 fps: " + all.summary(), all.bpcer() <= 10);
    }

    /**
     * The clip's long closure (frames 71-98), mirrored, from frame 45 at 8 fps: its first processed frame of closing
     * eyes (70) still reads 0.81 open to the mesh while its eyes no longer match the reference (correlation 0.51). Taken
     * as the eye regions' reference, it left the closed eyes that followed at 0.24-0.30 (above the bound of 0.25 then),
     * and the session timed out. The bound is 0.35 now ({@link org.facegate.liveness.BlinkDetector#CORRELATION_CLOSED}),
     * so the session alone would no longer notice such a reference: the closed eyes must also read as a closure does
     * against an open-eyed reference, below 0 (-0.3 here).
     */
    @Test
    public void aClosureBeginningOnAFrameStillReadOpenIsABlink() throws Exception {
        LivenessData.root();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            ClipEvaluation mirrored = new ClipEvaluation(analyzer, ClipVariant.MIRRORED.apply(LivenessData.clip()), 12);
            ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
            // the window liveness-eval --clip --process-fps 8 starts at frame 45, with its seed
            int start = 44;
            float[] lowest = {Float.POSITIVE_INFINITY};
            mirrored.replay(start, 8, false, 1 + start, (i, f) -> {
                boolean running = s.offer(f) == ChallengeSession.State.RUNNING;
                if (running && s.eyes() != null && s.eyes().closed() && !Float.isNaN(s.eyes().correlation())) lowest[0] = Math.min(lowest[0], s.eyes().correlation());
                return running;
            });
            assertEquals(s.describe(), ChallengeSession.State.LIVE, s.state());
            assertTrue("the closed eyes against the reference: " + lowest[0], lowest[0] < 0);
        }
    }

    /**
     * A blink shorter than the frame interval, seen half-way: window 25 of the clip at 8 fps (with its seed, as
     * {@code liveness-eval --clip --process-fps 8} replays it) has no processed frame on the deepest closure of the blink
     * at frame 43 (the labels miss it; the eyes are closed for about one 12 fps frame), only one beside it, frame 42:
     * openness 0.69, eye regions 0.30 and 0.44, controls 0.97. Under the bounds set at 12 fps (closed below 0.65 and
     * 0.25, where every blink has a frame at 0.03) it went unseen, the next blink (frame 58) too, and the session timed
     * out in the long closure that follows.
     */
    @Test
    public void aBlinkSeenHalfClosedIsABlink() throws Exception {
        LivenessData.root();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            ClipEvaluation original = new ClipEvaluation(analyzer, LivenessData.clip(), 12);
            ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
            int start = 24;
            int[] closedAt = {-1};
            original.replay(start, 8, false, 1 + start, (i, f) -> {
                boolean running = s.offer(f) == ChallengeSession.State.RUNNING;
                if (closedAt[0] < 0 && s.eyes() != null && s.eyes().closed()) closedAt[0] = i + 1;
                return running;
            });
            assertEquals(s.describe(), ChallengeSession.State.LIVE, s.state());
            assertEquals("the frame the closure was seen on", 42, closedAt[0]);
        }
    }
}
