package org.facegate.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.facegate.embed.Embedding;

/**
 * An enrolled person: a name, every sample embedding of their enrollment (one is enough: one-shot enrollment; more
 * make it robust to pose and light), and the template they are matched by: the samples' mean, normalized.
 *
 * <p>Why the mean and not the best-matching sample: the security levels' thresholds are calibrated one image
 * against one image, and a stranger who only has to resemble one of k samples gets k chances. Measured on LFW dev
 * with templates of k different photos of a person (`facegate calibrate`, {@link org.facegate.eval.TemplateScoring}):
 * at the standard threshold (FAR 1e-3 for one sample) the best sample lets in 2.3 (k = 3) and 3.7 (k = 5) times
 * as many strangers, the mean 1.3 and 1.6 times, and at an equal false-accept rate the mean accepts as many or
 * more of the person's own photos. Every sample is still kept: the gallery's triplet checks compare samples, and
 * the template can be recomputed from them.
 */
public final class Person {
    private final String name;
    private final List<Embedding> samples;
    private final Embedding template;

    /**
     * @param name    the name shown when the person is recognized
     * @param samples at least one embedding, all of one dimension
     */
    public Person(String name, List<Embedding> samples) {
        if (name == null || name.trim().isEmpty()) throw new IllegalArgumentException("a person needs a name");
        if (samples.isEmpty()) throw new IllegalArgumentException(name + ": a person needs at least one sample");
        this.name = name;
        this.samples = Collections.unmodifiableList(new ArrayList<>(samples));
        this.template = mean(name, this.samples);
    }

    private static Embedding mean(String name, List<Embedding> samples) {
        int dim = samples.get(0).dimension();
        float[] sum = new float[dim];
        for (Embedding e : samples) {
            if (e.dimension() != dim) throw new IllegalArgumentException(name + ": mixed embedding dimensions");
            for (int i = 0; i < dim; i++) sum[i] += e.values()[i];
        }
        return new Embedding(sum);
    }

    /** The name shown when the person is recognized. */
    public String name() {
        return name;
    }

    /** Every sample embedding, in enrollment order (unmodifiable). */
    public List<Embedding> samples() {
        return samples;
    }

    /** The embedding probes are matched against: the samples' mean, normalized (the sample itself when one-shot). */
    public Embedding template() {
        return template;
    }

    /** Similarity of a probe to this person: cosine to the {@link #template()}. */
    public float score(Embedding probe) {
        return template.cosine(probe);
    }

    @Override
    public String toString() {
        return "Person[" + name + ", " + samples.size() + " samples]";
    }
}
