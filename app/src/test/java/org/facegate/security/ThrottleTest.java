package org.facegate.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import android.content.Context;
import android.content.SharedPreferences;
import androidx.test.core.app.ApplicationProvider;
import org.facegate.testing.ManualClock;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

@RunWith(RobolectricTestRunner.class)
public class ThrottleTest {
    private final SharedPreferences prefs = ApplicationProvider.getApplicationContext()
            .getSharedPreferences("throttle-test", Context.MODE_PRIVATE);
    private final ManualClock clock = new ManualClock(1_000_000, 7);

    private long failFive(Throttle t) {
        for (int i = 0; i < Throttle.MAX_FAILURES - 1; i++) assertEquals(0, t.recordFailure());
        return t.recordFailure();
    }

    @Test
    public void lockoutsLast30SecondsAndDoubleOnRepeats() {
        Throttle t = new Throttle(prefs, "face", clock);
        assertEquals(30_000, failFive(t));
        assertEquals(30_000, t.lockedForMs());
        clock.now += 29_000;
        assertEquals(1_000, t.lockedForMs());
        clock.now += 1_000;
        assertEquals(0, t.lockedForMs());
        assertEquals(60_000, failFive(t));
        clock.now += 60_000;
        assertEquals(120_000, failFive(t));
        // a success starts over
        clock.now += 120_000;
        t.recordSuccess();
        assertEquals(30_000, failFive(t));
    }

    @Test
    public void theLockoutSurvivesTheProcessAndARestartsItAfterAReboot() {
        failFive(new Throttle(prefs, "pin", clock));
        clock.now += 10_000;
        assertEquals("a new process sees the same lockout", 20_000, new Throttle(prefs, "pin", clock).lockedForMs());
        clock.boot++;
        clock.now = 5_000;       // time since boot starts over
        assertEquals(30_000, new Throttle(prefs, "pin", clock).lockedForMs());
    }

    @Test
    public void pinIsRequiredAfterARebootAndAfter72Hours() {
        GateRules rules = new GateRules(prefs, clock);
        assertEquals("never entered", GateRules.PinReason.REBOOT, rules.pinRequired());
        rules.pinUsed();
        assertNull(rules.pinRequired());
        clock.now += GateRules.PIN_MAX_AGE_MS;
        assertNull(rules.pinRequired());
        clock.now += 1;
        assertEquals(GateRules.PinReason.EXPIRED, rules.pinRequired());
        rules.pinUsed();
        clock.boot++;
        assertEquals(GateRules.PinReason.REBOOT, rules.pinRequired());
    }
}
