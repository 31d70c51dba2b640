package org.facegate.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.facegate.embed.Embedding;
import org.facegate.match.GalleryIndex;
import org.facegate.match.Identification;
import org.facegate.match.Matcher;
import org.facegate.match.Person;

/**
 * Open-set 1:K identification measured on a labeled set of embeddings, through {@link Matcher#identify} itself.
 * Each trial enrolls {@code people} identities drawn at random among those with at least two images, one random
 * image each (one-shot enrollment); their other images are mated probes, every image of everyone else is a
 * non-mated probe (a stranger at the door). Counts, over all trials: mated probes identified as themselves (DIR),
 * as someone else (misidentification), and non-mated probes identified as anyone (FPIR).
 */
public final class OpenSetIdentification {
    private final List<Embedding> embeddings;
    private final List<String> identity;
    private final List<List<Integer>> enrollable = new ArrayList<>();

    /**
     * @param embeddings one per image
     * @param identity   the person of each image (same index)
     */
    public OpenSetIdentification(List<Embedding> embeddings, List<String> identity) {
        this.embeddings = embeddings;
        this.identity = identity;
        for (List<Integer> images : Identities.imagesOf(identity)) if (images.size() >= 2) enrollable.add(images);
    }

    /** Identities with at least two images (one to enroll, one to probe). */
    public int enrollableIdentities() {
        return enrollable.size();
    }

    /**
     * Runs {@code trials} random galleries of {@code people} identities (seeded: the same seed draws the same
     * galleries, so matchers are compared on identical trials).
     */
    public Result evaluate(int people, int trials, Matcher matcher, long seed) {
        if (people < 1 || people > enrollable.size()) {
            throw new IllegalArgumentException("gallery of " + people + " people, but " + enrollable.size() + " have two images or more");
        }
        Random rnd = new Random(seed);
        long mated = 0, correct = 0, wrong = 0, nonMated = 0, falseAlarms = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < enrollable.size(); i++) order.add(i);
        for (int t = 0; t < trials; t++) {
            Collections.shuffle(order, rnd);
            List<Person> gallery = new ArrayList<>(people);
            boolean[] enrolledImage = new boolean[embeddings.size()];
            Set<String> enrolled = new HashSet<>();
            for (int p = 0; p < people; p++) {
                List<Integer> images = enrollable.get(order.get(p));
                int pick = images.get(rnd.nextInt(images.size()));
                enrolledImage[pick] = true;
                enrolled.add(identity.get(pick));
                gallery.add(new Person(identity.get(pick), Collections.singletonList(embeddings.get(pick))));
            }
            GalleryIndex index = GalleryIndex.of(gallery);
            for (int i = 0; i < embeddings.size(); i++) {
                if (enrolledImage[i]) continue;
                Identification id = matcher.identify(embeddings.get(i), index);
                if (enrolled.contains(identity.get(i))) {
                    mated++;
                    if (id.known() && id.name().equals(identity.get(i))) correct++;
                    else if (id.known()) wrong++;
                } else {
                    nonMated++;
                    if (id.known()) falseAlarms++;
                }
            }
        }
        return new Result(people, trials, mated, correct, wrong, nonMated, falseAlarms);
    }

    /**
     * The lowest threshold (to about 1e-4) at which identification without a margin has at most {@code fpir}, on the
     * same seeded galleries: what a margin's false-positive reduction would cost if bought with the threshold instead.
     */
    public float thresholdAtFpir(double fpir, int people, int trials, float from, long seed) {
        float lo = from, hi = 1f;
        while (hi - lo > 1e-4f) {
            float mid = (lo + hi) / 2;
            if (evaluate(people, trials, new Matcher(mid, 0f), seed).fpir() > fpir) lo = mid; else hi = mid;
        }
        return hi;
    }

    /**
     * Counts of one evaluation.
     *
     * @param people        gallery size
     * @param trials        random galleries
     * @param mated         probes of enrolled people
     * @param correct       of those, identified as themselves
     * @param misidentified of those, identified as another enrolled person
     * @param nonMated      probes of people not enrolled
     * @param falseAlarms   of those, identified as someone
     */
    public record Result(int people, int trials, long mated, long correct, long misidentified, long nonMated, long falseAlarms) {
        /** Detection and identification rate: mated probes identified as themselves. */
        public double dir() {
            return (double) correct / mated;
        }

        /** Mated probes identified as someone else. */
        public double misidentificationRate() {
            return (double) misidentified / mated;
        }

        /** False positive identification rate: non-mated probes identified as anyone. */
        public double fpir() {
            return (double) falseAlarms / nonMated;
        }
    }
}
