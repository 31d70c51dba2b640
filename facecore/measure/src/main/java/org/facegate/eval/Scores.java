package org.facegate.eval;

import java.util.Arrays;

/** A growing list of trial scores without boxing (millions of stranger trials fit in tens of megabytes). */
final class Scores {
    private float[] values = new float[1024];
    private int size;

    void add(float score) {
        if (size == values.length) values = Arrays.copyOf(values, 2 * size);
        values[size++] = score;
    }

    /** A copy of the scores added so far. */
    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
