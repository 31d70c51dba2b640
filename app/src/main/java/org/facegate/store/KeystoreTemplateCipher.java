package org.facegate.store;

import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.facegate.security.Keystores;

/**
 * AES-256-GCM under a key that lives in the Android Keystore (hardware-backed where the device has it): the key
 * material never enters the app's memory, so a copy of the database alone reveals no face. No user authentication is
 * bound to the key, because the gate has to read templates before anyone is authenticated.
 *
 * <p>Format: version byte 1, the 12-byte IV the Keystore chose, ciphertext with the 16-byte tag.
 */
public final class KeystoreTemplateCipher implements TemplateCipher {
    /** Alias of the template key. */
    public static final String ALIAS = "facegate-templates";
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12, TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private SecretKey key;

    @Override
    public synchronized byte[] seal(byte[] plaintext, byte[] aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(TRANSFORMATION);
        // the Keystore refuses caller-chosen IVs (randomized encryption): it picks one, read back with getIV()
        c.init(Cipher.ENCRYPT_MODE, key());
        c.updateAAD(aad);
        byte[] ct = c.doFinal(plaintext);
        byte[] iv = c.getIV();
        if (iv.length != IV_BYTES) throw new GeneralSecurityException("unexpected GCM IV length " + iv.length);
        return ByteBuffer.allocate(1 + IV_BYTES + ct.length).put(VERSION).put(iv).put(ct).array();
    }

    @Override
    public synchronized byte[] open(byte[] sealed, byte[] aad) throws GeneralSecurityException {
        if (sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new GeneralSecurityException("not a sealed template (version " + (sealed.length > 0 ? sealed[0] : -1) + ")");
        }
        Cipher c = Cipher.getInstance(TRANSFORMATION);
        c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
        c.updateAAD(aad);
        return c.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
    }

    @Override
    public synchronized void destroyKey() throws GeneralSecurityException {
        key = null;
        Keystores.delete(ALIAS);
    }

    private SecretKey key() throws GeneralSecurityException {
        if (key != null) return key;
        java.security.Key k = Keystores.open().getKey(ALIAS, null);
        if (k instanceof SecretKey) {
            key = (SecretKey) k;
        } else {
            KeyGenerator g = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, Keystores.PROVIDER);
            g.init(new KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT | KeyProperties.PURPOSE_DECRYPT)
                    .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                    .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                    .setKeySize(256)
                    .build());
            key = g.generateKey();
        }
        return key;
    }
}
