package org.facegate.security;

/**
 * What a new PIN must be: {@link #MIN_LENGTH} to {@link #MAX_LENGTH} digits, typed the same twice, and none of the
 * PINs people choose most (the shapes that top the lists of leaked and surveyed PINs: Wang et al., "Understanding
 * human-chosen PINs", 2017; Markert et al., "This PIN can be easily guessed", IEEE S&amp;P 2020): repeated digits (two
 * different digits or fewer, every digit doubled as in 112233, a block typed again as in 123123, mirrored as in
 * 123321), a sequence (123456, 135791, 987654), a year at either end (1987xx, xx2024), or straight lines on the keypad
 * (147258, 159357, 2580..). First run and changing the PIN check a new PIN here;
 * {@link PinStore#set} refuses one that breaks these rules; a stored PIN that breaks them (e.g. an older 4-digit one)
 * is asked to change at the next unlock. The messages are shown to the user as they are.
 */
public final class PinRules {
    /** Shortest and longest PIN accepted: 6 digits, a million PINs, against 4 digits' ten thousand. */
    public static final int MIN_LENGTH = 6, MAX_LENGTH = 16;
    /** The repetition differs from the PIN. */
    public static final String MISMATCH = "The two PINs differ";
    static final String REPEATED = "Too easy to guess: repeated digits",
            SEQUENCE = "Too easy to guess: a sequence",
            YEAR = "Too easy to guess: it starts or ends with a year",
            KEYPAD = "Too easy to guess: a straight line on the keypad";
    /** Years people use: birth years and the present. */
    static final int FIRST_YEAR = 1900, LAST_YEAR = 2099;

    private PinRules() {}

    /** Why a PIN cannot be used, or null when it is acceptable. */
    public static String problem(CharSequence pin) {
        if (pin.length() < MIN_LENGTH) return "Use at least " + MIN_LENGTH + " digits";
        if (pin.length() > MAX_LENGTH) return "Use at most " + MAX_LENGTH + " digits";
        for (int i = 0; i < pin.length(); i++) if (pin.charAt(i) < '0' || pin.charAt(i) > '9') return "Use digits only";
        String p = pin.toString();
        if (p.chars().distinct().count() <= 2 || doubled(p) || repeatsABlock(p) || mirrored(p)) return REPEATED;
        if (isSequence(p)) return SEQUENCE;
        if (isYear(p.substring(0, 4)) || isYear(p.substring(p.length() - 4))) return YEAR;
        if (keypadLines(p)) return KEYPAD;
        return null;
    }

    /**
     * Why a new PIN typed twice cannot be used, or null when it can: the PIN's own {@link #problem(CharSequence)
     * problem} first (so a short PIN typed twice the same is told it is short), then {@link #MISMATCH}.
     */
    public static String problem(CharSequence pin, CharSequence again) {
        String p = problem(pin);
        return p == null && !pin.toString().contentEquals(again) ? MISMATCH : p;
    }

    /** Every digit typed twice or more in a row (112233, 111999). */
    private static boolean doubled(String p) {
        for (int i = 0; i < p.length(); ) {
            int run = 1;
            while (i + run < p.length() && p.charAt(i + run) == p.charAt(i)) run++;
            if (run < 2) return false;
            i += run;
        }
        return true;
    }

    /** The PIN reads the same backwards (123321). */
    private static boolean mirrored(String p) {
        return new StringBuilder(p).reverse().toString().equals(p);
    }

    /** The PIN is one block typed two or more times (123123, 12341234). */
    private static boolean repeatsABlock(String p) {
        for (int block = 1; block <= p.length() / 2; block++) {
            if (p.length() % block != 0) continue;
            boolean same = true;
            for (int i = block; i < p.length() && same; i++) same = p.charAt(i) == p.charAt(i - block);
            if (same) return true;
        }
        return false;
    }

    /** Every digit is the previous one plus the same step, modulo 10 (123456, 890123, 135791, 975319). */
    private static boolean isSequence(String p) {
        int step = Math.floorMod(p.charAt(1) - p.charAt(0), 10);
        for (int i = 2; i < p.length(); i++) if (Math.floorMod(p.charAt(i) - p.charAt(i - 1), 10) != step) return false;
        return true;
    }

    private static boolean isYear(String four) {
        int y = Integer.parseInt(four);
        return y >= FIRST_YEAR && y <= LAST_YEAR;
    }

    /**
     * The PIN splits into straight lines of at least 3 keys on the phone keypad (rows, columns, diagonals, either way:
     * 147 258, 159 357, 2580 852..), the shapes people draw instead of choosing digits.
     */
    private static boolean keypadLines(String p) {
        // can[i]: p[i..] splits into lines
        boolean[] can = new boolean[p.length() + 1];
        can[p.length()] = true;
        for (int i = p.length() - 3; i >= 0; i--) {
            int[] a = key(p.charAt(i)), b = key(p.charAt(i + 1));
            int dr = b[0] - a[0], dc = b[1] - a[1];
            if (Math.abs(dr) > 1 || Math.abs(dc) > 1 || (dr == 0 && dc == 0)) continue;
            for (int end = i + 1; end < p.length(); end++) {
                int[] prev = key(p.charAt(end - 1)), next = key(p.charAt(end));
                if (next[0] - prev[0] != dr || next[1] - prev[1] != dc) break;
                if (end - i + 1 >= 3 && can[end + 1]) {
                    can[i] = true;
                    break;
                }
            }
        }
        return can[0];
    }

    /** Row and column of a digit on the phone keypad (1 2 3 / 4 5 6 / 7 8 9 / _ 0 _). */
    private static int[] key(char digit) {
        return digit == '0' ? new int[] {3, 1} : new int[] {(digit - '1') / 3, (digit - '1') % 3};
    }
}
