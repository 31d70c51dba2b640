package org.facegate.eval.liveness;

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
 * second sees it, as are altered copies of it: blink sessions starting at every 4th frame must stay within the
 * issue's target, BPCER at most 10% at 6 fps. All rates and copies: {@code facegate liveness-eval --clip}.
 */
public class ClipReplayTest {
    @Test
    public void blinkSessionsAtSixFramesASecond() throws Exception {
        LivenessData.root();
        List<RgbImage> clip = LivenessData.clip();
        SessionTally all = new SessionTally();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            for (ClipVariant v : new ClipVariant[] {ClipVariant.ORIGINAL, ClipVariant.NOISE_AND_FLICKERING_BLUR, ClipVariant.SMALLER_DARKER}) {
                SessionTally w = new ClipEvaluation(analyzer, v.apply(clip), 12).sessions(() -> ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK), 6,
                        false, 1);
                System.out.printf("%s at 6 fps: %s %s%n", v.description(), w.summary(), w.rejected());
                assertTrue(v + ": windows " + w.sessions(), w.sessions() >= 30);
                all.add(w);
            }
        }
        assertTrue("BPCER must be <= 10% at 6 fps: " + all.summary(), all.bpcer() <= 10);
    }
}
