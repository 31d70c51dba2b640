package org.facegate.enroll;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

/** Names as the CLI and the app take them: trimmed, not empty, one line, not too long. */
public class PersonNameTest {
    @Test
    public void surroundingWhiteSpaceIsRemovedAndAccentsAreOneForm() {
        assertEquals("Tony Blair", PersonName.normalized("  Tony Blair\u00a0\t"));
        // "José" with a composed é and with e + combining acute accent: one name
        assertEquals(PersonName.normalized("Jos\u00e9"), PersonName.normalized("Jose\u0301"));
        assertNull(PersonName.issue(" Tony Blair "));
        assertNull(PersonName.issue("Zoë 🙂"));
    }

    @Test
    public void anEmptyNameOrOneOfSpacesIsRefused() {
        assertEquals(NameIssue.EMPTY, PersonName.issue(""));
        assertEquals(NameIssue.EMPTY, PersonName.issue("   "));
        assertEquals(NameIssue.EMPTY, PersonName.issue("\u2003\u00a0"));
    }

    @Test
    public void controlCharactersAreRefused() {
        for (String bad : new String[] {"Tony\nBlair", "Tony\tBlair", "Tony\u0000", "Tony\u001b[2J", "Tony\u2028Blair", "Tony\u0085", "Tony\ud83d"}) {
            assertEquals(bad, NameIssue.CONTROL_CHARACTER, PersonName.issue(bad));
        }
    }

    @Test
    public void aNameIsAtMost64Characters() {
        String max = "a".repeat(PersonName.MAX_LENGTH);
        assertNull(PersonName.issue(max));
        assertNull("characters, not UTF-16 units", PersonName.issue("🙂".repeat(PersonName.MAX_LENGTH)));
        assertEquals(NameIssue.TOO_LONG, PersonName.issue(max + "a"));
        assertEquals("a name is at most 64 characters long", NameIssue.TOO_LONG.advice());
    }
}
