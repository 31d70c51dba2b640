package org.facegate.embed;

import java.util.Arrays;

/**
 * An L2-normalized face embedding: cosine similarity between two is their dot product.
 *
 * @param values unit-length vector (the constructor normalizes a copy)
 */
public record Embedding(float[] values) {
    public Embedding {
        double ss = 0;
        for (float v : values) ss += v * v;
        if (ss == 0 || Double.isNaN(ss)) throw new IllegalArgumentException("embedding has zero or NaN norm");
        float inv = (float) (1 / Math.sqrt(ss));
        float[] copy = new float[values.length];
        for (int i = 0; i < copy.length; i++) copy[i] = values[i] * inv;
        values = copy;
    }

    /** Dimension of the vector. */
    public int dimension() {
        return values.length;
    }

    /** Cosine similarity in [-1, 1]. */
    public float cosine(Embedding o) {
        if (o.values.length != values.length) {
            throw new IllegalArgumentException("dimension mismatch: " + values.length + " vs " + o.values.length);
        }
        float s = 0;
        for (int i = 0; i < values.length; i++) s += values[i] * o.values[i];
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Embedding[" + values.length + "d]";
    }
}
