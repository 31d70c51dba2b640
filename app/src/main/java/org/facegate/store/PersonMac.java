package org.facegate.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The MAC of a person row ({@link RowMac}), so that nobody without the key can promote a member to owner, let someone
 * unlock, or move a row to another id.
 */
final class PersonMac {
    private PersonMac() {}

    /** The MAC of {@code p}'s columns (its id must be final: after insert). */
    static byte[] of(TemplateCipher cipher, Person p) throws GeneralSecurityException {
        return RowMac.of(cipher, columns(p));
    }

    /** Whether {@code p}'s MAC is the one of its columns. */
    static RowMac.Verdict check(TemplateCipher cipher, Person p) {
        return RowMac.check(cipher, p.mac, columns(p));
    }

    /** Whether {@code p}'s MAC checks; a failure to check says no. */
    static boolean checks(TemplateCipher cipher, Person p) {
        return check(cipher, p) == RowMac.Verdict.VALID;
    }

    /** The authenticated columns, each unambiguously delimited (the name, the only free text, goes last). */
    private static byte[] columns(Person p) {
        return ("facegate-person|1|" + p.id + "|" + p.role.name() + "|" + p.mayUnlock + "|" + p.created + "|" + p.name)
                .getBytes(StandardCharsets.UTF_8);
    }
}
