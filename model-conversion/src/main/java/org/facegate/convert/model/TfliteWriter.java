package org.facegate.convert.model;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.Metadata;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.QuantizationDetails;
import org.tensorflow.lite.schema.QuantizationParameters;
import org.tensorflow.lite.schema.QuantizationParametersT;
import org.tensorflow.lite.schema.SignatureDef;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorT;

/**
 * Serializes a model to TFLite bytes. Unlike the schema's own {@code ModelT.serializeToBinary()}, buffer payloads
 * are 16-byte aligned, as the schema asks ({@code data:[ubyte] (force_align: 16)}) and as TFLite's own converter
 * writes them: kernels and delegates read weights in place from the (memory-mapped) file. Buffers are written
 * first, so they sit at the end of the file after the small graph tables, like the converter's output.
 * The output is a pure function of the model: the same model gives the same bytes.
 */
public final class TfliteWriter {
    private static final int BUFFER_ALIGNMENT = 16;

    private TfliteWriter() {}

    public static byte[] serialize(ModelT m) {
        long payload = 0;
        for (BufferT b : m.getBuffers()) if (b.getData() != null) payload += b.getData().length + BUFFER_ALIGNMENT;
        FlatBufferBuilder fbb = new FlatBufferBuilder((int) Math.min(Integer.MAX_VALUE - 8, payload + (1 << 16)));

        BufferT[] buffers = m.getBuffers();
        int[] bufferOffsets = new int[buffers.length];
        int[] dataOffsets = new int[buffers.length];
        for (int i = 0; i < buffers.length; i++) dataOffsets[i] = alignedData(fbb, buffers[i].getData());
        for (int i = 0; i < buffers.length; i++) {
            Buffer.startBuffer(fbb);
            if (dataOffsets[i] != 0) Buffer.addData(fbb, dataOffsets[i]);
            bufferOffsets[i] = Buffer.endBuffer(fbb);
        }
        int buffersVector = Model.createBuffersVector(fbb, bufferOffsets);

        int[] codes = new int[m.getOperatorCodes().length];
        for (int i = 0; i < codes.length; i++) codes[i] = OperatorCode.pack(fbb, m.getOperatorCodes()[i]);
        int codesVector = Model.createOperatorCodesVector(fbb, codes);

        int[] subgraphs = new int[m.getSubgraphs().length];
        SharedVectors shared = new SharedVectors(fbb);
        for (int i = 0; i < subgraphs.length; i++) subgraphs[i] = subgraph(fbb, m.getSubgraphs()[i], shared);
        int subgraphsVector = Model.createSubgraphsVector(fbb, subgraphs);

        int description = m.getDescription() == null ? 0 : fbb.createString(m.getDescription());
        int[] mb = m.getMetadataBuffer();
        int metadataBuffer = mb == null || mb.length == 0 ? 0 : Model.createMetadataBufferVector(fbb, mb);
        int metadata = 0;
        if (m.getMetadata() != null && m.getMetadata().length > 0) {
            int[] md = new int[m.getMetadata().length];
            for (int i = 0; i < md.length; i++) md[i] = Metadata.pack(fbb, m.getMetadata()[i]);
            metadata = Model.createMetadataVector(fbb, md);
        }
        int signatures = 0;
        if (m.getSignatureDefs() != null && m.getSignatureDefs().length > 0) {
            int[] sd = new int[m.getSignatureDefs().length];
            for (int i = 0; i < sd.length; i++) sd[i] = SignatureDef.pack(fbb, m.getSignatureDefs()[i]);
            signatures = Model.createSignatureDefsVector(fbb, sd);
        }
        int root = Model.createModel(fbb, m.getVersion(), codesVector, subgraphsVector, description, buffersVector,
                metadataBuffer, metadata, signatures);
        Model.finishModelBuffer(fbb, root);
        return fbb.sizedByteArray();
    }

    /** Like {@code SubGraph.pack}, with tensors written by {@link #tensor}. */
    private static int subgraph(FlatBufferBuilder fbb, SubGraphT g, SharedVectors shared) {
        int[] tensors = new int[g.getTensors().length];
        for (int i = 0; i < tensors.length; i++) tensors[i] = tensor(fbb, g.getTensors()[i], shared);
        int tensorsVector = SubGraph.createTensorsVector(fbb, tensors);
        int inputs = SubGraph.createInputsVector(fbb, g.getInputs());
        int outputs = SubGraph.createOutputsVector(fbb, g.getOutputs());
        int[] ops = new int[g.getOperators().length];
        for (int i = 0; i < ops.length; i++) ops[i] = operator(fbb, g.getOperators()[i]);
        int opsVector = SubGraph.createOperatorsVector(fbb, ops);
        int name = g.getName() == null ? 0 : fbb.createString(g.getName());
        return SubGraph.createSubGraph(fbb, tensorsVector, inputs, outputs, opsVector, name);
    }

