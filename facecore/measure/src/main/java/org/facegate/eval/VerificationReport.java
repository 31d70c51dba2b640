package org.facegate.eval;

/**
 * Results of the standard verification protocol.
 *
 * @param accuracy       mean k-fold accuracy, threshold chosen on the other folds
 * @param accuracyStd    standard deviation of the per-fold accuracies
 * @param auc            area under the ROC curve over all pairs
 * @param tarAtFar1e3    true-accept rate at false-accept rate 1e-3 (over all pairs)
 * @param tarAtFar1e4    true-accept rate at false-accept rate 1e-4 (over all pairs; with few impostors this is the
 *                       zero-false-accept point)
 * @param meanThreshold  mean of the per-fold chosen thresholds
 * @param pairs          number of trials
 * @param failures       trials where a face was not found in one of the images (scored as errors)
 */
public record VerificationReport(double accuracy, double accuracyStd, double auc, double tarAtFar1e3, double tarAtFar1e4,
        double meanThreshold, int pairs, int failures) {}
