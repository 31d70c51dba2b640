package org.facegate.convert.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.facegate.convert.model.Graph;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * Which ops of a model the TFLite GPU delegate would refuse (and so leave on the CPU, splitting the graph).
 * <p>
 * The op list is the documented one (tensorflow.org/lite/performance/gpu, "Supported ops"): ADD,
 * AVERAGE_POOL_2D, CONCATENATION, CONV_2D, DEPTHWISE_CONV_2D v1-2, EXP, FULLY_CONNECTED, LOGICAL_AND, LOGISTIC,
 * LSTM v2, MAX_POOL_2D, MAXIMUM, MINIMUM, MUL, PAD, PRELU, RELU, RELU6, RESHAPE, RESIZE_BILINEAR v1-3, SOFTMAX,
 * STRIDED_SLICE, SUB, TRANSPOSE_CONV; "by default only version 1 of all ops is supported; enabling quantization
 * support allows the corresponding versions, e.g. ADD v2". Quantization support is on by default in current
 * delegates, and the documentation on quantized models says the delegate runs them by dequantizing constants and
 * simulating quantization between ops, with QUANTIZE/DEQUANTIZE at the float boundaries. For quantized models the
 * version limits are therefore those the delegate's own op parsers check (delegates/gpu/common/model_builder.cc):
 * ADD 2, CONV_2D 3, DEPTHWISE_CONV_2D 3, FULLY_CONNECTED 4, MUL 3, PRELU 1, RESHAPE 1, QUANTIZE 2, DEQUANTIZE 2.
 * A DEQUANTIZE of a FLOAT16 constant (the fp16-weights layout, op version 3) is not parsed as an op at all: the
 * delegate's partitioner ({@code FP16GraphPartitionHelper}, delegates/utils.cc) points its consumers at the fp16
 * constant itself and takes the DEQUANTIZE into the partition once all its consumers are there. Its output is
 * therefore a weight to the delegate, not a run-time tensor, and its version does not matter. Run-time tensors must
 * be float32/float16 (or int8/uint8 for quantized models), batch 1.
 */
public final class GpuDelegateOps {
    /** Documented ops and their highest version without quantization support. */
    static final Map<Integer, Integer> DOCUMENTED = Map.ofEntries(
            Map.entry(BuiltinOperator.ADD, 1), Map.entry(BuiltinOperator.AVERAGE_POOL_2D, 1),
            Map.entry(BuiltinOperator.CONCATENATION, 1), Map.entry(BuiltinOperator.CONV_2D, 1),
            Map.entry(BuiltinOperator.DEPTHWISE_CONV_2D, 2), Map.entry(BuiltinOperator.EXP, 1),
            Map.entry(BuiltinOperator.FULLY_CONNECTED, 1), Map.entry(BuiltinOperator.LOGICAL_AND, 1),
            Map.entry(BuiltinOperator.LOGISTIC, 1), Map.entry(BuiltinOperator.LSTM, 2),
            Map.entry(BuiltinOperator.MAX_POOL_2D, 1), Map.entry(BuiltinOperator.MAXIMUM, 1),
            Map.entry(BuiltinOperator.MINIMUM, 1), Map.entry(BuiltinOperator.MUL, 1), Map.entry(BuiltinOperator.PAD, 1),
            Map.entry(BuiltinOperator.PRELU, 1), Map.entry(BuiltinOperator.RELU, 1), Map.entry(BuiltinOperator.RELU6, 1),
            Map.entry(BuiltinOperator.RESHAPE, 1), Map.entry(BuiltinOperator.RESIZE_BILINEAR, 3),
            Map.entry(BuiltinOperator.SOFTMAX, 1), Map.entry(BuiltinOperator.STRIDED_SLICE, 1),
            Map.entry(BuiltinOperator.SUB, 1), Map.entry(BuiltinOperator.TRANSPOSE_CONV, 1));

    /** Highest versions with quantization support (delegate op parsers), for the ops quantized models use. */
    static final Map<Integer, Integer> QUANTIZED = Map.of(BuiltinOperator.ADD, 2, BuiltinOperator.CONV_2D, 3,
            BuiltinOperator.DEPTHWISE_CONV_2D, 3, BuiltinOperator.FULLY_CONNECTED, 4, BuiltinOperator.MUL, 3,
            BuiltinOperator.PRELU, 1, BuiltinOperator.RESHAPE, 1, BuiltinOperator.QUANTIZE, 2,
            BuiltinOperator.DEQUANTIZE, 2);

    private GpuDelegateOps() {}

    /** One refused op: its index in execution order, name, version and why. */
    public record Issue(int op, String name, int version, String reason) {
        @Override
        public String toString() {
            return "op " + op + " " + name + " v" + version + ": " + reason;
        }
    }

    /** Every op the delegate would not take; empty when the whole graph runs on the GPU. */
    public static List<Issue> check(Graph g) {
        boolean quantized = false;
        for (int t = 0; t < g.tensors.size(); t++) {
            byte type = g.tensor(t).getType();
            if (type == TensorType.INT8 || type == TensorType.UINT8) quantized = true;
        }
        // outputs of fp16-constant DEQUANTIZEs are weights to the delegate, not run-time tensors
        boolean[] folded = new boolean[g.tensors.size()];
        for (OperatorT op : g.ops) if (isFp16Constant(g, op)) folded[op.getOutputs()[0]] = true;
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < g.ops.size(); i++) {
            OperatorT op = g.ops.get(i);
            int builtin = g.builtin(op);
            int version = g.opcodes.get((int) op.getOpcodeIndex()).getVersion();
            String name = g.opName(op);
            if (isFp16Constant(g, op)) continue;
            Integer max = quantized && QUANTIZED.containsKey(builtin) ? QUANTIZED.get(builtin) : DOCUMENTED.get(builtin);
            if (max == null) {
                issues.add(new Issue(i, name, version, "not in the documented GPU delegate op list"));
            } else if (version > max) {
                issues.add(new Issue(i, name, version, "the GPU delegate takes " + name + " up to version " + max));
            }
            String tensorIssue = tensors(g, op, folded);
            if (tensorIssue != null) issues.add(new Issue(i, name, version, tensorIssue));
        }
        return issues;
    }

    private static boolean isFp16Constant(Graph g, OperatorT op) {
        return g.builtin(op) == BuiltinOperator.DEQUANTIZE && g.isConstant(op.getInputs()[0])
                && g.tensor(op.getInputs()[0]).getType() == TensorType.FLOAT16;
    }

    /** Run-time tensor types and batch the delegate cannot hold, or null. */
    private static String tensors(Graph g, OperatorT op, boolean[] folded) {
        for (int[] list : new int[][] {op.getInputs(), op.getOutputs()}) {
            for (int t : list) {
                if (t < 0 || g.isConstant(t) || folded[t]) continue;
                byte type = g.tensor(t).getType();
                if (type != TensorType.FLOAT32 && type != TensorType.FLOAT16 && type != TensorType.INT8 && type != TensorType.UINT8) {
                    return "run-time tensor of type " + TensorType.name(type);
                }
                int[] s = g.tensor(t).getShape();
                if (s.length == 4 && s[0] != 1) return "batch " + s[0] + " (the delegate takes batch 1)";
            }
        }
        return null;
    }
}
