package org.facegate.security;

/**
 * What a new PIN must be: {@link #MIN_LENGTH} to {@link #MAX_LENGTH} digits, typed the same twice. First run and
 * changing the PIN in settings both check a new PIN here; {@link PinStore#set} refuses a PIN that breaks these rules.
 * The messages are shown to the user as they are.
 */
public final class PinRules {
    /** Shortest and longest PIN accepted. */
    public static final int MIN_LENGTH = 4, MAX_LENGTH = 16;
    /** The repetition differs from the PIN. */
    public static final String MISMATCH = "The two PINs differ";

    private PinRules() {}

    /** Why a PIN cannot be used, or null when it is acceptable. */
    public static String problem(CharSequence pin) {
        if (pin.length() < MIN_LENGTH) return "Use at least " + MIN_LENGTH + " digits";
        if (pin.length() > MAX_LENGTH) return "Use at most " + MAX_LENGTH + " digits";
        for (int i = 0; i < pin.length(); i++) if (pin.charAt(i) < '0' || pin.charAt(i) > '9') return "Use digits only";
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
}
