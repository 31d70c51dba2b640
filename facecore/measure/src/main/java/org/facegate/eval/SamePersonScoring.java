package org.facegate.eval;

import java.util.ArrayList;
import java.util.List;
import org.facegate.embed.Embedding;
import org.facegate.enroll.SamePerson;
import org.facegate.match.Person;

/**
 * How the enrollment rule "the samples show one person, and the person they join" ({@link SamePerson}) does on a
 * labeled set of embeddings, beside the rules it was chosen over. Different photos of a person are the hard case
 * (a camera enrollment's frames, seconds apart, are far more alike):
 * <ul>
 * <li>genuine enrollments: k different photos of one person; every identity with at least k images gives one set per
 *     image, its k consecutive images from there (wrapping around);
 * <li>one stranger: the first k - 1 images of an identity with any single image of anyone else;
 * <li>balanced mixes (k &ge; 4): the first ceil(k/2) images of an identity with the first floor(k/2) of any other;
 * <li>joining: a person enrolled from their first m images, then one more image added: one of their others
 *     (genuine) or any image of anyone else (a stranger).
 * </ul>
 * A set's score is the rule's least similarity; the set is accepted when it reaches the threshold, so a
 * {@link Calibration} over genuine and stranger scores gives the false-refusal rate (FRR, genuine sets refused) and
 * the false-accept rate (FAR, stranger merges let through) of any threshold.
 */
public final class SamePersonScoring {
    /** Ways to judge that a set of samples shows one person. */
    public enum Rule {
        /** The least similar pair: {@link SamePerson#leastSimilarPair}, what enrollment checks. */
        PAIRWISE,
        /** Each sample against the normalized mean of the others, the least of those. */
        LEAVE_ONE_OUT,
        /** Each sample against the mean of all, itself included (two strangers score about 0.71: shown as the trap). */
        INCLUDING_ITSELF
    }

    private final List<Embedding> embeddings;
    private final List<List<Integer>> byIdentity;

    /**
     * @param embeddings one per image
     * @param identity   the person of each image (same index); images of a person in the order they should enroll
     */
    public SamePersonScoring(List<Embedding> embeddings, List<String> identity) {
        this.embeddings = embeddings;
        this.byIdentity = Identities.imagesOf(identity);
    }

    /**
     * Trials of sets of {@code k} samples judged by {@code rule}.
     *
     * @param samples      k
     * @param rule         the rule
     * @param oneStranger  genuine sets against sets with one stranger
     * @param balancedMix  genuine sets against balanced mixes of two people (null for k &lt; 4)
     */
    public record Sets(int samples, Rule rule, Calibration oneStranger, Calibration balancedMix) {}

    /** Genuine sets, sets with one stranger and balanced mixes of {@code k} samples, scored by {@code rule}. */
    public Sets sets(int k, Rule rule) {
        if (k < 2) throw new IllegalArgumentException("a set to judge needs two samples or more, got " + k);
        Scores genuine = new Scores(), stranger = new Scores(), mix = new Scores();
        for (List<Integer> images : byIdentity) {
            int n = images.size();
            if (n < k) continue;
            for (int start = 0; start < (n == k ? 1 : n); start++) {
                List<Embedding> set = new ArrayList<>(k);
                for (int j = 0; j < k; j++) set.add(embeddings.get(images.get((start + j) % n)));
                genuine.add(score(rule, set));
            }
        }
        int half = (k + 1) / 2, rest = k / 2;
        for (List<Integer> a : byIdentity) {
            if (a.size() < k - 1) continue;
            for (List<Integer> b : byIdentity) {
                if (b == a) continue;
                for (int stranger1 : b) {
                    List<Embedding> set = first(a, k - 1);
                    set.add(embeddings.get(stranger1));
                    stranger.add(score(rule, set));
                }
                if (k >= 4 && a.size() >= half && b.size() >= rest) {
                    List<Embedding> set = first(a, half);
                    set.addAll(first(b, rest));
                    mix.add(score(rule, set));
                }
            }
        }
        float[] g = genuine.toArray();
        return new Sets(k, rule, Calibration.ofScores(g, stranger.toArray()), k >= 4 ? Calibration.ofScores(g, mix.toArray()) : null);
    }

    /**
     * Adding one image to a person enrolled from their first {@code m}, judged as enrollment judges it (the added
     * sample against the person's template, {@link SamePerson#leastSimilarTo}): genuine = the person's other images,
     * impostor = every image of everyone else.
     */
    public Calibration joining(int m) {
        if (m < 1) throw new IllegalArgumentException("a person has at least one sample, got " + m);
        Scores genuine = new Scores(), stranger = new Scores();
        for (List<Integer> a : byIdentity) {
            if (a.size() < m) continue;
            Embedding template = new Person("enrolled", first(a, m)).template();
            for (List<Integer> b : byIdentity) {
                List<Integer> probes = b == a ? a.subList(m, a.size()) : b;
                for (int p : probes) {
                    (b == a ? genuine : stranger).add(SamePerson.leastSimilarTo(template, List.of(embeddings.get(p))).similarity());
                }
            }
        }
        return Calibration.ofScores(genuine.toArray(), stranger.toArray());
    }

    private List<Embedding> first(List<Integer> images, int count) {
        List<Embedding> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(embeddings.get(images.get(i)));
        return out;
    }

    private static float score(Rule rule, List<Embedding> set) {
        switch (rule) {
            case PAIRWISE:
                return SamePerson.leastSimilarPair(set).similarity();
            case LEAVE_ONE_OUT:
                return leastToMean(set, true);
            default:
                return leastToMean(set, false);
        }
    }

    /** The least cosine of a sample to the mean of the set, without ({@code leaveOut}) or with the sample itself. */
    private static float leastToMean(List<Embedding> set, boolean leaveOut) {
        int dim = set.get(0).dimension();
        float[] sum = new float[dim];
        for (Embedding e : set) for (int i = 0; i < dim; i++) sum[i] += e.values()[i];
        float least = Float.MAX_VALUE;
        for (Embedding e : set) {
            float[] mean = sum.clone();
            if (leaveOut) for (int i = 0; i < dim; i++) mean[i] -= e.values()[i];
            least = Math.min(least, e.cosine(new Embedding(mean)));
        }
        return least;
    }
}
