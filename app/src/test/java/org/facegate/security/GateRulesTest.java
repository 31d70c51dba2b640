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

/** The Class 1 rules (CDD 7.3.10 C-1-7, C-1-8) on a clock moved by hand. */
@RunWith(RobolectricTestRunner.class)
public class GateRulesTest {
    private final SharedPreferences prefs = ApplicationProvider.getApplicationContext()
            .getSharedPreferences("rules-test", Context.MODE_PRIVATE);
    private final ManualClock clock = new ManualClock(1_000_000, 7);
    private final GateRules rules = new GateRules(prefs, clock);

    @Test
    public void pinAfterARebootAndEvery24Hours() {
        assertEquals("never entered", GateRules.PinReason.REBOOT, rules.pinRequired());
        rules.pinUsed();
        assertNull(rules.pinRequired());
        // unlocked by face every 3 hours: never idle, but the PIN is still due after 24 hours
        for (int i = 0; i < 8; i++) {
            clock.now += 3 * 3600_000L;
            assertNull(rules.pinRequired());
            rules.faceUnlocked();
        }
        clock.now += 1;
        assertEquals(GateRules.PinReason.EXPIRED, rules.pinRequired());
        rules.pinUsed();
        clock.boot++;
        assertEquals(GateRules.PinReason.REBOOT, rules.pinRequired());
    }

    @Test
    public void pinAfterFourHoursWithoutAnUnlock() {
        rules.pinUsed();
        clock.now += GateRules.IDLE_MS;
        assertNull(rules.pinRequired());
        clock.now += 1;
        assertEquals(GateRules.PinReason.IDLE, rules.pinRequired());
        rules.pinUsed();
        assertNull(rules.pinRequired());
    }

    @Test
    public void pinAfterThreeFailedFaceAttemptsWhichOnlyThePinForgives() {
        rules.pinUsed();
        rules.faceFailed(1);
        rules.faceFailed(1);
        assertNull(rules.pinRequired());
        // a face that opens in between gives no attempts back
        rules.faceUnlocked();
        rules.faceFailed(1);
        assertEquals(3, rules.faceFailures());
        assertEquals(GateRules.PinReason.FACE_FAILURES, rules.pinRequired());
        assertEquals("written to storage at once", 3, new GateRules(prefs, clock).faceFailures());
        rules.pinUsed();
        assertEquals(0, rules.faceFailures());
        // a detected attack counts twice: two of them and the PIN is due
        rules.faceFailed(2);
        assertNull(rules.pinRequired());
        rules.faceFailed(2);
        assertEquals(GateRules.PinReason.FACE_FAILURES, rules.pinRequired());
    }
}
