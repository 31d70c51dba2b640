package org.facegate.eval.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;
import org.junit.Test;

/** The computed odds of a replayed video: how a session takes a fixed sequence of events, and what the gate allows. */
public class ReplayOddsTest {
    private static final Challenge B = Challenge.BLINK, L = Challenge.TURN_LEFT, R = Challenge.TURN_RIGHT, U = Challenge.LOOK_UP;
    private static final double BLINK = ChallengeSession.odds(B), MOVE = ChallengeSession.odds(L);

    @Test
    public void blinksAreIgnoredInHeadChallengesAndAnyOtherMovementEndsTheSession() {
        assertTrue(ReplayOdds.accepts(List.of(B, L, B, U), List.of(L, U)));
        assertTrue(ReplayOdds.accepts(List.of(B, L, B, U), List.of(B, L, U)));
        assertFalse("a turn during the blink challenge", ReplayOdds.accepts(List.of(L, B), List.of(B, L)));
        assertFalse("the wrong turn", ReplayOdds.accepts(List.of(L, R), List.of(R)));
        assertFalse("the video ended", ReplayOdds.accepts(List.of(L), List.of(L, L)));
    }

    @Test
    public void aVideoOfOneSequenceOpensOneOrderAndBlinksBetweenOpenFive() {
        assertEquals(MOVE * MOVE * MOVE, ReplayOdds.odds(List.of(L, U, R), 3), 1e-12);
        // L U R, and B L U, L B U, L U B, B L B
        assertEquals(MOVE * MOVE * MOVE + 3 * BLINK * MOVE * MOVE + BLINK * BLINK * MOVE,
                ReplayOdds.odds(ReplayOdds.withBlinks(List.of(L, U, R)), 3), 1e-12);
    }

    @Test
    public void noVideoOfUpToSevenEventsBeatsTheBestOne() {
        double best = ReplayOdds.odds(ReplayOdds.best(3), 3);
        assertEquals(Math.pow(BLINK + MOVE, 3), best, 1e-12);
        Challenge[] all = Challenge.values();
        double found = 0;
        for (int len = 1; len <= 7; len++) {
            for (long k = 0, total = (long) Math.pow(all.length, len); k < total; k++) {
                List<Challenge> v = new ArrayList<>(len);
                for (long r = k, i = 0; i < len; i++, r /= all.length) v.add(all[(int) (r % all.length)]);
                found = Math.max(found, ReplayOdds.odds(v, 3));
            }
        }
        assertTrue("a video of up to 7 events opened " + found + " > " + best, found <= best + 1e-12);
        // the search covers the owner's natural video (7 events); the best needs 9 (B B B L B B L B L)
        assertTrue(found >= ReplayOdds.odds(ReplayOdds.withBlinks(List.of(L, U, R)), 3));
    }

    /**
     * Issue 13's target: a replayed video of the owner opens the gate with probability at most 7% (the CDD's Class 3
     * spoof-acceptance limit) before the PIN is required: 3 attempts (the app's GateRules.MAX_FACE_FAILURES), one more
     * challenge after each failure.
     */
    @Test
    public void theBestVideoOpensTheGateAtMostSevenPercentBeforeThePin() {
        double p = BLINK + MOVE;
        double expected = 1 - (1 - Math.pow(p, 3)) * (1 - Math.pow(p, 4)) * (1 - Math.pow(p, 5));
        double before = ReplayOdds.beforePin(ReplayOdds.best(5), 3);
        assertEquals(expected, before, 1e-12);
        assertTrue("best video before the PIN: " + before, before <= 0.07);
        assertTrue("one more challenge per failure must matter: " + before, before < 1 - Math.pow(1 - Math.pow(p, 3), 3));
    }
}
