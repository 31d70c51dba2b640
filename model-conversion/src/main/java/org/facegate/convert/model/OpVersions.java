package org.facegate.convert.model;

import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.FullyConnectedOptionsT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * Gives each op the operator code of the version its tensor types need, following TFLite's
 * {@code tools/versioning/op_version.cc} for the ops this converter emits. The runtime picks kernels by
 * (op, version) and delegates refuse versions they do not know (the GPU delegate takes CONV_2D only up to
 * version 3, DEQUANTIZE up to 2), so a quantized op left at version 1 would claim a capability it does not have,
 * and one shared code at the highest version would hide ops a delegate could take: an int8 DEQUANTIZE (version 2)
 * sharing a code with an fp16 one (version 3) would be refused by the GPU delegate. So ops of one builtin needing
 * different versions get separate operator codes; {@link Compactor} then drops codes no op uses.
 */
public final class OpVersions {
    private OpVersions() {}

    public static void apply(Graph g) {
        for (OperatorT op : g.ops) op.setOpcodeIndex(g.opcode(g.builtin(op), required(g, op)));
    }

    /** The version one op needs. */
    static int required(Graph g, OperatorT op) {
        byte in = type(g, op.getInputs(), 0);
        byte w = type(g, op.getInputs(), 1);
        byte out = type(g, op.getOutputs(), 0);
        boolean int8 = in == TensorType.INT8 && out == TensorType.INT8;
        boolean hybrid = in == TensorType.FLOAT32 && w == TensorType.INT8 && out == TensorType.FLOAT32;
        switch (g.builtin(op)) {
            case BuiltinOperator.CONV_2D:
                if (int8 && w == TensorType.INT8) return 3;
                if (hybrid) return perChannel(g, op) ? 5 : 2;
                return 1;
            case BuiltinOperator.DEPTHWISE_CONV_2D: {
                if (hybrid) return perChannel(g, op) ? 6 : 4;
                if (int8 && w == TensorType.INT8) return 3;
                DepthwiseConv2DOptionsT o = op.getBuiltinOptions().asDepthwiseConv2DOptions();
                return o.getDilationHFactor() != 1 || o.getDilationWFactor() != 1 ? 2 : 1;
            }
            case BuiltinOperator.FULLY_CONNECTED: {
                if (op.getInputs().length == 2) return 6;
                FullyConnectedOptionsT o = op.getBuiltinOptions().asFullyConnectedOptions();
                if (o.getKeepNumDims()) return 5;
                if (int8 && w == TensorType.INT8) return 4;
                return hybrid ? 3 : 1;
            }
            case BuiltinOperator.DEQUANTIZE:
                if (in == TensorType.FLOAT16) return 3;
                return in == TensorType.INT8 ? 2 : 1;
            case BuiltinOperator.ADD:
                return in == TensorType.INT8 ? 2 : 1;
            default:
                // PRELU, RESHAPE, QUANTIZE: version 1 for every type used here
                return 1;
        }
    }

    private static byte type(Graph g, int[] idx, int i) {
        return i < idx.length && idx[i] >= 0 ? g.tensor(idx[i]).getType() : -1;
    }

    private static boolean perChannel(Graph g, OperatorT op) {
        TensorT w = g.tensor(op.getInputs()[1]);
        return w.getQuantization() != null && w.getQuantization().getScale() != null && w.getQuantization().getScale().length > 1;
    }
}
