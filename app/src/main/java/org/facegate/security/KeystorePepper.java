package org.facegate.security;

import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;
import java.security.GeneralSecurityException;
import java.security.Key;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * The PIN's pepper: HMAC-SHA256 under a key that lives in the Android Keystore (hardware-backed where the phone has
 * it) and can never be exported, so the PIN hash in a copied preferences file cannot be brute-forced anywhere but on
 * this phone, through the app's throttle. The key is made only when a PIN is set: a key that is gone afterwards is
 * reported ({@link PinStore.KeyLost}), never silently replaced, since a new key would reject the right PIN forever.
 */
public final class KeystorePepper {
    /** Alias of the pepper key in the Android Keystore. */
    public static final String ALIAS = "facegate-pin-pepper";
    private static final String ALGORITHM = KeyProperties.KEY_ALGORITHM_HMAC_SHA256;

    /** Whether the key exists. */
    public boolean exists() throws GeneralSecurityException {
        return Keystores.open().containsAlias(ALIAS);
    }

    /** Creates the key unless it exists (setting a PIN). */
    public void create() throws GeneralSecurityException {
        if (exists()) return;
        KeyGenerator g = KeyGenerator.getInstance(ALGORITHM, Keystores.PROVIDER);
        g.init(new KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_SIGN).setKeySize(256).build());
        g.generateKey();
    }

    /** HMAC-SHA256 of {@code data} under the key; {@link PinStore.KeyLost} if it is gone. */
    public byte[] mac(byte[] data) throws GeneralSecurityException {
        Key k = Keystores.open().getKey(ALIAS, null);
        if (!(k instanceof SecretKey)) throw new PinStore.KeyLost();
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(k);
        return mac.doFinal(data);
    }

    /** Deletes the key ("delete all data"). */
    public void destroy() throws GeneralSecurityException {
        Keystores.delete(ALIAS);
    }
}
