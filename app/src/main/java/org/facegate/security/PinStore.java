package org.facegate.security;

import android.annotation.SuppressLint;
import android.content.SharedPreferences;
import android.util.Base64;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The fallback PIN, stored only as a salted PBKDF2-HMAC-SHA256 hash: a copy of the preferences does not reveal it, and
 * each guess costs {@link #ITERATIONS} hash rounds (about a tenth of a second on a phone). The iteration count is
 * stored with the hash, so it can be raised later without invalidating existing PINs. Hashing is slow by design: call
 * {@link #set} and {@link #verify} off the main thread.
 */
public final class PinStore {
    /** PBKDF2 rounds for new PINs. */
    public static final int ITERATIONS = 120_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16, HASH_BITS = 256;

    private final SharedPreferences prefs;

    public PinStore(SharedPreferences prefs) {
        this.prefs = prefs;
    }

    /** Whether a PIN has been created. */
    public boolean isSet() {
        return prefs.contains("pin.hash");
    }

    /** Creates or replaces the PIN; one that breaks {@link PinRules} is refused with its problem. */
    @SuppressLint("ApplySharedPref")
    public void set(CharSequence pin) {
        String p = PinRules.problem(pin);
        if (p != null) throw new IllegalArgumentException(p);
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] hash = hash(pin, salt, ITERATIONS);
        // commit, not apply: the PIN is on disk before anyone is told it is set (the I/O thread may block)
        prefs.edit().putString("pin.salt", Base64.encodeToString(salt, Base64.NO_WRAP))
                .putString("pin.hash", Base64.encodeToString(hash, Base64.NO_WRAP))
                .putInt("pin.iterations", ITERATIONS).commit();
    }

    /** Whether {@code pin} is the stored PIN (false when none is set). Compares in constant time. */
    public boolean verify(CharSequence pin) {
        String salt = prefs.getString("pin.salt", null), hash = prefs.getString("pin.hash", null);
        if (salt == null || hash == null) return false;
        byte[] actual = hash(pin, Base64.decode(salt, Base64.NO_WRAP), prefs.getInt("pin.iterations", ITERATIONS));
        return MessageDigest.isEqual(actual, Base64.decode(hash, Base64.NO_WRAP));
    }

    private static byte[] hash(CharSequence pin, byte[] salt, int iterations) {
        char[] chars = new char[pin.length()];
        for (int i = 0; i < chars.length; i++) chars[i] = pin.charAt(i);
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
