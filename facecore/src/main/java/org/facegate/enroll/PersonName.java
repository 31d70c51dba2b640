package org.facegate.enroll;

import java.text.Normalizer;

/**
 * The one rule for the names people are enrolled under, applied where a name comes in (the CLI's arguments, the
 * app's name fields): the name is stored {@link #normalized} and must have no {@link #issue}. A name of spaces once
 * entered the CLI's gallery and broke every later command; a line break made {@code list} show one person as two.
 */
public final class PersonName {
    /** Longest name, in characters (code points): a name shown on a screen and in a one-line list. */
    public static final int MAX_LENGTH = 64;

    private PersonName() {}

    /**
     * The name as stored and compared: white space (Unicode's too, e.g. a no-break space) removed from both ends,
     * composed characters in one form (NFC), so that "José" typed two ways is one person.
     */
    public static String normalized(String typed) {
        int start = 0, end = typed.length();
        while (start < end && blank(typed.charAt(start))) start++;
        while (end > start && blank(typed.charAt(end - 1))) end--;
        return Normalizer.normalize(typed.substring(start, end), Normalizer.Form.NFC);
    }

    /** What keeps {@code typed} from being a name once {@link #normalized}, or null when it is a fine name. */
    public static NameIssue issue(String typed) {
        String name = normalized(typed);
        if (name.isEmpty()) return NameIssue.EMPTY;
        for (int i = 0; i < name.length(); i++) {
            switch (Character.getType(name.charAt(i))) {
                // control characters (newline, tab, escape...), line and paragraph separators, and halves of a
                // character without the other half
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                    return NameIssue.CONTROL_CHARACTER;
                case Character.SURROGATE:
                    if (!pairedSurrogate(name, i)) return NameIssue.CONTROL_CHARACTER;
                    break;
                default:
                    break;
            }
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) return NameIssue.TOO_LONG;
        return null;
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
