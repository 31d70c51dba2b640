package org.facegate.embed;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.facegate.image.RgbImage;
import org.facegate.image.Sampler;
import org.facegate.tflite.EmbeddingModelInfo;
import org.facegate.inference.ElementType;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.inference.Placement;
import org.facegate.inference.TensorSpec;

/**
 * A FaceNet-family embedding model (MobileFaceNet and its converted variants), run through the inference port with
 * float32 maths ({@link ModelOptions#EXACT}: the security levels' thresholds were calibrated in float32). Input size, batch and
 * data type are read from the model's input tensor: float models get normalized floats; fully integer-quantized
 * models get values quantized with the tensor's own scale and zero point. With flip averaging on, the embedding is
 * the mean of the face and its mirror image (a batch of two when the model takes two, else two runs), which
 * removes part of the pose and lighting asymmetry and measurably raises LFW accuracy.
 */
public final class TfliteEmbedder implements Embedder {
    private final InferenceModel model;
    private final String modelId;
    private final Normalization norm;
    private final boolean flip;
    private final int batch, height, width, dim;
    private final ElementType inType, outType;
    private final ByteBuffer input;
    private final FloatBuffer staging;
    private final ByteBuffer output;
    private final ByteBuffer[] inputs, outputs;
    private final float[] sum;
    private final float inScale, outScale;
    private final int inZero, outZero;

    /**
     * @param model       the opened embedding model, owned (closed) by this embedder, also when this constructor throws
     * @param modelId     identifier stored with templates made by this model
     * @param flipAverage embed the mirrored face too and average
     * @throws ModelException if the input is not [N, H, W, 3] or the output not [N, D], or their types are neither
     *     float32 nor 8-bit quantized
     */
    public TfliteEmbedder(InferenceModel model, String modelId, Normalization norm, boolean flipAverage) throws ModelException {
        this.model = model;
        this.modelId = modelId;
        this.norm = norm;
        this.flip = flipAverage;
        TensorSpec in = model.input(0);
        TensorSpec out = model.output(0);
        if (in.rank() != 4 || in.dim(3) != 3 || out.rank() != 2 || out.dim(0) != in.dim(0) || !supported(in.type()) || !supported(out.type())) {
            model.close();
            throw new ModelException(modelId + ": expected input [N,H,W,3] and output [N,D] of float32, int8 or uint8, got "
                    + in + " -> " + out);
        }
        batch = in.dim(0);
        height = in.dim(1);
        width = in.dim(2);
        dim = out.dim(1);
        inType = in.type();
        outType = out.type();
        inScale = in.scale();
        inZero = in.zeroPoint();
        outScale = out.scale();
        outZero = out.zeroPoint();
        input = in.allocate();
        output = out.allocate();
        inputs = new ByteBuffer[] {input};
        outputs = new ByteBuffer[model.outputCount()];
        outputs[0] = output;
        staging = FloatBuffer.allocate(height * width * 3 * batch);
        sum = new float[dim];
    }

    private static boolean supported(ElementType t) {
        return t == ElementType.FLOAT32 || t == ElementType.INT8 || t == ElementType.UINT8;
    }

    /** model-conversion names its embedding variants like this (e.g. mobilefacenet-fp16.tflite). */
    public static final String SHIPPED_PREFIX = "mobilefacenet";

    /**
     * The one embedding model among shipped model files (the names of model-conversion's models.sha256): exactly one
     * variant ships, so an app or CLI never has to guess which model its templates belong to.
     *
     * @param files    the shipped file names
     * @param listName names the list in errors
     * @throws ModelException if the list holds no {@value #SHIPPED_PREFIX}*.tflite file or several
     */
    public static String shippedFile(Collection<String> files, String listName) throws ModelException {
        List<String> found = new ArrayList<>();
        for (String name : files) if (name.startsWith(SHIPPED_PREFIX) && name.endsWith(".tflite")) found.add(name);
        if (found.size() != 1) throw new ModelException("expected exactly one " + SHIPPED_PREFIX + "*.tflite in " + listName + ", found " + found);
        return found.get(0);
    }

