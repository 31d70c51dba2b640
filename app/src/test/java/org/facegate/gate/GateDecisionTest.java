package org.facegate.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.facegate.security.GateRules;
import org.facegate.store.UnlockEvent;
import org.junit.Test;

/** The gate's decision on synthetic facts, without Android. */
public class GateDecisionTest {
    private static GateDecision.Verdict decide(boolean keysLost, boolean owner, boolean stale, boolean anyone, GateRules.PinReason pin) {
        return GateDecision.decide(new GateDecision.Facts(keysLost, false, owner, stale, anyone, pin));
    }

    @Test
    public void theFaceIsUsedOnlyWhenNothingStandsInTheWay() {
        assertEquals(GateDecision.Verdict.LOOK, decide(false, true, false, true, null));
        // a member may still unlock while the owner's templates are of another model
        assertEquals(GateDecision.Verdict.LOOK, decide(false, true, true, true, null));
    }

    @Test
    public void eachReasonForThePin() {
        assertEquals(GateDecision.Verdict.PIN_AFTER_REBOOT, decide(false, true, false, true, GateRules.PinReason.REBOOT));
        assertEquals(GateDecision.Verdict.PIN_EXPIRED, decide(false, true, false, true, GateRules.PinReason.EXPIRED));
        assertEquals(GateDecision.Verdict.PIN_AFTER_IDLE, decide(false, true, false, true, GateRules.PinReason.IDLE));
        assertEquals(GateDecision.Verdict.PIN_AFTER_FAILURES, decide(false, true, false, true, GateRules.PinReason.FACE_FAILURES));
        assertEquals(GateDecision.Verdict.REENROLL, decide(false, true, true, false, null));
        assertEquals(GateDecision.Verdict.NOBODY_MAY_UNLOCK, decide(false, true, false, false, null));
        assertEquals(GateDecision.Verdict.NO_OWNER, decide(false, false, true, false, null));
    }

    @Test
    public void anAdministratorWhoTurnedFaceUnlockOffIsObeyed() {
        assertEquals(GateDecision.Verdict.FACE_OFF_BY_ADMIN, GateDecision.decide(new GateDecision.Facts(false, true, true, false, true, null)));
        // the PIN still finishes setting up
        assertEquals(GateDecision.Verdict.NO_OWNER, GateDecision.decide(new GateDecision.Facts(false, true, false, true, false, null)));
    }

    @Test
    public void whatComesFirst() {
        // lost keys before anything: no PIN can be checked
        assertEquals(GateDecision.Verdict.KEYS_LOST, decide(true, false, true, false, GateRules.PinReason.REBOOT));
        // no owner before the PIN rules: the PIN finishes setting up
        assertEquals(GateDecision.Verdict.NO_OWNER, decide(false, false, true, false, GateRules.PinReason.REBOOT));
        // the PIN rules before what the household allows
        assertEquals(GateDecision.Verdict.PIN_AFTER_REBOOT, decide(false, true, true, false, GateRules.PinReason.REBOOT));
    }

    @Test
    public void everyAttemptThatSawAFaceAndDidNotOpenCounts() {
        assertEquals(1, GateDecision.failures(UnlockAttempt.Kind.FAILED));
        assertEquals(1, GateDecision.failures(UnlockAttempt.Kind.TIMEOUT));
        assertEquals(GateDecision.SPOOF_FAILURES, GateDecision.failures(UnlockAttempt.Kind.SPOOF));
        for (UnlockAttempt.Kind k : new UnlockAttempt.Kind[] {UnlockAttempt.Kind.NO_FACE, UnlockAttempt.Kind.LOOKING,
                UnlockAttempt.Kind.CHALLENGE, UnlockAttempt.Kind.UNLOCK}) {
            assertEquals(k.name(), 0, GateDecision.failures(k));
        }
        assertEquals(UnlockEvent.Outcome.FACE_MATCH, GateDecision.logged(UnlockAttempt.Kind.UNLOCK));
        assertEquals(UnlockEvent.Outcome.FACE_REJECTED, GateDecision.logged(UnlockAttempt.Kind.FAILED));
        assertEquals(UnlockEvent.Outcome.FACE_SPOOF, GateDecision.logged(UnlockAttempt.Kind.SPOOF));
        assertEquals(UnlockEvent.Outcome.FACE_TIMEOUT, GateDecision.logged(UnlockAttempt.Kind.TIMEOUT));
        assertNull(GateDecision.logged(UnlockAttempt.Kind.CHALLENGE));
    }
}
