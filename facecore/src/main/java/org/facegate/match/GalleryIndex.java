package org.facegate.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.facegate.embed.Embedding;

/**
 * The templates of a gallery, one row per person, in one flat row-major matrix searched by a straight scan: at 192
 * dimensions a scan of 100,000 templates is a few milliseconds, simpler and exact compared with an approximate
 * index. Build once when the gallery changes, search every frame.
 */
public final class GalleryIndex {
    private final int dim;
    private final float[] rows;
    private final List<String> names;

    private GalleryIndex(int dim, float[] rows, List<String> names) {
        this.dim = dim;
        this.rows = rows;
        this.names = names;
    }

    /** Indexes the template of every person (see {@link Person#template()}). */
    public static GalleryIndex of(List<Person> people) {
        int dim = people.isEmpty() ? 0 : people.get(0).template().dimension();
        float[] rows = new float[people.size() * dim];
        List<String> names = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            Embedding t = people.get(i).template();
            if (t.dimension() != dim) throw new IllegalArgumentException(people.get(i).name() + ": mixed embedding dimensions");
            names.add(people.get(i).name());
            System.arraycopy(t.values(), 0, rows, i * dim, dim);
        }
        return new GalleryIndex(dim, rows, Collections.unmodifiableList(names));
    }

    /** Number of people. */
    public int people() {
        return names.size();
    }

    /**
     * Finds the best and runner-up people for a probe, each person scored by their template. Writes their
     * indexes to {@code who[0..1]} (-1 when absent) and scores to {@code score[0..1]} (-1 when absent); the caller
     * passes the arrays so that a per-frame search allocates nothing.
     */
    public void search(Embedding probe, int[] who, float[] score) {
        float[] q = probe.values();
        if (q.length != dim && !names.isEmpty()) throw new IllegalArgumentException("probe has " + q.length + " dims, gallery " + dim);
        int best = -1, second = -1;
        float bs = -2, ss = -2;
        for (int o = 0, off = 0; o < names.size(); o++, off += dim) {
            float s = dot(q, rows, off);
            if (s > bs) {
                second = best;
                ss = bs;
                best = o;
                bs = s;
            } else if (s > ss) {
                second = o;
                ss = s;
            }
        }
        who[0] = best;
        who[1] = second;
        score[0] = best < 0 ? -1 : bs;
        score[1] = second < 0 ? -1 : ss;
    }

    /** Name of person {@code i}. */
    public String name(int i) {
        return names.get(i);
    }

    /** Four accumulators break the add dependency chain, so the JIT can overlap multiplies (~3x a naive loop). */
    private float dot(float[] q, float[] m, int off) {
        float a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int i = 0;
        for (; i + 3 < dim; i += 4) {
            a0 += q[i] * m[off + i];
            a1 += q[i + 1] * m[off + i + 1];
            a2 += q[i + 2] * m[off + i + 2];
            a3 += q[i + 3] * m[off + i + 3];
        }
        for (; i < dim; i++) a0 += q[i] * m[off + i];
        return (a0 + a1) + (a2 + a3);
    }
}
