package org.facegate.testing;

import java.security.GeneralSecurityException;
import org.facegate.store.KeystoreTemplateCipher;
import org.facegate.store.TemplateCipher;

/** The app's Keystore cipher (or another), for tests that watch or break one of its operations by overriding it. */
public class ForwardingCipher implements TemplateCipher {
    private final TemplateCipher real;

    public ForwardingCipher() {
        this(new KeystoreTemplateCipher());
    }

    /** Passes every call to {@code real}, e.g. the services' own cipher. */
    public ForwardingCipher(TemplateCipher real) {
        this.real = real;
    }

    @Override
    public byte[] seal(byte[] plaintext, byte[] aad) throws GeneralSecurityException {
        return real.seal(plaintext, aad);
    }

    @Override
    public byte[] open(byte[] sealed, byte[] aad) throws GeneralSecurityException {
        return real.open(sealed, aad);
    }

    @Override
    public void destroyKey() throws GeneralSecurityException {
        real.destroyKey();
    }
}
