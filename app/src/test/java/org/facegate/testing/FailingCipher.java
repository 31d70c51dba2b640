package org.facegate.testing;

import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.util.concurrent.atomic.AtomicInteger;
import org.facegate.store.TemplateCipher;

/**
 * The app's cipher, except that its next calls throw what the Android Keystore throws when its hardware fails: a
 * {@link ProviderException}, a RuntimeException that no {@code catch (GeneralSecurityException)} stops.
 */
public final class FailingCipher extends ForwardingCipher {
    /** How many of the next seal / destroyKey calls fail. */
    public final AtomicInteger sealFailures = new AtomicInteger(), destroyFailures = new AtomicInteger();

    public FailingCipher(TemplateCipher real) {
        super(real);
    }

    @Override
    public byte[] seal(byte[] plaintext, byte[] aad) throws GeneralSecurityException {
        if (sealFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new ProviderException("Keystore operation failed");
        return super.seal(plaintext, aad);
    }

    @Override
    public void destroyKey() throws GeneralSecurityException {
        if (destroyFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new ProviderException("Keystore operation failed");
        super.destroyKey();
    }
}
