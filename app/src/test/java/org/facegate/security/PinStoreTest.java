package org.facegate.security;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import android.content.SharedPreferences;
import android.util.Base64;
import androidx.test.core.app.ApplicationProvider;
import java.security.SecureRandom;
import org.facegate.testing.AndroidKeyStoreRule;
import org.facegate.testing.OldPins;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

@RunWith(RobolectricTestRunner.class)
public class PinStoreTest {
    @Rule public final AndroidKeyStoreRule keyStore = new AndroidKeyStoreRule();
    private final SharedPreferences prefs = ApplicationProvider.getApplicationContext()
            .getSharedPreferences("pin-test", Context.MODE_PRIVATE);
    private final PinStore store = new PinStore(prefs, new KeystorePepper());

    @Test
    public void storesOnlyASaltedSlowHashUnderTheKeystoreKey() throws Exception {
        assertFalse(store.isSet());
        store.set("583016");
        assertTrue(store.verify("583016"));
        assertFalse(store.verify("583061"));
        assertEquals(PinStore.ITERATIONS, prefs.getInt("pin.iterations", 0));
        for (Object v : prefs.getAll().values()) assertFalse(String.valueOf(v).contains("583016"));
        // a copy of the preferences is no use without the key: the stored hash is not the PIN's PBKDF2 hash, which is
        // all an attacker could compute for a guess off the phone
        byte[] salt = Base64.decode(prefs.getString("pin.salt", null), Base64.NO_WRAP);
        byte[] stored = Base64.decode(prefs.getString("pin.hash", null), Base64.NO_WRAP);
        assertFalse(java.util.Arrays.equals(OldPins.pbkdf2("583016", salt), stored));
        assertArrayEquals(new KeystorePepper().mac(OldPins.pbkdf2("583016", salt)), stored);
        // the same PIN hashes differently under a new salt
        store.set("583016");
        assertFalse(java.util.Arrays.equals(stored, Base64.decode(prefs.getString("pin.hash", null), Base64.NO_WRAP)));
        assertTrue(new PinStore(prefs, new KeystorePepper()).verify("583016"));
        assertFalse(store.needsChange());
    }

    @Test
    public void anotherKeyRejectsTheRightPin() throws Exception {
        store.set("583016");
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);
        AndroidKeyStoreRule.KEYS.put(KeystorePepper.ALIAS, new javax.crypto.spec.SecretKeySpec(other, "HmacSHA256"));
        assertFalse(store.verify("583016"));
    }

    @Test
    public void aLostKeyIsSaidAndNeverSilentlyReplaced() throws Exception {
        store.set("583016");
        assertFalse(store.keyLost());
        AndroidKeyStoreRule.KEYS.remove(KeystorePepper.ALIAS);
        assertTrue(store.keyLost());
        assertThrows(PinStore.KeyLost.class, () -> store.verify("583016"));
        assertFalse("no new key made", AndroidKeyStoreRule.KEYS.containsKey(KeystorePepper.ALIAS));
        assertTrue(store.keyLost());
    }

    @Test
    public void anOlderFourDigitPinStillOpensIsPepperedAndAskedToChange() throws Exception {
        OldPins.store(prefs, "2468");
        assertFalse(store.needsChange());
        assertFalse(store.verify("2469"));
        assertFalse(store.keyLost());
        assertTrue(store.verify("2468"));
        assertTrue(store.needsChange());
        assertEquals(2, prefs.getInt("pin.format", 0));
        assertTrue("peppered now", AndroidKeyStoreRule.KEYS.containsKey(KeystorePepper.ALIAS));
        assertTrue(new PinStore(prefs, new KeystorePepper()).verify("2468"));
        store.set("583016");
        assertFalse(store.needsChange());
    }

    @Test
    public void refusesAPinThatBreaksTheRules() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.set("123456"));
        assertEquals(PinRules.SEQUENCE, e.getMessage());
        assertFalse(store.isSet());
    }
}
