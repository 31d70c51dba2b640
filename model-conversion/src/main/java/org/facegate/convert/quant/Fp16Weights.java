package org.facegate.convert.quant;

import java.util.ArrayList;
import java.util.List;
import org.facegate.convert.model.Bytes;
import org.facegate.convert.model.Graph;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * Float16 weights: every float32 constant an op reads (filters, biases, PReLU slopes) is stored as FLOAT16 and
 * turned back into float32 by a DEQUANTIZE op, the layout TFLite's converter writes for
 * {@code target_spec.supported_types = [float16]}. The GPU delegate takes the fp16 constants directly (it computes
 * in fp16 anyway); CPU runtimes dequantize them once when the interpreter is built. Activations stay float32.
 */
public final class Fp16Weights {
    private Fp16Weights() {}

    public static void apply(Graph g) {
        List<OperatorT> result = new ArrayList<>();
        boolean[] done = new boolean[g.tensors.size()];
        for (OperatorT op : g.ops) {
            for (int t : op.getInputs()) {
                if (t < 0 || done[t] || !g.isConstant(t) || g.tensor(t).getType() != TensorType.FLOAT32) continue;
                done[t] = true;
                result.add(dequantizeOf(g, t));
            }
            result.add(op);
        }
        g.ops.clear();
        g.ops.addAll(result);
    }

    /**
     * Moves tensor {@code t}'s payload into a new FLOAT16 constant and makes {@code t} the run-time output of a
     * DEQUANTIZE of it, so every consumer of {@code t} stays as it was.
     */
    private static OperatorT dequantizeOf(Graph g, int t) {
        TensorT w = g.tensor(t);
        float[] f = Bytes.floats(g.data(t));
        short[] h = new short[f.length];
        for (int i = 0; i < f.length; i++) h[i] = Half.fromFloat(f[i]);
        int half = g.addTensor(w.getName(), TensorType.FLOAT16, w.getShape(), Bytes.ofShorts(h), null);
        w.setName(w.getName() + "/dequantize");
        w.setBuffer(0);
        return g.newOp(BuiltinOperator.DEQUANTIZE, new int[] {half}, new int[] {t}, null);
    }
}
