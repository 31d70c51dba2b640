package org.facegate.store;

import java.security.GeneralSecurityException;

/**
 * Seals face templates at rest. The seam between the Android Keystore (on the phone) and an in-memory key (tests:
 * Robolectric has no AndroidKeyStore). Sealed data is authenticated: tampering, or moving a template to another
 * person (the associated data differs), makes {@link #open} fail instead of yielding a wrong face.
 */
public interface TemplateCipher {
    /** Encrypts and authenticates {@code plaintext}, binding it to {@code aad} (not stored, must be given to open). */
    byte[] seal(byte[] plaintext, byte[] aad) throws GeneralSecurityException;

    /**
     * Decrypts what {@link #seal} returned for the same {@code aad}.
     *
     * @throws GeneralSecurityException if the data was altered, sealed for other associated data, or under another key
     */
    byte[] open(byte[] sealed, byte[] aad) throws GeneralSecurityException;

    /** Deletes the key: everything sealed so far becomes unreadable ("delete all data"). */
    void destroyKey() throws GeneralSecurityException;
}
