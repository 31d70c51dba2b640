package org.facegate.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** The Android Keystore, where the app's keys live (the tests register a provider of the same name). */
public final class Keystores {
    /** The JCA provider and key store type of the Android Keystore. */
    public static final String PROVIDER = "AndroidKeyStore";

    private Keystores() {}

    /** The app's key store, loaded. */
    public static KeyStore open() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(PROVIDER);
        try {
            ks.load(null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot open the Android Keystore: " + e.getMessage(), e);
        }
        return ks;
    }

    /** Deletes a key if it exists. */
    public static void delete(String alias) throws GeneralSecurityException {
        KeyStore ks = open();
        if (ks.containsAlias(alias)) ks.deleteEntry(alias);
    }
}
