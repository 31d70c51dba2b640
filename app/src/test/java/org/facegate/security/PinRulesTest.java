package org.facegate.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PinRulesTest {
    @Test
    public void tooShort() {
        assertEquals("Use at least 6 digits", PinRules.problem("58301"));
        assertEquals("Use at least 6 digits", PinRules.problem("", ""));
        // the PIN's own problem comes before the repetition's
        assertEquals("Use at least 6 digits", PinRules.problem("12", "13"));
        // an older 4-digit PIN no longer meets the rules (PinStore asks to change it)
        assertEquals("Use at least 6 digits", PinRules.problem("2468"));
    }

    @Test
    public void tooLong() {
        assertEquals("Use at most 16 digits", PinRules.problem("58301658301658301", "58301658301658301"));
        assertNull(PinRules.problem("5830169472583016", "5830169472583016"));
    }

    @Test
    public void digitsOnly() {
        assertEquals("Use digits only", PinRules.problem("583a16", "583a16"));
        assertEquals("Use digits only", PinRules.problem("583 016"));
        assertEquals("Use digits only", PinRules.problem("\u0665\u0668\u0663\u0660\u0661\u0666"));     // Arabic-Indic digits
    }

    @Test
    public void repeatedDigitsAreRefused() {
        for (String p : new String[] {"000000", "111111", "121212", "101010", "111222", "110011", "112233", "998877",
                "123123", "520520", "12341234", "123321", "147741"}) {
            assertEquals(p, PinRules.REPEATED, PinRules.problem(p));
        }
    }

    @Test
    public void sequencesAreRefused() {
        for (String p : new String[] {"123456", "654321", "012345", "890123", "135791", "975319", "246802", "1234567890"}) {
            assertEquals(p, PinRules.SEQUENCE, PinRules.problem(p));
        }
    }

    @Test
    public void yearsAtEitherEndAreRefused() {
        for (String p : new String[] {"198705", "200019", "071965", "312024", "19680425"}) {
            assertEquals(p, PinRules.YEAR, PinRules.problem(p));
        }
        // a year in the middle is not what people choose
        assertNull(PinRules.problem("519874"));
    }

    @Test
    public void keypadLinesAreRefused() {
        // rows, columns and diagonals of 1 2 3 / 4 5 6 / 7 8 9 / 0, either way, one after another
        for (String p : new String[] {"147258", "258369", "159357", "753951", "963852", "789456", "321654", "123654",
                "147369", "258085", "147852369"}) {
            assertEquals(p, PinRules.KEYPAD, PinRules.problem(p));
        }
        // others of the kind are refused as what else they are
        assertEquals(PinRules.SEQUENCE, PinRules.problem("369258"));        // +3 each
        assertEquals(PinRules.REPEATED, PinRules.problem("25800852"));      // mirrored
        // keys next to each other but not in straight lines of three
        assertNull(PinRules.problem("125478"));
    }

    @Test
    public void refusesFewOfAllSixDigitPins() {
        int refused = 0;
        char[] pin = new char[6];
        for (int i = 0; i < 1_000_000; i++) {
            for (int d = 5, n = i; d >= 0; d--, n /= 10) pin[d] = (char) ('0' + n % 10);
            if (PinRules.problem(new String(pin)) != null) refused++;
        }
        // measured: 44,803 of 1,000,000 (4.5%; 39,492 years at either end, 4,960 repeated digits, 271 keypad lines,
        // 80 sequences): 95% of the space stays open, so a user is rarely refused twice
        assertTrue("refused " + refused, refused < 50_000);
    }

    @Test
    public void repetitionMustMatch() {
        assertEquals(PinRules.MISMATCH, PinRules.problem("583016", "583061"));
        assertEquals(PinRules.MISMATCH, PinRules.problem("583016", "5830160"));
        assertEquals(PinRules.MISMATCH, PinRules.problem("583016", ""));
    }

    @Test
    public void ok() {
        assertNull(PinRules.problem("583016"));
        assertNull(PinRules.problem("583016", "583016"));
        // the text of an EditText is a SpannableStringBuilder, not a String
        assertNull(PinRules.problem(new StringBuilder("270491"), new StringBuilder("270491")));
    }
}
