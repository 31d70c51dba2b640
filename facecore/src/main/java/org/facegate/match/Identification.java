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
public record Identification(String name, float score, String candidate, float secondScore, String reason) {
    /** Whether a person was recognized. */
    public boolean known() {
        return name != null;
    }
}
