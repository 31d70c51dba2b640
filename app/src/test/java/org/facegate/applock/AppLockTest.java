package org.facegate.applock;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Set;
import org.facegate.applock.AppLock.Verdict;
import org.facegate.testing.ManualClock;
import org.junit.Before;
import org.junit.Test;

/** The app lock's rules on synthetic window changes and a clock moved by hand. */
public class AppLockTest {
    private static final String SELF = "org.facegate", BANK = "com.example.bank", CHAT = "com.example.chat",
            MAPS = "com.example.maps", LAUNCHER = "com.android.launcher3", KEYBOARD = "com.android.inputmethod.latin";
    private final ManualClock clock = new ManualClock(1_000_000, 1);
    private final AppLock lock = new AppLock(SELF, clock);

    @Before
    public void bankImmediatelyChatAfterOneMinute() {
        graces(0, 60_000);
    }

    private void graces(long bankMs, long chatMs) {
        lock.configure(Map.of(BANK, bankMs, CHAT, chatMs), Set.of(LAUNCHER), Set.of(KEYBOARD));
    }

    private Verdict open(String pkg) {
        return lock.foreground(pkg).verdict();
    }

    /** The app comes to the screen and passes the gate. */
    private void pass(String pkg) {
        open(pkg);
        lock.passed(pkg);
    }

    private void after(long ms) {
        clock.now += ms;
    }

    @Test
    public void aLockedAppNeedsTheGateAndOthersDoNot() {
        AppLock.Decision d = lock.foreground(BANK);
        assertTrue(d.gate());
        assertEquals(BANK, d.packageName());
        assertEquals(Verdict.NOT_LOCKED, open(MAPS));
        assertEquals(Verdict.IGNORED_HOME, open(LAUNCHER));
    }

    @Test
    public void whatShowsOverAnAppIsIgnoredAndNoSwitch() {
        assertEquals(Verdict.GATE, open(BANK));
        // the gate's own window: ignored, or the gate would loop over itself
        assertEquals(Verdict.IGNORED_SELF, open(SELF));
        lock.passed(BANK);
        assertEquals(Verdict.IGNORED_KEYBOARD, open(KEYBOARD));
        assertEquals(Verdict.IGNORED_SYSTEM_UI, open(AppLock.SYSTEM_UI));
        assertEquals(Verdict.IGNORED_NO_PACKAGE, open(null));
        assertEquals(Verdict.IGNORED_NO_PACKAGE, open(""));
        after(10 * 60_000);
        // the bank (no grace) was never left: the keyboard, the shade and FaceGate showed over it
        assertEquals(Verdict.STILL_OPEN, open(BANK));
    }

    @Test
    public void aPassForOneAppOpensNoOther() {
        assertEquals(Verdict.GATE, open(BANK));
        lock.passed(BANK);
        assertEquals(Verdict.STILL_OPEN, open(BANK));
        assertEquals(Verdict.GATE, open(CHAT));
        assertFalse(lock.isOpen(CHAT));
        // and a pass given while another app is on the screen is its own, too
        lock.passed(CHAT);
        assertTrue(lock.isOpen(CHAT));
        assertEquals(Verdict.GATE, open(BANK));
    }

    @Test
    public void noGraceMeansLeavingLocksAgain() {
        pass(BANK);
        after(1000);
        assertEquals(Verdict.IGNORED_HOME, open(LAUNCHER));
        after(1);
        assertEquals(Verdict.GATE, open(BANK));
    }

    @Test
    public void withinTheGracePeriodAnAppOpensAgainWithoutTheGate() {
        pass(CHAT);
        after(5 * 60_000);      // on the screen: the grace period has not started
        assertEquals(Verdict.NOT_LOCKED, open(MAPS));
        after(59_999);
        assertEquals(Verdict.STILL_OPEN, open(CHAT));
        // the grace period starts over each time the app is left
        open(LAUNCHER);
        after(60_000);
        assertFalse(lock.isOpen(CHAT));
        assertEquals(Verdict.GATE, open(CHAT));
    }

    @Test
    public void switchingBetweenTwoOpenAppsDoesNotAskAgainWithinTheirGracePeriods() {
        graces(300_000, 60_000);
        pass(BANK);
        pass(CHAT);
        for (int i = 0; i < 5; i++) {
            after(30_000);
            assertEquals(Verdict.STILL_OPEN, open(BANK));
            after(30_000);
            assertEquals(Verdict.STILL_OPEN, open(CHAT));
        }
        // the chat left for longer than its minute, the bank within its five
        open(LAUNCHER);
        after(90_000);
        assertEquals(Verdict.STILL_OPEN, open(BANK));
        assertEquals(Verdict.GATE, open(CHAT));
    }

    @Test
    public void screenOffLocksEverythingAndGuardsTheAppOnTheScreen() {
        graces(900_000, 900_000);
        pass(CHAT);
        pass(BANK);
        AppLock.Decision off = lock.screenOff();
        assertTrue("the gate covers the bank before the screen is back", off.gate());
        assertEquals(BANK, off.packageName());
        assertFalse(lock.isOpen(CHAT));
        assertEquals(Verdict.GATE, open(CHAT));

        open(MAPS);
        assertFalse(lock.screenOff().gate());
    }

    @Test
    public void anAppNoLongerLockedLosesItsPass() {
        pass(BANK);
        lock.configure(Map.of(CHAT, 60_000L), Set.of(LAUNCHER), Set.of(KEYBOARD));
        assertEquals(Verdict.NOT_LOCKED, open(BANK));
        graces(0, 60_000);
        assertEquals("locked again: a new pass", Verdict.GATE, open(BANK));
    }

    @Test
    public void aPassForAnAppThatIsNotLockedIsNoPass() {
        lock.passed(MAPS);
        assertFalse(lock.isOpen(MAPS));
        assertNull(lock.foreground(null).packageName());
    }

    @Test
    public void anAppOnTheScreenBeforeTheConfigurationIsGuardedOnceItArrives() {
        AppLock fresh = new AppLock(SELF, clock);
        assertEquals(Verdict.IGNORED_NO_PACKAGE, fresh.recheck().verdict());
        assertEquals(Verdict.NOT_LOCKED, fresh.foreground(BANK).verdict());
        fresh.configure(Map.of(BANK, 0L), Set.of(LAUNCHER), Set.of(KEYBOARD));
        AppLock.Decision d = fresh.recheck();
        assertTrue(d.gate());
        assertEquals(BANK, d.packageName());
        fresh.passed(BANK);
        assertEquals(Verdict.STILL_OPEN, fresh.recheck().verdict());
    }
}
