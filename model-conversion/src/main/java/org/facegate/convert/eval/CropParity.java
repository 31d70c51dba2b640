package org.facegate.convert.eval;

import java.util.List;
import org.facegate.convert.ModelRunner;
import org.facegate.tflite.CpuInterpreterFactory;

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
    public static CropParity of(byte[] model, byte[] reference, List<float[]> crops) {
        CpuInterpreterFactory cpu = new CpuInterpreterFactory(1);
        double sum = 0, min = 1;
        int same = 0;
        try (ModelRunner m = new ModelRunner(model, cpu); ModelRunner r = new ModelRunner(reference, cpu)) {
            for (float[] c : crops) {
                float[] a = m.run(c), b = r.run(c);
                double cos = ModelRunner.cosine(a, b);
                sum += cos;
                min = Math.min(min, cos);
                if (java.util.Arrays.equals(a, b)) same++;
            }
        }
        return new CropParity(sum / crops.size(), min, same, crops.size());
    }
}
