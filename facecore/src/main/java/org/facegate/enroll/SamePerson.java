package org.facegate.enroll;

import java.util.List;
import org.facegate.embed.Embedding;

/**
 * The rule that the samples of one enrollment show one person, and the person they join: every two samples must be
 * at least {@link #THRESHOLD} alike, and so must every sample and the template of the person it is added to.
 *
 * <p>Why every pair and not each sample against the mean of the others (the leave-one-out template): a single
 * stranger is caught either way, but a stranger's photos brought in equal numbers prop each other up in the mean.
 * And never a sample against a mean that includes it: that scores about 0.71 for two strangers.
 */
public final class SamePerson {
    /**
     * Least cosine similarity of two samples of one person, and of a sample and the person's template. MEASUREMENT.
     */
    public static final float THRESHOLD = 0.45f;

    private SamePerson() {}

    /**
     * Two embeddings compared.
     *
     * @param sample     index of a sample in the list compared
     * @param other      index of the other sample, or -1 when the sample was compared with a person's template
     * @param similarity their cosine similarity
     */
    public record Comparison(int sample, int other, float similarity) {
        /** Whether the two are alike enough to be one person. */
        public boolean samePerson() {
            return similarity >= THRESHOLD;
        }
    }

    /** The least alike pair of {@code samples}, or null for fewer than two. */
    public static Comparison leastSimilarPair(List<Embedding> samples) {
        Comparison least = null;
        for (int i = 0; i < samples.size(); i++) {
            for (int j = i + 1; j < samples.size(); j++) {
                float s = samples.get(i).cosine(samples.get(j));
                if (least == null || s < least.similarity()) least = new Comparison(i, j, s);
            }
        }
        return least;
    }

    /** The sample least alike {@code template} (a person's, {@link org.facegate.match.Person#template()}), or null for none. */
    public static Comparison leastSimilarTo(Embedding template, List<Embedding> samples) {
        Comparison least = null;
        for (int i = 0; i < samples.size(); i++) {
            float s = template.cosine(samples.get(i));
            if (least == null || s < least.similarity()) least = new Comparison(i, -1, s);
        }
        return least;
    }
}
