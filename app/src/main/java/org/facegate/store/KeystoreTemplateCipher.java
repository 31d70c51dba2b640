package org.facegate.store;

import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM under a key that lives in the Android Keystore (hardware-backed where the device has it): the key
 * material never enters the app's memory, so a copy of the database alone reveals no face. No user authentication is
 * bound to the key, because the gate has to read templates before anyone is authenticated.
 *
 * <p>Format: version byte 1, the 12-byte IV the Keystore chose, ciphertext with the 16-byte tag.
 */
public final class KeystoreTemplateCipher implements TemplateCipher {
    /** The JCA provider and key store type of the Android Keystore. */
    public static final String PROVIDER = "AndroidKeyStore";
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
        KeyStore ks = keyStore();
        if (ks.containsAlias(ALIAS)) ks.deleteEntry(ALIAS);
        key = null;
    }

    private SecretKey key() throws GeneralSecurityException {
        if (key != null) return key;
        KeyStore ks = keyStore();
        java.security.Key k = ks.getKey(ALIAS, null);
        if (k instanceof SecretKey) {
            key = (SecretKey) k;
        } else {
            KeyGenerator g = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, PROVIDER);
            g.init(new KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT | KeyProperties.PURPOSE_DECRYPT)
                    .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                    .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                    .setKeySize(256)
                    .build());
            key = g.generateKey();
        }
        return key;
    }

    private static KeyStore keyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(PROVIDER);
        try {
            ks.load(null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot open the Android Keystore: " + e.getMessage(), e);
        }
        return ks;
    }
}
