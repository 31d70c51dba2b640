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
     * as the eye regions' reference, it left the closed eyes that followed at 0.24-0.30 (above
     * {@link org.facegate.liveness.BlinkDetector#CORRELATION_CLOSED}), and the session timed out.
     */
    @Test
    public void aClosureBeginningOnAFrameStillReadOpenIsABlink() throws Exception {
        LivenessData.root();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            ClipEvaluation mirrored = new ClipEvaluation(analyzer, ClipVariant.MIRRORED.apply(LivenessData.clip()), 12);
            ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
            // the window liveness-eval --clip --process-fps 8 starts at frame 45, with its seed
            int start = 44;
            mirrored.replay(start, 8, false, 1 + start, (i, f) -> s.offer(f) == ChallengeSession.State.RUNNING);
            assertEquals(s.describe(), ChallengeSession.State.LIVE, s.state());
        }
    }
}
