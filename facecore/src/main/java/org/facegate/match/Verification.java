package org.facegate.match;

/**
 * Outcome of a 1:1 comparison.
 *
 * @param score     similarity to the claimed person
 * @param threshold the threshold it was compared against
 * @param accepted  {@code score >= threshold}
 */
public record Verification(float score, float threshold, boolean accepted) {}
