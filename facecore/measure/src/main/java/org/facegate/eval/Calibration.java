package org.facegate.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.facegate.embed.Embedding;

/**
 * Threshold calibration from a labeled set of embeddings: every pair of images of different people is an
 * impostor trial, every pair of images of the same person a genuine one. With ~4,000 LFW images that is millions
 * of impostor trials, enough to measure false-accept rates down to 1e-4 and beyond (the 1,500 impostor pairs of
 * pairs.txt alone cannot resolve 1e-4).
 */
public final class Calibration {
    private final float[] impostor;
    private final float[] genuine;

    /**
     * @param embeddings one per image
     * @param identity   the person of each image (same index)
     */
    public Calibration(List<Embedding> embeddings, List<String> identity) {
        List<Float> gen = new ArrayList<>();
        int n = embeddings.size();
        int impCount = 0;
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) if (!identity.get(i).equals(identity.get(j))) impCount++;
        impostor = new float[impCount];
        int ii = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float s = embeddings.get(i).cosine(embeddings.get(j));
                if (identity.get(i).equals(identity.get(j))) gen.add(s);
                else impostor[ii++] = s;
            }
        }
        genuine = new float[gen.size()];
        for (int i = 0; i < genuine.length; i++) genuine[i] = gen.get(i);
        Arrays.sort(impostor);
        Arrays.sort(genuine);
    }

    private Calibration(float[] genuine, float[] impostor) {
        this.genuine = genuine;
        this.impostor = impostor;
        Arrays.sort(genuine);
        Arrays.sort(impostor);
    }

    /**
     * The same measures over trials scored elsewhere (e.g. multi-sample templates against probes,
     * {@link TemplateScoring}); the arrays are copied.
     */
    public static Calibration ofScores(float[] genuine, float[] impostor) {
        return new Calibration(genuine.clone(), impostor.clone());
    }

    /** Number of impostor trials. */
    public int impostorTrials() {
        return impostor.length;
    }

    /** Number of genuine trials. */
    public int genuineTrials() {
        return genuine.length;
    }

    /** The impostor scores, sorted ascending; not copied (for tests of the trials themselves). */
    float[] impostorScores() {
        return impostor;
    }

    /** The lowest threshold t such that the fraction of impostor scores &ge; t is at most {@code far}. */
    public float thresholdAt(double far) {
        int allowed = (int) Math.floor(far * impostor.length);
        if (allowed >= impostor.length) return -1;
        // accept s >= t: put t just above the (allowed+1)-th highest impostor score
        return Math.nextUp(impostor[impostor.length - 1 - allowed]);
    }

    /** Measured false-accept rate at a threshold (accept when score &ge; t). */
    public double farAt(float t) {
        return (double) countAtLeast(impostor, t) / impostor.length;
    }

    /** Measured false-reject rate at a threshold. */
    public double frrAt(float t) {
        return genuine.length == 0 ? 0 : 1 - (double) countAtLeast(genuine, t) / genuine.length;
    }

    private static int countAtLeast(float[] sorted, float t) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) lo = mid + 1; else hi = mid;
        }
        return sorted.length - lo;
    }
}
