package org.facegate.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class PinRulesTest {
    @Test
    public void tooShort() {
        assertEquals("Use at least 4 digits", PinRules.problem("123"));
        assertEquals("Use at least 4 digits", PinRules.problem("", ""));
        // the PIN's own problem comes before the repetition's
        assertEquals("Use at least 4 digits", PinRules.problem("12", "13"));
    }

    @Test
    public void tooLong() {
        assertEquals("Use at most 16 digits", PinRules.problem("12345678901234567", "12345678901234567"));
        assertNull(PinRules.problem("1234567890123456", "1234567890123456"));
    }

    @Test
    public void digitsOnly() {
        assertEquals("Use digits only", PinRules.problem("12a4", "12a4"));
        assertEquals("Use digits only", PinRules.problem("12 34"));
        assertEquals("Use digits only", PinRules.problem("\u0661\u0662\u0663\u0664"));     // Arabic-Indic digits
    }

    @Test
    public void repetitionMustMatch() {
        assertEquals(PinRules.MISMATCH, PinRules.problem("1357", "1375"));
        assertEquals(PinRules.MISMATCH, PinRules.problem("1357", "13570"));
        assertEquals(PinRules.MISMATCH, PinRules.problem("1357", ""));
    }

    @Test
    public void ok() {
        assertNull(PinRules.problem("1357"));
        assertNull(PinRules.problem("1357", "1357"));
        // the text of an EditText is a SpannableStringBuilder, not a String
        assertNull(PinRules.problem(new StringBuilder("0000"), new StringBuilder("0000")));
    }
}
