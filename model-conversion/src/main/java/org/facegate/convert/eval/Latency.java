package org.facegate.convert.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.facegate.convert.ModelRunner;
import org.facegate.inference.ModelException;
import org.facegate.inference.desktop.DesktopRuntime;

/**
 * Inference latency of several models on one interpreter thread (XNNPACK on, as facecore's desktop factory sets
 * it). Rounds interleave the models, each running once per round on the same crop, so drifts of machine load hit
 * all models alike and their ratios stay meaningful. Reports the median per model.
 */
public final class Latency {
    private Latency() {}

    /** Median milliseconds per model. */
    public static double[] medians(List<byte[]> models, float[] crop, int warmup, int rounds) throws ModelException {
        DesktopRuntime cpu = new DesktopRuntime(1);
        List<ModelRunner> runners = new ArrayList<>();
        try {
            for (byte[] m : models) runners.add(new ModelRunner(m, cpu));
            for (int w = 0; w < warmup; w++) for (ModelRunner r : runners) r.run(crop);
            double[][] ms = new double[models.size()][rounds];
            for (int i = 0; i < rounds; i++) {
                for (int m = 0; m < runners.size(); m++) {
                    long t0 = System.nanoTime();
                    runners.get(m).run(crop);
                    ms[m][i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            double[] med = new double[models.size()];
            for (int m = 0; m < med.length; m++) {
                Arrays.sort(ms[m]);
                med[m] = rounds % 2 == 1 ? ms[m][rounds / 2] : (ms[m][rounds / 2 - 1] + ms[m][rounds / 2]) / 2;
            }
            return med;
        } finally {
            for (ModelRunner r : runners) r.close();
        }
    }
}
