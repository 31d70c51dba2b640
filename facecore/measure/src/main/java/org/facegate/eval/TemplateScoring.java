package org.facegate.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.facegate.embed.Embedding;
import org.facegate.match.Person;

/**
 * How to match a person enrolled from several samples, measured on a labeled set of embeddings. Every identity
 * with more than {@code k} images is enrolled from its first {@code k} (so the samples are different photos, the
 * hardest case for a template); its other images are genuine probes, every image of every other identity is an
 * impostor probe. Thresholds are calibrated one image against one image, so what matters is how far a rule moves
 * the false-accept rate at those thresholds, and how many genuine probes it accepts at an equal false-accept rate.
 */
public final class TemplateScoring {
    /** Ways of scoring a probe against a person's samples. */
    public enum Rule {
        /** The best cosine over the samples. */
        BEST_SAMPLE,
        /** The mean of the two best cosines (the best alone for a single sample). */
        MEAN_OF_BEST_TWO,
        /** Cosine to the samples' normalized mean: {@link Person#score}, what FaceGate matches by. */
        TEMPLATE
    }

    private final List<Embedding> embeddings;
    private final List<String> identity;
    private final List<List<Integer>> byIdentity;

    /**
     * @param embeddings one per image
     * @param identity   the person of each image (same index); images of a person in the order they should enroll
     */
    public TemplateScoring(List<Embedding> embeddings, List<String> identity) {
        this.embeddings = embeddings;
        this.identity = identity;
        this.byIdentity = Identities.imagesOf(identity);
    }

    /** Genuine and impostor scores of {@code rule} with templates of {@code k} samples. */
    public Result evaluate(int k, Rule rule) {
        if (k < 1) throw new IllegalArgumentException("a template needs at least one sample, got " + k);
        Scores genuine = new Scores(), impostor = new Scores();
        int people = 0;
        float[] cos = new float[k];
        for (List<Integer> images : byIdentity) {
            if (images.size() <= k) continue;
            people++;
            List<Embedding> samples = new ArrayList<>(k);
            for (int i = 0; i < k; i++) samples.add(embeddings.get(images.get(i)));
            Person person = new Person(identity.get(images.get(0)), samples);
            for (int i = 0; i < embeddings.size(); i++) {
                boolean same = identity.get(i).equals(person.name());
                if (same && images.indexOf(i) < k) continue; // an enrollment sample is not a probe
                Embedding probe = embeddings.get(i);
                float s;
                if (rule == Rule.TEMPLATE) {
                    s = person.score(probe);
                } else {
                    for (int j = 0; j < k; j++) cos[j] = samples.get(j).cosine(probe);
                    Arrays.sort(cos);
                    s = rule == Rule.BEST_SAMPLE || k == 1 ? cos[k - 1] : (cos[k - 1] + cos[k - 2]) / 2;
                }
                (same ? genuine : impostor).add(s);
            }
        }
        return new Result(k, rule, people, Calibration.ofScores(genuine.toArray(), impostor.toArray()));
    }

    /**
     * Trials of one rule.
     *
     * @param samples samples per template
     * @param rule    the scoring rule
     * @param people  identities enrolled (those with more images than {@code samples})
     * @param scores  genuine trials (people's own other images) and impostor trials (everyone else's images), with
     *                the same threshold, FAR and FRR measures as the one-to-one calibration (accept when score &ge;
     *                threshold, as {@link org.facegate.match.Matcher} does)
     */
    public record Result(int samples, Rule rule, int people, Calibration scores) {}
}
