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
     * Least cosine similarity of two samples of one person, and of a sample and the person's template: about the
     * standard security level's threshold (0.4510, FAR 1e-3 for one image against one), so that a stranger's photo merges into
     * an enrollment about as rarely as a stranger's face opens the gate. Measured on LFW dev (3811 images, the shipped
     * fp16 model; {@code facegate calibrate --lfw ../shared/eval/lfw-dev}, table "same-person rule",
     * {@code org.facegate.eval.SamePersonScoring}) with k different photos of one person, the hard case:
     * <ul>
     * <li>false refusals of one person's photos: 1.92% for k = 2, 4.15% for 3, 6.65% for 4, 7.87% for 5 (762 sets);
     *     a photo added to a person enrolled from 1, 3, 5 photos: 1.80%, 0.48%, 0.74%;
     * <li>stranger merges let through: one stranger's photo among k: 9.8e-4 (k = 2, 7.9 million sets), 2.9e-4 (3),
     *     1.6e-4 (4), 7.6e-5 (5); two people in equal numbers 8.2e-5 (2 + 2) and 3.6e-5 (3 + 2); a stranger's photo
     *     added to a person enrolled from 1, 3, 5: 9.8e-4, 1.3e-3, 1.6e-3.
     * </ul>
     * The leave-one-out template refuses fewer (1.31% for k = 5) but lets 3.8% of the 3 + 2 mixes and 7.5% of the
     * 2 + 2 mixes through.
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
