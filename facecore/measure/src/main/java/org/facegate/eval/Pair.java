package org.facegate.eval;

/**
 * One verification trial of a pairs file: two image paths (relative to the data set's {@code images/}), whether
 * they show the same person, and the fold (set) the trial belongs to.
 */
public record Pair(String first, String second, boolean same, int fold) {}
