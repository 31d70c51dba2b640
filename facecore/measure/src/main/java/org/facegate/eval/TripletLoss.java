package org.facegate.eval;

import java.util.ArrayList;
import java.util.List;
import org.facegate.embed.Embedding;
import org.facegate.match.Person;

/**
 * The FaceNet triplet loss {@code max(0, ||a-p||^2 - ||a-n||^2 + alpha)} over unit embeddings, used here not to
 * train but to measure: how often a gallery's triplets violate the margin, and which enrolled people sit closer
 * together than it (twins, siblings), where identification deserves a warning.
 */
public final class TripletLoss {
    /** The margin FaceNet trains with. */
    public static final float ALPHA = 0.2f;

    private TripletLoss() {}

    /** Squared Euclidean distance of two unit vectors: {@code 2 - 2 cos}. */
    public static float squaredDistance(Embedding a, Embedding b) {
        return 2 - 2 * a.cosine(b);
    }

    /** The loss of one triplet; &gt; 0 means the margin is violated. */
    public static float loss(Embedding anchor, Embedding positive, Embedding negative, float alpha) {
        return Math.max(0, squaredDistance(anchor, positive) - squaredDistance(anchor, negative) + alpha);
    }

    /**
     * Fraction of all gallery triplets (anchor and positive: two samples of one person; negative: a sample of
     * another person) with positive loss at margin {@code alpha}. 0 when no triplet can be formed.
     */
    public static double violationRate(List<Person> gallery, float alpha) {
        long total = 0, violated = 0;
        for (Person p : gallery) {
            List<Embedding> s = p.samples();
            for (int a = 0; a < s.size(); a++) {
                for (int b = 0; b < s.size(); b++) {
                    if (a == b) continue;
                    for (Person q : gallery) {
                        if (q == p) continue;
                        for (Embedding n : q.samples()) {
                            total++;
                            if (loss(s.get(a), s.get(b), n, alpha) > 0) violated++;
                        }
                    }
                }
            }
        }
        return total == 0 ? 0 : (double) violated / total;
    }

    /**
     * Pairs of people whose closest samples are nearer than the margin allows: the squared distance between them
     * is less than the larger within-person spread plus {@code alpha}. Each entry is "A ~ B".
     */
    public static List<String> tooClose(List<Person> gallery, float alpha) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < gallery.size(); i++) {
            for (int j = i + 1; j < gallery.size(); j++) {
                Person p = gallery.get(i), q = gallery.get(j);
                float between = Float.MAX_VALUE;
                for (Embedding a : p.samples()) for (Embedding b : q.samples()) between = Math.min(between, squaredDistance(a, b));
                float spread = Math.max(spread(p), spread(q));
                if (between < spread + alpha) out.add(p.name() + " ~ " + q.name());
            }
        }
        return out;
    }

    /** Largest squared distance between two samples of one person (0 for a single sample). */
    private static float spread(Person p) {
        float m = 0;
        for (Embedding a : p.samples()) for (Embedding b : p.samples()) m = Math.max(m, squaredDistance(a, b));
        return m;
    }
}
