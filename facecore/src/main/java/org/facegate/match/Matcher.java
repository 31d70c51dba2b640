package org.facegate.match;

import java.util.List;
import org.facegate.embed.Embedding;

/**
 * 1:1 verification and 1:K identification with an explicit "unknown". Identification rejects a probe whose best
 * score is below the threshold, and also one whose best two people are within {@code margin} of each other:
 * a face that looks about equally like two enrolled people is not confidently either of them.
 */
public final class Matcher {
    private final float threshold;
    private final float margin;

    /**
     * @param threshold minimum cosine similarity to accept (see {@link SecurityLevel})
     * @param margin    minimum lead of the best person over the runner-up
     */
    public Matcher(float threshold, float margin) {
        this.threshold = threshold;
        this.margin = margin;
    }

    public Matcher(SecurityLevel level) {
        this(level.threshold(), level.margin());
    }

    /** Is this probe the given person? */
    public Verification verify(Embedding probe, Person person) {
        float s = person.score(probe);
        return new Verification(s, threshold, s >= threshold);
    }

    /** Which person of the gallery is this, if any? */
    public Identification identify(Embedding probe, List<Person> gallery) {
        return identify(probe, GalleryIndex.of(gallery));
    }

    /** Identification against a prebuilt index (large galleries, every camera frame). */
    public Identification identify(Embedding probe, GalleryIndex gallery) {
        int[] who = new int[2];
        float[] score = new float[2];
        gallery.search(probe, who, score);
        if (who[0] < 0) return new Identification(null, -1, null, -1, Identification.Reason.NOBODY_ENROLLED);
        String best = gallery.name(who[0]);
        if (score[0] < threshold) {
            return new Identification(null, score[0], best, score[1], Identification.Reason.BELOW_THRESHOLD);
        }
        if (who[1] >= 0 && score[0] - score[1] < margin) {
            return new Identification(null, score[0], best, score[1], Identification.Reason.AMBIGUOUS);
        }
        return new Identification(best, score[0], best, score[1], null);
    }

    public float threshold() {
        return threshold;
    }
}
