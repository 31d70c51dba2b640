package org.facegate.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.facegate.store.Role;
import org.junit.Test;

/** The background timeout, and how long a handoff to another app's screen may take. */
public class SessionTest {
    private final Session session = new Session();

    private boolean unlockedAfterAway(long awayMs, long timeoutMs) {
        session.backgrounded(1_000);
        session.foregrounded(1_000 + awayMs, timeoutMs);
        return session.isUnlocked();
    }

    @Test
    public void theTimeoutLocks() {
        session.unlock(1, "Ada", Role.OWNER);
        assertTrue(unlockedAfterAway(29_000, 30_000));
        assertFalse(unlockedAfterAway(30_000, 30_000));
    }

    @Test
    public void aHandoffGetsTwoMinutesAndNoMore() {
        session.unlock(1, "Ada", Role.OWNER);
        session.handingOff();
        assertTrue("picking photos with the timeout at 'immediately'", unlockedAfterAway(Session.HANDOFF_MS - 1, 0));
        session.handingOff();
        assertFalse("Home pressed from the picker, and gone", unlockedAfterAway(Session.HANDOFF_MS, 0));
    }

    @Test
    public void aHandoffNeverShortensALongerTimeout() {
        session.unlock(1, "Ada", Role.OWNER);
        session.handingOff();
        assertTrue(unlockedAfterAway(4 * 60_000, 5 * 60_000));
    }

    @Test
    public void theResultEndsTheHandoff() {
        session.unlock(1, "Ada", Role.OWNER);
        session.handingOff();
        // the picker was shown beside the app, which never left the screen; its result arrived
        session.handoffEnded();
        assertFalse("the next trip away has the ordinary timeout", unlockedAfterAway(60_000, 30_000));
    }

    @Test
    public void comingBackEndsTheHandoff() {
        session.unlock(1, "Ada", Role.OWNER);
        session.handingOff();
        assertTrue(unlockedAfterAway(60_000, 30_000));
        assertFalse(unlockedAfterAway(60_000, 30_000));
    }

    @Test
    public void everyListenerHearsOfEachChange() {
        java.util.List<String> heard = new java.util.ArrayList<>();
        session.onChange(unlocked -> heard.add("cache " + unlocked));
        session.onChange(unlocked -> heard.add("step-up " + unlocked));
        session.unlock(1, "Ada", Role.OWNER);
        session.lock();
        assertEquals(java.util.List.of("cache true", "step-up true", "cache false", "step-up false"), heard);
    }
}
