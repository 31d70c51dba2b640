package org.facegate.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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

    /** One more failure, after waiting out any lockout running; returns the lockout it started. */
    private long fail(Throttle t) {
        clock.now += t.lockedForMs();
        return t.recordFailure();
    }

    @Test
    public void fiveFailuresAreFreeThenEveryFailureLocksOutForLonger() {
        Throttle t = new Throttle(prefs, "pin", clock);
        for (int i = 1; i < Throttle.FREE_FAILURES; i++) assertEquals("failure " + i, 0, fail(t));
        assertEquals(30_000, fail(t));
        assertEquals(30_000, t.lockedForMs());
        clock.now += 29_000;
        assertEquals(1_000, t.lockedForMs());
        clock.now += 1_000;
        assertEquals(0, t.lockedForMs());
        // from the 6th on, every failure waits; twice as long every 5 failures
        for (int i = 6; i < 10; i++) assertEquals("failure " + i, 30_000, fail(t));
        assertEquals(60_000, fail(t));
        // the 40th waits over an hour (Gatekeeper towards one try a day); from the 65th, one try a day
        while (t.failures() < 39) fail(t);
        assertEquals(64 * 60_000, fail(t));
        while (t.failures() < 64) fail(t);
        assertEquals(Throttle.MAX_LOCKOUT_MS, fail(t));
        assertEquals(Throttle.MAX_LOCKOUT_MS, fail(t));
        // a success starts over
        clock.now += t.lockedForMs();
        t.recordSuccess();
        assertEquals(0, t.failures());
        assertEquals(0, fail(t));
    }

    @Test
    public void aThousandGuessesTakeAnAttackerYears() {
        long waited = 0;
        for (int n = 1; n <= 1000; n++) waited += Throttle.lockoutAfter(n);
        // 0.1% of the 6-digit PINs: 2.6 years of waiting through the app
        assertTrue(waited / 86_400_000 + " days", waited > 900L * 86_400_000);
    }

    @Test
    public void theLockoutSurvivesTheProcessAndARebootRestartsIt() {
        Throttle t = new Throttle(prefs, "pin", clock);
        for (int i = 0; i < Throttle.FREE_FAILURES; i++) fail(t);
        clock.now += 10_000;
        assertEquals("a new process sees the same lockout", 20_000, new Throttle(prefs, "pin", clock).lockedForMs());
        clock.boot++;
        clock.now = 5_000;       // time since boot starts over
        assertEquals(30_000, new Throttle(prefs, "pin", clock).lockedForMs());
    }
}
