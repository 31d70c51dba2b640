package org.facegate.convert.rewrite;

import java.util.List;
import org.facegate.convert.ConversionException;
import org.facegate.convert.model.Bytes;
import org.facegate.convert.model.Graph;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * Replaces the source's decomposed PReLU by the PRELU op. The TensorFlow MobileFaceNet writes
 * {@code prelu(x) = relu(x) + m * (x - |x|)} with {@code m = alpha / 2} folded into a constant, which TOCO exported
 * as five ops per activation: RELU, ABS, SUB, MUL, ADD. For x &ge; 0 it is x, for x &lt; 0 it is {@code 2m * x}:
 * exactly PRELU with {@code alpha = 2m}. The fused form matters three ways: the TFLite GPU delegate's documented
 * op list has no ABS (so the decomposed graph cannot run fully on the GPU), a full-integer model would otherwise
 * quantize four extra intermediate tensors per activation (each adding rounding error), and it is 5x fewer ops.
 * Alpha is stored as {@code [1, 1, C]}, the layout TensorFlow's converter gives a per-channel PReLU.
 */
public final class PreluFusion {
    private PreluFusion() {}

    /** @return the number of activations fused */
    public static int apply(Graph g, String name) throws ConversionException {
        int fused = 0;
        List<OperatorT> relus = new java.util.ArrayList<>();
        for (OperatorT op : g.ops) if (g.builtin(op) == BuiltinOperator.RELU) relus.add(op);
        for (OperatorT relu : relus) {
            if (!fuse(g, relu)) {
                throw new ConversionException(name + ": RELU writing " + g.tensor(relu.getOutputs()[0]).getName()
                        + " is not part of the relu(x) + m*(x - |x|) PReLU pattern");
            }
            fused++;
        }
        return fused;
    }

    /** Matches the pattern around {@code relu} and replaces it; false when the graph does not match. */
    private static boolean fuse(Graph g, OperatorT relu) {
        int x = relu.getInputs()[0];
        int reluOut = relu.getOutputs()[0];
        OperatorT abs = only(g, x, BuiltinOperator.ABS);
        if (abs == null) return false;
        int absOut = abs.getOutputs()[0];
        OperatorT sub = single(g, absOut, BuiltinOperator.SUB);
        if (sub == null || sub.getInputs()[0] != x || sub.getInputs()[1] != absOut || hasActivation(sub)) return false;
        int subOut = sub.getOutputs()[0];
        OperatorT mul = single(g, subOut, BuiltinOperator.MUL);
        if (mul == null || hasActivation(mul)) return false;
        int m = mul.getInputs()[0] == subOut ? mul.getInputs()[1] : mul.getInputs()[0];
        if (!g.isConstant(m) || g.tensor(m).getType() != TensorType.FLOAT32) return false;
        int mulOut = mul.getOutputs()[0];
        OperatorT add = single(g, mulOut, BuiltinOperator.ADD);
        if (add == null || hasActivation(add) || g.usedElsewhere(reluOut, add)) return false;
        int other = add.getInputs()[0] == mulOut ? add.getInputs()[1] : add.getInputs()[0];
        if (other != reluOut) return false;

        int channels = g.tensor(x).getShape()[g.tensor(x).getShape().length - 1];
        float[] half = Bytes.floats(g.data(m));
        if (half.length != channels && half.length != 1) return false;
        float[] alpha = new float[channels];
        for (int c = 0; c < channels; c++) alpha[c] = 2 * half[half.length == 1 ? 0 : c];
        int alphaTensor = g.addTensor(g.tensor(m).getName() + "/prelu_alpha", TensorType.FLOAT32,
                new int[] {1, 1, channels}, Bytes.ofFloats(alpha), null);
        OperatorT prelu = g.newOp(BuiltinOperator.PRELU, new int[] {x, alphaTensor}, add.getOutputs().clone(),
                new BuiltinOptionsUnion());
        // the PRELU takes the ADD's place (the last of the five in execution order); the other four go
        g.ops.set(g.ops.indexOf(add), prelu);
        g.ops.remove(abs);
        g.ops.remove(sub);
        g.ops.remove(mul);
        g.ops.remove(relu);
        return true;
    }

    /** The one op of type {@code builtin} among the consumers of {@code t} (others may exist). */
    private static OperatorT only(Graph g, int t, int builtin) {
        OperatorT found = null;
        for (OperatorT op : g.consumers(t)) {
            if (g.builtin(op) != builtin) continue;
            if (found != null) return null;
            found = op;
        }
        return found;
    }

    /** The sole consumer of {@code t}, if it has type {@code builtin} and {@code t} is not a graph output. */
    private static OperatorT single(Graph g, int t, int builtin) {
        List<OperatorT> c = g.consumers(t);
        if (c.size() != 1 || g.builtin(c.get(0)) != builtin || g.usedElsewhere(t, c.get(0))) return null;
        return c.get(0);
    }

    private static boolean hasActivation(OperatorT op) {
        Object o = op.getBuiltinOptions() == null ? null : op.getBuiltinOptions().getValue();
        if (o instanceof org.tensorflow.lite.schema.SubOptionsT s) return s.getFusedActivationFunction() != ActivationFunctionType.NONE;
        if (o instanceof org.tensorflow.lite.schema.MulOptionsT m) return m.getFusedActivationFunction() != ActivationFunctionType.NONE;
        if (o instanceof org.tensorflow.lite.schema.AddOptionsT a) return a.getFusedActivationFunction() != ActivationFunctionType.NONE;
        return false;
    }
}
