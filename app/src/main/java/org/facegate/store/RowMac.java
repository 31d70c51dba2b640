package org.facegate.store;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;

/**
 * The MAC of a row that grants power (a person's role and may-unlock, {@link PersonMac}; who may open a locked app and
 * how long it stays open, {@link LockedApp}): AES-GCM over no plaintext (a GMAC) under the templates' Keystore key,
 * with the row's columns as associated data, so that nobody without the key (one who edits or copies the database
 * file) can change what a row grants or move it to another key. It does not stop a row being put back to an earlier
 * state of its own, or deleted (docs/security.md).
 */
final class RowMac {
    private static final byte[] NOTHING = new byte[0];

    private RowMac() {}

    /** What checking a row's MAC found. */
    enum Verdict {
        VALID,
        /** The MAC is not the one of the columns under this key: the row was altered, or the key is not the one it had. */
        FORGED,
        /** The Keystore failed: nothing is known (the row grants nothing meanwhile). */
        UNCHECKED
    }

    /** The MAC of a row's {@code columns}, each unambiguously delimited. */
    static byte[] of(TemplateCipher cipher, byte[] columns) throws GeneralSecurityException {
        return cipher.seal(NOTHING, columns);
    }

    /** Whether {@code mac} is the one of {@code columns}. */
    static Verdict check(TemplateCipher cipher, byte[] mac, byte[] columns) {
        if (mac.length == 0) return Verdict.FORGED;
        try {
            return cipher.open(mac, columns).length == 0 ? Verdict.VALID : Verdict.FORGED;
        } catch (AEADBadTagException e) {
            return Verdict.FORGED;
        } catch (GeneralSecurityException | RuntimeException e) {
            // a Keystore error (ProviderException is unchecked) is no proof of anything
            return Verdict.UNCHECKED;
        }
    }
}
