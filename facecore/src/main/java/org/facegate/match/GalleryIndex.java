package org.facegate.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.facegate.embed.Embedding;

/**
 * All samples of a gallery in one flat row-major matrix, searched by a straight scan: at 192 dimensions a scan of
 * 100,000 templates is a few milliseconds, simpler and exact compared with an approximate index. Build once when the
 * gallery changes, search every frame.
 */
public final class GalleryIndex {
    private final int dim;
    private final float[] rows;
    private final int[] owner;
    private final List<String> names;

    private GalleryIndex(int dim, float[] rows, int[] owner, List<String> names) {
        this.dim = dim;
        this.rows = rows;
        this.owner = owner;
        this.names = names;
    }

    /** Indexes every sample of every person. */
    public static GalleryIndex of(List<Person> people) {
        int n = 0, dim = 0;
        for (Person p : people) {
            n += p.samples().size();
            dim = p.samples().get(0).dimension();
        }
        float[] rows = new float[n * dim];
        int[] owner = new int[n];
        List<String> names = new ArrayList<>(people.size());
        int r = 0;
        for (int i = 0; i < people.size(); i++) {
            names.add(people.get(i).name());
            for (Embedding e : people.get(i).samples()) {
                if (e.dimension() != dim) throw new IllegalArgumentException(people.get(i).name() + ": mixed embedding dimensions");
                System.arraycopy(e.values(), 0, rows, r * dim, dim);
                owner[r++] = i;
            }
        }
        return new GalleryIndex(dim, rows, owner, Collections.unmodifiableList(names));
    }

    /** Number of people. */
    public int people() {
        return names.size();
    }

    /** Number of sample rows. */
    public int size() {
        return owner.length;
    }

    /**
     * Finds the best and runner-up people for a probe, each person scored by their best sample. Writes their
     * indexes to {@code who[0..1]} (-1 when absent) and scores to {@code score[0..1]} (-1 when absent); the caller
     * passes the arrays so that a per-frame search allocates nothing.
     */
    public void search(Embedding probe, int[] who, float[] score) {
        float[] q = probe.values();
        if (q.length != dim && owner.length > 0) throw new IllegalArgumentException("probe has " + q.length + " dims, gallery " + dim);
        int best = -1, second = -1;
        float bs = -2, ss = -2;
        for (int r = 0, off = 0; r < owner.length; r++, off += dim) {
            float s = dot(q, rows, off);
            int o = owner[r];
            if (s > bs) {
                if (o != best) {
                    second = best;
                    ss = bs;
                }
                best = o;
                bs = s;
            } else if (s > ss && o != best) {
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
