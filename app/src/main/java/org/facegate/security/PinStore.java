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
 * The fallback PIN, stored only as a salted PBKDF2-HMAC-SHA256 hash ({@link #ITERATIONS} rounds, about a tenth of a
 * second on a phone) that then goes through HMAC-SHA256 under a non-exportable Keystore key ({@link KeystorePepper}):
 * a copy of the preferences neither reveals the PIN nor lets anyone try PINs against it off the phone. The iteration
 * count and format are stored with the hash, so they can be raised later; a PIN stored before the pepper (format 1) is
 * re-stored peppered the first time it is entered. Hashing is slow by design: call {@link #set} and {@link #verify}
 * off the main thread.
 */
// commit, not apply: the PIN is on disk before anyone is told it is set or changed
@SuppressLint("ApplySharedPref")
public final class PinStore {
    /** PBKDF2 rounds for new PINs. */
    public static final int ITERATIONS = 120_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16, HASH_BITS = 256;
    /** Formats: 1 = PBKDF2 alone (before the pepper), 2 = PBKDF2 then HMAC under the Keystore key. */
    private static final int PEPPERED = 2;
    private static final String SALT = "pin.salt", HASH = "pin.hash", ROUNDS = "pin.iterations", FORMAT = "pin.format",
            CHANGE = "pin.change";

    /**
     * The Keystore key the PIN hash depends on is gone: the PIN can never be checked again. The one safe way out is to
     * delete all data and set up again (a new key would only reject the right PIN forever).
     */
    public static final class KeyLost extends GeneralSecurityException {
        public KeyLost() {
            super("the key that protects your PIN is gone from this phone's keystore");
        }
    }

    private final SharedPreferences prefs;
    private final KeystorePepper pepper;

    public PinStore(SharedPreferences prefs, KeystorePepper pepper) {
        this.prefs = prefs;
        this.pepper = pepper;
    }

    /** Whether a PIN has been created. */
    public boolean isSet() {
        return prefs.contains(HASH);
    }

    /** Creates or replaces the PIN; one that breaks {@link PinRules} is refused with its problem. */
    public void set(CharSequence pin) throws GeneralSecurityException {
        String p = PinRules.problem(pin);
        if (p != null) throw new IllegalArgumentException(p);
        pepper.create();
        store(pin);
    }

    private void store(CharSequence pin) throws GeneralSecurityException {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] hash = pepper.mac(pbkdf2(pin, salt, ITERATIONS));
        prefs.edit().putString(SALT, Base64.encodeToString(salt, Base64.NO_WRAP))
                .putString(HASH, Base64.encodeToString(hash, Base64.NO_WRAP))
                .putInt(ROUNDS, ITERATIONS).putInt(FORMAT, PEPPERED)
                .putBoolean(CHANGE, PinRules.problem(pin) != null).commit();
    }

    /**
     * Whether {@code pin} is the stored PIN (false when none is set). Compares in constant time. A right PIN that the
     * current {@link PinRules} refuse (an older 4-digit one) is remembered as {@link #needsChange()}.
     *
     * @throws KeyLost if the Keystore key the stored hash depends on is gone
     */
    public boolean verify(CharSequence pin) throws GeneralSecurityException {
        String salt = prefs.getString(SALT, null), hash = prefs.getString(HASH, null);
        if (salt == null || hash == null) return false;
        byte[] derived = pbkdf2(pin, Base64.decode(salt, Base64.NO_WRAP), prefs.getInt(ROUNDS, ITERATIONS));
        boolean peppered = prefs.getInt(FORMAT, 1) == PEPPERED;
        if (!MessageDigest.isEqual(peppered ? pepper.mac(derived) : derived, Base64.decode(hash, Base64.NO_WRAP))) return false;
        if (!peppered) {
            // stored before the pepper: re-stored under it now that the PIN is known (a new key, none existed)
            pepper.create();
            store(pin);
        } else if (PinRules.problem(pin) != null) {
            prefs.edit().putBoolean(CHANGE, true).commit();
        }
        return true;
    }

    /** The Keystore key the stored PIN depends on is gone (checked before asking for a PIN that cannot be checked). */
    public boolean keyLost() throws GeneralSecurityException {
        return isSet() && prefs.getInt(FORMAT, 1) == PEPPERED && !pepper.exists();
    }

    /** The stored PIN no longer meets {@link PinRules} (seen when it was last entered): ask the owner to change it. */
    public boolean needsChange() {
        return prefs.getBoolean(CHANGE, false);
    }

    private static byte[] pbkdf2(CharSequence pin, byte[] salt, int iterations) {
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
