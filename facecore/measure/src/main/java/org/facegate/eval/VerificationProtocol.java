package org.facegate.eval;

import java.util.Arrays;

/**
 * The LFW protocol over similarity scores: k-fold accuracy with the threshold chosen on the other folds, ROC AUC
 * and TAR at fixed FAR. A trial that failed (no face found) carries score {@link Double#NaN} and counts as an
 * error whatever the threshold: it is neither skipped nor given a lucky score.
 */
public final class VerificationProtocol {
    private VerificationProtocol() {}

    /** The protocol over the trials of a pairs list, folds as the list assigns them. */
    public static VerificationReport evaluate(java.util.List<Pair> pairs, double[] scores) {
        boolean[] same = new boolean[pairs.size()];
        int[] fold = new int[pairs.size()];
        int folds = 0;
        for (int i = 0; i < same.length; i++) {
            same[i] = pairs.get(i).same();
            fold[i] = pairs.get(i).fold();
            folds = Math.max(folds, fold[i] + 1);
        }
        return evaluate(scores, same, fold, folds);
    }

    /**
     * @param scores similarity per trial (higher = more alike), NaN for a failed trial
     * @param same   ground truth per trial
     * @param fold   fold index per trial, 0..folds-1
     */
    public static VerificationReport evaluate(double[] scores, boolean[] same, int[] fold, int folds) {
        int n = scores.length;
        double[] acc = new double[folds];
        double thrSum = 0;
        for (int k = 0; k < folds; k++) {
            // several thresholds usually tie for the best training accuracy: take the middle of their range rather
            // than the lowest, which sits on the edge of the impostor scores and generalizes worse to the held-out fold
            double best = Double.NEGATIVE_INFINITY, lo = 0, hi = 0;
            for (double t : candidates(scores)) {
                double a = accuracy(scores, same, fold, k, false, t);
                if (a > best) {
                    best = a;
                    lo = t;
                }
                if (a == best) hi = t;
            }
            double bestThr = (lo + hi) / 2;
            acc[k] = accuracy(scores, same, fold, k, true, bestThr);
            thrSum += bestThr;
        }
        double mean = Arrays.stream(acc).average().orElse(0);
        double var = 0;
        for (double a : acc) var += (a - mean) * (a - mean);
        int failures = 0;
        for (double s : scores) if (Double.isNaN(s)) failures++;
        return new VerificationReport(mean, Math.sqrt(var / folds), auc(scores, same), tarAtFar(scores, same, 1e-3),
                tarAtFar(scores, same, 1e-4), thrSum / folds, n, failures);
    }

    /** Midpoints between consecutive distinct scores: every threshold that could change a decision. */
    private static double[] candidates(double[] scores) {
        double[] s = Arrays.stream(scores).filter(x -> !Double.isNaN(x)).sorted().distinct().toArray();
        if (s.length == 0) return new double[] {0};
        double[] c = new double[s.length + 1];
        c[0] = s[0] - 1e-6;
        for (int i = 1; i < s.length; i++) c[i] = (s[i - 1] + s[i]) / 2;
        c[s.length] = s[s.length - 1] + 1e-6;
        return c;
    }

    /** Accuracy on fold k (inFold) or on all other folds (!inFold); failed trials are wrong. */
    private static double accuracy(double[] scores, boolean[] same, int[] fold, int k, boolean inFold, double thr) {
        int right = 0, total = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((fold[i] == k) != inFold) continue;
            total++;
            if (!Double.isNaN(scores[i]) && (scores[i] > thr) == same[i]) right++;
        }
        return total == 0 ? 0 : (double) right / total;
    }

    /**
     * True-accept rate at the smallest threshold whose false-accept rate is at most {@code far}. Failed genuine
     * trials are rejections; failed impostor trials are rejections too (they never open the gate).
     */
    public static double tarAtFar(double[] scores, boolean[] same, double far) {
        double thr = thresholdAtFar(scores, same, far);
        int genuine = 0, accepted = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!same[i]) continue;
            genuine++;
            if (!Double.isNaN(scores[i]) && scores[i] > thr) accepted++;
        }
        return genuine == 0 ? 0 : (double) accepted / genuine;
    }

    /**
     * The lowest threshold (accept when score &gt; threshold) at which at most {@code far} of the impostor trials
     * are accepted.
     */
    public static double thresholdAtFar(double[] scores, boolean[] same, double far) {
        double[] imp = impostors(scores, same);
        int allowed = (int) Math.floor(far * imp.length);
        // accept strictly above: the (allowed+1)-th highest impostor score is the threshold
        return imp.length == 0 ? 1 : imp[imp.length - 1 - Math.min(allowed, imp.length - 1)];
    }

    /** Impostor scores sorted ascending, failed trials left out (they cannot be accepted). */
    public static double[] impostors(double[] scores, boolean[] same) {
        int m = 0;
        for (int i = 0; i < scores.length; i++) if (!same[i] && !Double.isNaN(scores[i])) m++;
        double[] imp = new double[m];
        for (int i = 0, j = 0; i < scores.length; i++) if (!same[i] && !Double.isNaN(scores[i])) imp[j++] = scores[i];
        Arrays.sort(imp);
        return imp;
    }

    /** ROC AUC: the probability that a genuine trial outscores an impostor trial (ties half); failures score -inf. */
    public static double auc(double[] scores, boolean[] same) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(val(scores[a]), val(scores[b])));
        double rankSum = 0;
        long pos = 0, neg = 0;
        for (int i = 0; i < idx.length; ) {
            int j = i;
            while (j < idx.length && val(scores[idx[j]]) == val(scores[idx[i]])) j++;
            double rank = (i + j + 1) / 2.0; // average 1-based rank of the tie group
            for (int t = i; t < j; t++) if (same[idx[t]]) rankSum += rank;
            i = j;
        }
        for (boolean s : same) if (s) pos++; else neg++;
        if (pos == 0 || neg == 0) return 0;
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    private static double val(double s) {
        return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s;
    }
}
