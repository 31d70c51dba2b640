package org.facegate.security;

import static org.junit.Assert.assertEquals;

import android.content.Context;
import android.content.SharedPreferences;
import androidx.test.core.app.ApplicationProvider;
import org.facegate.testing.AndroidKeyStoreRule;
import org.facegate.testing.ManualClock;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

@RunWith(RobolectricTestRunner.class)
public class PinCheckTest {
    @Rule public final AndroidKeyStoreRule keyStore = new AndroidKeyStoreRule();
    private final SharedPreferences prefs = ApplicationProvider.getApplicationContext()
            .getSharedPreferences("check-test", Context.MODE_PRIVATE);
    private final ManualClock clock = new ManualClock(1_000_000, 7);
    private final Throttle throttle = new Throttle(prefs, "pin", clock);
    private final PinStore store = new PinStore(prefs, new KeystorePepper());
    private final PinCheck check = new PinCheck(store, throttle);

    @Before
    public void pin() throws Exception {
        store.set("583016");
    }

    @Test
    public void aWrongPinCountsARightOneForgives() {
        assertEquals(PinCheck.Outcome.WRONG, check.check("583061").outcome());
        assertEquals(1, throttle.failures());
        assertEquals(PinCheck.Outcome.OK, check.check("583016").outcome());
        assertEquals(0, throttle.failures());
    }

    @Test
    public void aLockoutRefusesEvenTheRightPinUnchecked() {
        for (int i = 1; i < Throttle.FREE_FAILURES; i++) assertEquals(0, check.check("000000").lockoutMs());
        PinCheck.Result fifth = check.check("000000");
        assertEquals(PinCheck.Outcome.WRONG, fifth.outcome());
        assertEquals(30_000, fifth.lockoutMs());
        PinCheck.Result right = check.check("583016");
        assertEquals(PinCheck.Outcome.LOCKED_OUT, right.outcome());
        assertEquals(30_000, right.lockoutMs());
        assertEquals("not counted while refused", Throttle.FREE_FAILURES, throttle.failures());
        clock.now += 30_000;
        assertEquals(PinCheck.Outcome.OK, check.check("583016").outcome());
    }

    @Test
    public void theFailureIsWrittenBeforeThePinIsChecked() {
        // the check cannot complete (the key is gone): the failure it wrote first stays, as it would if the app were
        // killed while the slow hash ran
        AndroidKeyStoreRule.KEYS.remove(KeystorePepper.ALIAS);
        assertEquals(PinCheck.Outcome.KEY_LOST, check.check("583016").outcome());
        assertEquals(1, new Throttle(prefs, "pin", clock).failures());
    }
}
