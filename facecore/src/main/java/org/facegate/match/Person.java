package org.facegate.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.facegate.embed.Embedding;

/**
 * An enrolled person: a name and every sample embedding of their template (one is enough: one-shot enrollment;
 * more make it robust to pose and light). All samples are kept rather than averaged: a person's score is the best
 * match over samples, which measured better than a centroid for faces seen from different angles.
 */
public record Person(String name, List<Embedding> samples) {
    public Person {
        if (name == null || name.trim().isEmpty()) throw new IllegalArgumentException("a person needs a name");
        if (samples.isEmpty()) throw new IllegalArgumentException(name + ": a person needs at least one sample");
        samples = Collections.unmodifiableList(new ArrayList<>(samples));
    }

    /** Similarity of a probe to this person: the best cosine over samples. */
    public float score(Embedding probe) {
        float best = -1;
        for (Embedding s : samples) best = Math.max(best, s.cosine(probe));
        return best;
    }
}
