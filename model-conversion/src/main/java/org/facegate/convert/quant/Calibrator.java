package org.facegate.convert.quant;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facegate.convert.model.Graph;
import org.facegate.convert.model.TfliteReader;
import org.facegate.convert.model.TfliteWriter;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelOptions;
import org.tensorflow.lite.schema.TensorType;

/**
 * Measures activation statistics by running the float model with every run-time tensor exposed as a graph output
 * (TFLite only keeps outputs; intermediate buffers are reused). Two passes over the crops: the first finds each
 * tensor's minimum and maximum, the second fills a fine histogram over that range, from which the tail quantiles
 * of {@link ActivationRanges#TAILS} are read. Deterministic for a given list of crops.
 */
public final class Calibrator {
    private static final int BINS = 1 << 14;

    private Calibrator() {}

    /**
     * @param floatModel the float32 batch-1 graph (bytes of {@link org.facegate.convert.rewrite.FloatGraph})
     * @param crops      normalized 112x112x3 inputs
     * @param header     provenance lines for the file
     */
    public static ActivationRanges measure(byte[] floatModel, List<float[]> crops, InferenceRuntime runtime,
            List<String> header) throws Exception {
        Graph g = Graph.of(TfliteReader.parse(floatModel, "float model"));
        List<Integer> observed = new ArrayList<>();
        for (int t = 0; t < g.tensors.size(); t++) {
            if (!g.isConstant(t) && g.tensor(t).getType() == TensorType.FLOAT32) observed.add(t);
        }
        int[] outs = new int[observed.size()];
        for (int i = 0; i < outs.length; i++) outs[i] = observed.get(i);
        g.setOutputs(outs);
        byte[] exposed = TfliteWriter.serialize(g.toModel());
        ByteBuffer model = ByteBuffer.allocateDirect(exposed.length).order(ByteOrder.nativeOrder());
        model.put(exposed).rewind();

        float[] min = new float[outs.length], max = new float[outs.length];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        long[][] hist = new long[outs.length][];
        long[] count = new long[outs.length];
        try (InferenceModel it = runtime.open(model, "float model with every activation exposed", ModelOptions.CPU)) {
            ByteBuffer[] buffers = new ByteBuffer[it.outputCount()];
            for (int o = 0; o < buffers.length; o++) buffers[o] = it.output(o).allocate();
            ByteBuffer input = it.input(0).allocate();
            for (int pass = 0; pass < 2; pass++) {
                for (float[] crop : crops) {
                    input.clear();
                    input.asFloatBuffer().put(crop);
                    it.run(new ByteBuffer[] {input}, buffers);
                    for (int o = 0; o < outs.length; o++) {
                        FloatBuffer v = buffers[o].rewind().asFloatBuffer();
                        if (pass == 0) minMax(v, o, min, max);
                        else count[o] += histogram(v, min[o], max[o], hist[o]);
                    }
                }
                if (pass == 0) for (int o = 0; o < outs.length; o++) hist[o] = new long[BINS];
            }
        }
        Map<String, ActivationRanges.TensorStats> stats = new LinkedHashMap<>();
        for (int o = 0; o < outs.length; o++) {
            int k = ActivationRanges.TAILS.length;
            float[] lo = new float[k], hi = new float[k];
            for (int i = 0; i < k; i++) {
                long tail = (long) Math.floor(ActivationRanges.TAILS[i] * count[o]);
                lo[i] = quantile(hist[o], min[o], max[o], tail);
                hi[i] = quantile(hist[o], min[o], max[o], count[o] - tail);
            }
            stats.put(g.tensor(outs[o]).getName(), new ActivationRanges.TensorStats(min[o], max[o], lo, hi));
        }
        return new ActivationRanges(header, stats);
    }

    private static void minMax(FloatBuffer v, int o, float[] min, float[] max) {
        float lo = min[o], hi = max[o];
        for (int i = 0; i < v.limit(); i++) {
            float x = v.get(i);
            if (x < lo) lo = x;
            if (x > hi) hi = x;
        }
        min[o] = lo;
        max[o] = hi;
    }

    private static int histogram(FloatBuffer v, float min, float max, long[] h) {
        double scale = max > min ? BINS / ((double) max - min) : 0;
        for (int i = 0; i < v.limit(); i++) {
            int b = (int) ((v.get(i) - (double) min) * scale);
            h[Math.max(0, Math.min(BINS - 1, b))]++;
        }
        return v.limit();
    }

    /** The value below which {@code rank} of the counted values lie, interpolated within its bin. */
    private static float quantile(long[] h, float min, float max, long rank) {
        double width = ((double) max - min) / BINS;
        long seen = 0;
        for (int b = 0; b < h.length; b++) {
            if (seen + h[b] >= rank) {
                double frac = h[b] == 0 ? 0 : (double) (rank - seen) / h[b];
                return (float) (min + (b + frac) * width);
            }
            seen += h[b];
        }
        return max;
    }
}
