package org.facegate.security;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.facegate.liveness.LivenessMode;
import org.facegate.match.SecurityLevel;
import org.facegate.testing.ManualClock;
import org.junit.Test;

public class StepUpTest {
    private final ManualClock clock = new ManualClock(1_000_000, 7);
    private final StepUp stepUp = new StepUp(clock);

    @Test
    public void aPinIsGoodForItsActionForOneMinute() {
        assertFalse("not before it is entered", stepUp.fresh(StepUp.Action.ENROLL));
        stepUp.confirmed(StepUp.Action.ENROLL);
        assertTrue(stepUp.fresh(StepUp.Action.ENROLL));
        assertFalse("entered for another action", stepUp.fresh(StepUp.Action.DELETE_ALL));
        clock.now += StepUp.FRESH_MS;
        assertTrue(stepUp.fresh(StepUp.Action.ENROLL));
        clock.now += 1;
        assertFalse(stepUp.fresh(StepUp.Action.ENROLL));
    }

    @Test
    public void aRebootForgetsIt() {
        stepUp.confirmed(StepUp.Action.MAY_UNLOCK);
        clock.now = 10;         // time since boot started over
        assertFalse(stepUp.fresh(StepUp.Action.MAY_UNLOCK));
    }

    @Test
    public void aLockedSessionForgetsIt() {
        stepUp.confirmed(StepUp.Action.REMOVE_PERSON);
        stepUp.confirmed(StepUp.Action.ENROLL);
        stepUp.forget();
        assertFalse(stepUp.fresh(StepUp.Action.REMOVE_PERSON));
        assertFalse(stepUp.fresh(StepUp.Action.ENROLL));
        stepUp.confirmed(StepUp.Action.ENROLL);
        assertTrue("entered again after the lock", stepUp.fresh(StepUp.Action.ENROLL));
    }

    @Test
    public void whatWeakens() {
        assertTrue(StepUp.weaker(SecurityLevel.named("maximum"), SecurityLevel.named("strict")));
        assertFalse(StepUp.weaker(SecurityLevel.named("standard"), SecurityLevel.named("strict")));
        assertTrue(StepUp.weaker(LivenessMode.ACTIVE, LivenessMode.PASSIVE));
        assertTrue(StepUp.weaker(LivenessMode.PASSIVE, LivenessMode.OFF));
        assertFalse(StepUp.weaker(LivenessMode.OFF, LivenessMode.ACTIVE));
        assertTrue(StepUp.longer(30_000, 60_000));
        assertFalse(StepUp.longer(60_000, 0));
    }
}
