package org.facegate.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import android.content.SharedPreferences;
import androidx.test.core.app.ApplicationProvider;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

@RunWith(RobolectricTestRunner.class)
public class PinStoreTest {
    private final SharedPreferences prefs = ApplicationProvider.getApplicationContext()
            .getSharedPreferences("pin-test", Context.MODE_PRIVATE);

    @Test
    public void storesOnlyASaltedSlowHash() {
        PinStore a = new PinStore(prefs);
        assertFalse(a.isSet());
        a.set("204060");
        assertTrue(a.verify("204060"));
        assertFalse(a.verify("204061"));
        assertEquals(PinStore.ITERATIONS, prefs.getInt("pin.iterations", 0));
        for (Object v : prefs.getAll().values()) assertFalse(String.valueOf(v).contains("204060"));
        // the same PIN hashes differently under a new salt
        String hash = prefs.getString("pin.hash", null);
        a.set("204060");
        assertFalse(hash.equals(prefs.getString("pin.hash", null)));
        assertTrue(new PinStore(prefs).verify("204060"));
    }

    @Test
    public void refusesAPinThatBreaksTheRules() {
        PinStore a = new PinStore(prefs);
        try {
            a.set("12a4");
            throw new AssertionError("accepted 12a4");
        } catch (IllegalArgumentException e) {
            assertEquals("Use digits only", e.getMessage());
        }
        assertFalse(a.isSet());
    }
}