    /**
     * An embedder for a model that describes itself (a model-conversion variant): normalization and model id come
     * from its TFLite metadata, input size and type from its input tensor, so any variant (float32, fp16, int8)
     * is fed correctly without constants in code.
     *
     * @param model    the model buffer (checksum-verified when it is a shipped model; any file from the CLI)
     * @param fileName names the model in errors
     * @throws ModelException if the buffer is not a TFLite model, the metadata is missing or incomplete, the
     *     runtime refuses the model (a truncated file can keep its metadata), the tensors are not an embedding
     *     model's, or the output length differs from the dimension the metadata declares
     */
    public static TfliteEmbedder describedBy(ByteBuffer model, String fileName, InferenceRuntime runtime, boolean flipAverage)
            throws ModelException {
        return describedBy(model, fileName, runtime, flipAverage, ModelOptions.EXACT);
    }

    /** As {@link #describedBy(ByteBuffer, String, InferenceRuntime, boolean)}, placed as {@code options} ask (e.g. the CPU). */
    public static TfliteEmbedder describedBy(ByteBuffer model, String fileName, InferenceRuntime runtime, boolean flipAverage,
            ModelOptions options) throws ModelException {
        EmbeddingModelInfo info = EmbeddingModelInfo.read(model, fileName);
        InferenceModel opened = runtime.open(model, fileName, options);
        TfliteEmbedder e;
        try {
            e = new TfliteEmbedder(opened, info.modelId(), info.normalization(), flipAverage);
        } catch (ModelException wrongShape) {
            throw new ModelException(fileName + ": " + wrongShape.getMessage(), wrongShape);
        }
        if (e.dimension() != info.dimension()) {
            e.close();
            throw new ModelException(fileName + ": output dimension " + e.dimension() + " but metadata says " + info.dimension());
        }
        return e;
    }

    @Override
    public Embedding embed(RgbImage source, double[] affine) {
        Arrays.fill(sum, 0);
        double[] mirrored = flip ? org.facegate.align.Aligner.mirrored(affine) : null;
        if (batch >= 2) {
            ((Buffer) staging).clear();
            Sampler.warpAffine(source, affine, width, height, norm.mean(), norm.std(), staging);
            Sampler.warpAffine(source, flip ? mirrored : affine, width, height, norm.mean(), norm.std(), staging);
            run();
            accumulate(0);
            if (flip) accumulate(1);
        } else {
            ((Buffer) staging).clear();
            Sampler.warpAffine(source, affine, width, height, norm.mean(), norm.std(), staging);
            run();
            accumulate(0);
            if (flip) {
                ((Buffer) staging).clear();
                Sampler.warpAffine(source, mirrored, width, height, norm.mean(), norm.std(), staging);
                run();
                accumulate(0);
            }
        }
        return new Embedding(sum);
    }

    /** Copies the staged floats into the input tensor (quantizing if needed), runs the model. */
    private void run() {
        int n = staging.position();
        ((Buffer) input).clear();
        if (inType == ElementType.FLOAT32) {
            for (int i = 0; i < n; i++) input.putFloat(staging.get(i));
        } else {
            boolean signed = inType == ElementType.INT8;
            for (int i = 0; i < n; i++) {
                int q = Math.round(staging.get(i) / inScale) + inZero;
                q = signed ? Math.max(-128, Math.min(127, q)) : Math.max(0, Math.min(255, q));
                input.put((byte) q);
            }
        }
        // a batch-2 model given one face: fill the rest with zeros, its output row is ignored
        while (input.hasRemaining()) input.put((byte) 0);
        model.run(inputs, outputs);
    }

    private void accumulate(int row) {
        int at = row * dim;
        if (outType == ElementType.FLOAT32) {
            for (int i = 0; i < dim; i++) sum[i] += output.getFloat(4 * (at + i));
        } else {
            boolean signed = outType == ElementType.INT8;
            for (int i = 0; i < dim; i++) {
                byte b = output.get(at + i);
                sum[i] += ((signed ? b : b & 0xFF) - outZero) * outScale;
            }
        }
    }

    /** Embedding dimension (192 for MobileFaceNet). */
    public int dimension() {
        return dim;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    /** Where the model runs. */
    public Placement placement() {
        return model.placement();
    }

    @Override
    public void close() {
        model.close();
    }
}
