package org.facegate.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;

/**
 * The MAC of a person row: AES-GCM over no plaintext (a GMAC) under the templates' Keystore key, with the row's
 * columns as associated data, so that nobody without the key (one who edits or copies the database file) can promote
 * a member to owner, let someone unlock, or move a row to another id. It does not stop a row being put back to an
 * earlier state of its own (docs/security.md).
 */
final class PersonMac {
    private static final byte[] NOTHING = new byte[0];

    private PersonMac() {}

    /** The MAC of {@code p}'s columns (its id must be final: after insert). */
    static byte[] of(TemplateCipher cipher, Person p) throws GeneralSecurityException {
        return cipher.seal(NOTHING, columns(p));
    }

    /** What checking a row's MAC found. */
    enum Verdict {
        VALID,
        /** The MAC is not the one of the columns under this key: the row was altered, or the key is not the one it had. */
        FORGED,
        /** The Keystore failed: nothing is known (the row grants nothing meanwhile). */
        UNCHECKED
    }

    /** Whether {@code p}'s MAC is the one of its columns. */
    static Verdict check(TemplateCipher cipher, Person p) {
        if (p.mac.length == 0) return Verdict.FORGED;
        try {
            return cipher.open(p.mac, columns(p)).length == 0 ? Verdict.VALID : Verdict.FORGED;
        } catch (AEADBadTagException e) {
            return Verdict.FORGED;
        } catch (GeneralSecurityException | RuntimeException e) {
            // a Keystore error (ProviderException is unchecked) is no proof of anything
            return Verdict.UNCHECKED;
        }
    }

    /** Whether {@code p}'s MAC checks; a failure to check says no. */
    static boolean checks(TemplateCipher cipher, Person p) {
        return check(cipher, p) == Verdict.VALID;
    }

    /** The authenticated columns, each unambiguously delimited (the name, the only free text, goes last). */
    private static byte[] columns(Person p) {
        return ("facegate-person|1|" + p.id + "|" + p.role.name() + "|" + p.mayUnlock + "|" + p.created + "|" + p.name)
                .getBytes(StandardCharsets.UTF_8);
    }
}
