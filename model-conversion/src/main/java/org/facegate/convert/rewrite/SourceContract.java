package org.facegate.convert.rewrite;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.facegate.convert.ConversionException;
import org.facegate.convert.model.Graph;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * What the converter assumes about its source, checked before any rewrite: one float32 input
 * {@code [N, 112, 112, 3]}, one float32 output {@code [N, D]}, and only the ops of a TOCO-converted MobileFaceNet
 * (convolutions, the five-op PReLU decomposition, residual adds, the final reshape). Anything else means the pinned
 * file was replaced by a different network, and the rewrites below would silently produce garbage for it.
 */
public final class SourceContract {
    /** Aligned face crop size the embedding models take. */
    public static final int CROP = 112;

    static final Set<Integer> SOURCE_OPS = Set.of(BuiltinOperator.CONV_2D, BuiltinOperator.DEPTHWISE_CONV_2D,
            BuiltinOperator.ADD, BuiltinOperator.SUB, BuiltinOperator.MUL, BuiltinOperator.RELU, BuiltinOperator.ABS,
            BuiltinOperator.RESHAPE);

    private SourceContract() {}

    /**
     * @param name file name for error messages
     * @return the source batch size N
     */
    public static int check(Graph g, String name) throws ConversionException {
        if (g.inputs().length != 1 || g.outputs().length != 1) {
            throw new ConversionException(name + ": expected 1 input and 1 output, found " + g.inputs().length
                    + " inputs and " + g.outputs().length + " outputs");
        }
        TensorT in = g.tensor(g.inputs()[0]);
        int[] s = in.getShape();
        if (in.getType() != TensorType.FLOAT32 || s.length != 4 || s[0] < 1 || s[1] != CROP || s[2] != CROP || s[3] != 3) {
            throw new ConversionException(name + ": wrong input shape: expected float32 [N, " + CROP + ", " + CROP
                    + ", 3], found " + TensorType.name(in.getType()) + " " + Arrays.toString(s));
        }
        TensorT out = g.tensor(g.outputs()[0]);
        int[] o = out.getShape();
        if (out.getType() != TensorType.FLOAT32 || o.length != 2 || o[0] != s[0] || o[1] < 1) {
            throw new ConversionException(name + ": wrong output shape: expected float32 [" + s[0] + ", D], found "
                    + TensorType.name(out.getType()) + " " + Arrays.toString(o));
        }
        Set<String> unexpected = new TreeSet<>();
        for (OperatorT op : g.ops) if (!SOURCE_OPS.contains(g.builtin(op))) unexpected.add(g.opName(op));
        if (!unexpected.isEmpty()) {
            throw new ConversionException(name + ": unexpected op(s) " + unexpected + "; a MobileFaceNet source has only "
                    + names(SOURCE_OPS));
        }
        return s[0];
    }

    static Set<String> names(Set<Integer> ops) {
        Set<String> n = new TreeSet<>();
        for (int op : ops) n.add(BuiltinOperator.name(op));
        return n;
    }
}
