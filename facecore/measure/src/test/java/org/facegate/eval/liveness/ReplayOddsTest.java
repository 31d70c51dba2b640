package org.facegate.eval.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.facegate.liveness.Challenge;
import org.junit.Test;

/** The computed odds of a replayed video: how a session takes a fixed sequence of events. */
public class ReplayOddsTest {
    private static final Challenge B = Challenge.BLINK, L = Challenge.TURN_LEFT, R = Challenge.TURN_RIGHT, U = Challenge.LOOK_UP;

    @Test
    public void blinksAreIgnoredInHeadChallengesAndAnyOtherMovementEndsTheSession() {
        assertTrue(ReplayOdds.accepts(List.of(B, L, B, U), List.of(L, U)));
        assertTrue(ReplayOdds.accepts(List.of(B, L, B, U), List.of(B, L, U)));
        assertFalse("a turn during the blink challenge", ReplayOdds.accepts(List.of(L, B), List.of(B, L)));
        assertFalse("the wrong turn", ReplayOdds.accepts(List.of(L, R), List.of(R)));
        assertFalse("the video ended", ReplayOdds.accepts(List.of(L), List.of(L, L)));
    }

    @Test
    public void aVideoOfOneSequenceOpensOneOrderAndBlinksBetweenFive() {
        assertEquals(1, ReplayOdds.accepted(List.of(L, U, R)));
        assertEquals(5, ReplayOdds.accepted(ReplayOdds.withBlinks(List.of(L, U, R))));
        assertEquals(6, ReplayOdds.accepted(ReplayOdds.best(7)));
        assertEquals(0.0394, ReplayOdds.overAttempts(1 / 125.0, 5), 1e-4);
    }
}
