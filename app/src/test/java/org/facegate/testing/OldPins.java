package org.facegate.testing;

import android.content.SharedPreferences;
import android.util.Base64;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.facegate.security.PinStore;

/** PINs as the app stored them before the pepper (format 1): a salted PBKDF2-HMAC-SHA256 hash alone. */
public final class OldPins {
    private OldPins() {}

    /** PBKDF2-HMAC-SHA256 of {@code pin}, {@link PinStore#ITERATIONS} rounds, 256 bits. */
    public static byte[] pbkdf2(String pin, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(pin.toCharArray(), salt, PinStore.ITERATIONS, 256)).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Stores {@code pin} (e.g. a 4-digit one) as the previous PinStore wrote it. */
    public static void store(SharedPreferences prefs, String pin) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        prefs.edit().putString("pin.salt", Base64.encodeToString(salt, Base64.NO_WRAP))
                .putString("pin.hash", Base64.encodeToString(pbkdf2(pin, salt), Base64.NO_WRAP))
                .putInt("pin.iterations", PinStore.ITERATIONS).remove("pin.format").commit();
    }
}
