package org.facegate.ui;

/** facecore's reasons and advice are sentence fragments ("face too small: move closer"); screens show sentences. */
public final class Sentences {
    private Sentences() {}

    /** {@code s} with its first letter upper-case; "" for null or "". */
    public static String capitalized(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
