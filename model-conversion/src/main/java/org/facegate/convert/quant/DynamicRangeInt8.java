package org.facegate.convert.quant;

import java.util.Set;
import org.facegate.convert.model.Bytes;
import org.facegate.convert.model.Graph;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * Dynamic-range ("hybrid") int8: the filters of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED become per-channel
 * int8 ({@link PerChannelWeights}); biases, PReLU slopes and all activations stay float32. TFLite's hybrid kernels
 * quantize each op's input on the fly, so no calibration data is needed. A 4x smaller file for the CPU; the GPU
 * delegate does not take these op versions (see {@link org.facegate.convert.check.GpuDelegateOps}).
 */
public final class DynamicRangeInt8 {
    static final Set<Integer> WEIGHTED = Set.of(BuiltinOperator.CONV_2D, BuiltinOperator.DEPTHWISE_CONV_2D,
            BuiltinOperator.FULLY_CONNECTED);

    private DynamicRangeInt8() {}

    public static void apply(Graph g) {
        boolean[] done = new boolean[g.tensors.size()];
        for (OperatorT op : g.ops) {
            int builtin = g.builtin(op);
            int w = op.getInputs()[1];
            if (!WEIGHTED.contains(builtin) || done[w] || !g.isConstant(w) || g.tensor(w).getType() != TensorType.FLOAT32) continue;
            done[w] = true;
            TensorT t = g.tensor(w);
            PerChannelWeights q = PerChannelWeights.of(Bytes.floats(g.data(w)), t.getShape(), PerChannelWeights.filterAxis(builtin));
            t.setType(TensorType.INT8);
            t.setQuantization(q.params());
            g.setData(w, q.values());
        }
    }
}
