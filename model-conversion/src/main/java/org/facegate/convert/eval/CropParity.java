package org.facegate.convert.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.facegate.convert.ModelRunner;
import org.facegate.inference.ModelException;
import org.facegate.inference.desktop.DesktopRuntime;

/**
 * Agreement of a model's raw output with a reference model's on the same crops (no flip averaging, no
 * normalization): the direct measure of what a rewrite or quantization changed.
 *
 * @param mean      mean cosine
 * @param min       lowest cosine
 * @param identical crops on which the outputs are bit-identical
 * @param crops     number of crops
 */
public record CropParity(double mean, double min, int identical, int crops) {
    public static CropParity of(byte[] model, byte[] reference, List<float[]> crops) throws Exception {
        return all(List.of(model), reference, crops, 1).get(0);
    }

    /**
     * The parity of each model with the reference, in the models' order. The reference runs once; each model's
     * crops are split over {@code workers} threads (int8 models run ~70x slower than float ones on the JVM runtime).
     */
    public static List<CropParity> all(List<byte[]> models, byte[] reference, List<float[]> crops, int workers)
            throws Exception {
        List<float[]> expected = outputs(reference, crops, 0, 1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<List<Future<List<float[]>>>> jobs = new ArrayList<>();
            for (byte[] m : models) {
                List<Future<List<float[]>>> shares = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    int first = w;
                    shares.add(pool.submit(() -> outputs(m, crops, first, workers)));
                }
                jobs.add(shares);
            }
            List<CropParity> out = new ArrayList<>();
            for (List<Future<List<float[]>>> shares : jobs) {
                float[][] got = new float[crops.size()][];
                for (int w = 0; w < workers; w++) {
                    List<float[]> share = shares.get(w).get();
                    for (int i = 0; i < share.size(); i++) got[w + i * workers] = share.get(i);
                }
                out.add(compare(Arrays.asList(got), expected));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The model's outputs for crops first, first + step, ... */
    private static List<float[]> outputs(byte[] model, List<float[]> crops, int first, int step) throws ModelException {
        List<float[]> out = new ArrayList<>();
        try (ModelRunner m = new ModelRunner(model, new DesktopRuntime(1))) {
            for (int i = first; i < crops.size(); i += step) out.add(m.run(crops.get(i)));
        }
        return out;
    }

    private static CropParity compare(List<float[]> a, List<float[]> b) {
        double sum = 0, min = 1;
        int same = 0;
        for (int i = 0; i < a.size(); i++) {
            double cos = ModelRunner.cosine(a.get(i), b.get(i));
            sum += cos;
            min = Math.min(min, cos);
            if (Arrays.equals(a.get(i), b.get(i))) same++;
        }
        return new CropParity(sum / a.size(), min, same, a.size());
    }
}
