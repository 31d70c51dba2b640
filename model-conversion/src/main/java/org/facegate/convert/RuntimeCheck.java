package org.facegate.convert;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.facegate.embed.Normalization;
import org.facegate.tflite.EmbeddingModelInfo;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;

/**
 * Validates a converted variant by running it on the JVM's TFLite runtime: it must load, take {@code [1,112,112,3]}
 * and give {@code [1,D]}, carry metadata that facecore's reader accepts (normalization, dimension), and its output
 * on real aligned faces must point the same way as the reference's: the batch-2 source for the float32 rewrite,
 * the float32 rewrite for the quantized variants. The floors catch a broken conversion; they sit well below the
 * measured values (REPORT.md), so they do not flake.
 */
public final class RuntimeCheck {
    private RuntimeCheck() {}

    /** Minimum cosine to the reference on every probe face. */
    public static double floor(Variant v) {
        switch (v) {
            case FLOAT32:
                return 0.9999;
            case FP16:
                return 0.999;
            default:
                return 0.9;
        }
    }

    /**
     * @param reference the model the variant must agree with (see class comment)
     * @param crops     normalized aligned faces
     * @return the lowest cosine seen
     */
    public static double verify(Variant v, byte[] model, byte[] reference, List<float[]> crops, InferenceRuntime runtime)
            throws ConversionException {
        String name = v.fileName();
        if (crops.isEmpty()) throw new ConversionException("no probe faces to check " + name + " with");
        EmbeddingModelInfo info;
        try {
            info = EmbeddingModelInfo.read(ByteBuffer.wrap(model), name);
        } catch (ModelException e) {
            throw new ConversionException(e.getMessage(), e);
        }
        if (!info.normalization().equals(Normalization.FACENET)) {
            throw new ConversionException(name + ": metadata normalization " + info.normalization() + " is not " + Normalization.FACENET);
        }
        double min = 1;
        try (ModelRunner m = new ModelRunner(model, runtime); ModelRunner ref = new ModelRunner(reference, runtime)) {
            int[] in = m.inputShape(), out = m.outputShape();
            if (!Arrays.equals(in, new int[] {1, 112, 112, 3}) || out.length != 2 || out[0] != 1 || out[1] != info.dimension()) {
                throw new ConversionException(name + ": runs as " + Arrays.toString(in) + " -> " + Arrays.toString(out)
                        + ", expected [1, 112, 112, 3] -> [1, " + info.dimension() + "]");
            }
            for (float[] crop : crops) min = Math.min(min, ModelRunner.cosine(m.run(crop), ref.run(crop)));
        } catch (ModelException | RuntimeException e) {
            throw new ConversionException(name + ": TFLite runtime rejected the model: " + e.getMessage(), e);
        }
        if (!(min >= floor(v))) {
            throw new ConversionException(name + ": output differs from its reference (lowest cosine " + min + " < " + floor(v) + ")");
        }
        return min;
    }
}
