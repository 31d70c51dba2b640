package org.facegate.eval.liveness;

import static org.junit.Assert.assertEquals;

import java.util.List;
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
                owner.answer(replay, s, 6, 7);
                assertEquals(order + ": " + s.describe(), ChallengeSession.State.LIVE, s.state());
            }
        }
    }
}
