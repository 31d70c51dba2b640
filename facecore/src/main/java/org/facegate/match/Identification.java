package org.facegate.match;

/**
 * Outcome of a 1:K search.
 *
 * @param name        the recognized person, or null for "unknown"
 * @param score       similarity to the best candidate (-1 with an empty gallery)
 * @param candidate   the best candidate's name even when rejected (null with an empty gallery)
 * @param secondScore similarity to the runner-up person (-1 if none)
 * @param reason      why the result is unknown, or null when recognized
 */
public record Identification(String name, float score, String candidate, float secondScore, Reason reason) {
    /** Why a probe was not given a name. */
    public enum Reason {
        NOBODY_ENROLLED("nobody is enrolled"),
        BELOW_THRESHOLD("best match below threshold"),
        /** The best two people are within the margin of each other: the face is not confidently either. */
        AMBIGUOUS("ambiguous between two people");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** One line for logs and the CLI. */
        public String text() {
            return text;
        }
    }

    /** Whether a person was recognized. */
    public boolean known() {
        return name != null;
    }
}