    /**
     * Like {@code Operator.pack}, but empty optional vectors (custom options, mutating-variable flags,
     * intermediates) are left out instead of written empty. The unpacker turns absent vectors into empty arrays,
     * so without this, ops created by a rewrite (null there) and ops read back from a file would serialize
     * differently, and a parsed model would not reserialize to the same bytes.
     */
    private static int operator(FlatBufferBuilder fbb, OperatorT op) {
        int inputs = Operator.createInputsVector(fbb, op.getInputs());
        int outputs = Operator.createOutputsVector(fbb, op.getOutputs());
        byte optionsType = op.getBuiltinOptions() == null ? BuiltinOptions.NONE : op.getBuiltinOptions().getType();
        int options = optionsType == BuiltinOptions.NONE ? 0 : BuiltinOptionsUnion.pack(fbb, op.getBuiltinOptions());
        int[] custom = op.getCustomOptions();
        int customOptions = custom == null || custom.length == 0 ? 0 : Operator.createCustomOptionsVector(fbb, Bytes.fromSchema(custom));
        boolean[] mutating = op.getMutatingVariableInputs();
        int mutatingInputs = mutating == null || mutating.length == 0 ? 0 : Operator.createMutatingVariableInputsVector(fbb, mutating);
        int[] inter = op.getIntermediates();
        int intermediates = inter == null || inter.length == 0 ? 0 : Operator.createIntermediatesVector(fbb, inter);
        return Operator.createOperator(fbb, op.getOpcodeIndex(), inputs, outputs, optionsType, options, customOptions,
                op.getCustomOptionsFormat(), mutatingInputs, intermediates);
    }

    /**
     * Like {@code Tensor.pack}, but shapes and zero-point vectors with equal content are written once and shared
     * (FlatBuffers allows several tables to refer to one vector). Per-channel int8 weights and their int32 biases
     * each carry an int64 zero point per channel, all 0: stored once per distinct length they take ~10 KB instead
     * of ~170 KB of a ~1.5 MB model. Empty shape signatures (the unpacker's stand-in for an absent field) are left
     * out, as the TFLite converter leaves them out.
     */
    private static int tensor(FlatBufferBuilder fbb, TensorT t, SharedVectors shared) {
        if (t.getSparsity() != null || (t.getVariantTensors() != null && t.getVariantTensors().length > 0)) {
            throw new IllegalArgumentException("sparse and variant tensors are not supported: " + t.getName());
        }
        int shape = shared.ints(t.getShape());
        int[] sig = t.getShapeSignature();
        int signature = sig == null || sig.length == 0 ? 0 : shared.ints(sig);
        int name = t.getName() == null ? 0 : fbb.createString(t.getName());
        int quantization = 0;
        QuantizationParametersT q = t.getQuantization();
        if (q != null) {
            if (q.getDetails() != null && q.getDetails().getType() != QuantizationDetails.NONE) {
                throw new IllegalArgumentException("custom quantization details are not supported: " + t.getName());
            }
            int min = floats(fbb, q.getMin());
            int max = floats(fbb, q.getMax());
            int scale = floats(fbb, q.getScale());
            int zeroPoint = q.getZeroPoint() == null || q.getZeroPoint().length == 0 ? 0 : shared.longs(q.getZeroPoint());
            quantization = QuantizationParameters.createQuantizationParameters(fbb, min, max, scale, zeroPoint,
                    QuantizationDetails.NONE, 0, q.getQuantizedDimension());
        }
        return Tensor.createTensor(fbb, shape, t.getType(), t.getBuffer(), name, quantization, t.getIsVariable(), 0,
                signature, t.getHasRank(), 0);
    }

    /** A float vector (quantization min, max or scale); 0 (absent) when empty. */
    private static int floats(FlatBufferBuilder fbb, float[] v) {
        if (v == null || v.length == 0) return 0;
        fbb.startVector(4, v.length, 4);
        for (int i = v.length - 1; i >= 0; i--) fbb.addFloat(v[i]);
        return fbb.endVector();
    }

    /** Offsets of already written int32 and int64 vectors, by content. */
    private static final class SharedVectors {
        private final FlatBufferBuilder fbb;
        private final Map<List<Integer>, Integer> ints = new HashMap<>();
        private final Map<List<Long>, Integer> longs = new HashMap<>();

        SharedVectors(FlatBufferBuilder fbb) {
            this.fbb = fbb;
        }

        int ints(int[] v) {
            List<Integer> key = new ArrayList<>();
            for (int x : v) key.add(x);
            return ints.computeIfAbsent(key, k -> Tensor.createShapeVector(fbb, v));
        }

        int longs(long[] v) {
            List<Long> key = new ArrayList<>();
            for (long x : v) key.add(x);
            return longs.computeIfAbsent(key, k -> QuantizationParameters.createZeroPointVector(fbb, v));
        }
    }

    /** A ubyte vector whose first element is 16-byte aligned in the finished file; 0 (absent) for no data. */
    private static int alignedData(FlatBufferBuilder fbb, int[] data) {
        if (data == null || data.length == 0) return 0;
        fbb.startVector(1, data.length, BUFFER_ALIGNMENT);
        for (int i = data.length - 1; i >= 0; i--) fbb.putByte((byte) data[i]);
        return fbb.endVector();
    }
}
