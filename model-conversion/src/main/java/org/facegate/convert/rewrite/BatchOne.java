package org.facegate.convert.rewrite;

import org.facegate.convert.ConversionException;
import org.facegate.convert.model.Bytes;
import org.facegate.convert.model.Graph;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.ReshapeOptionsT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * Fixes the batch dimension to 1. The source was exported for pairs of faces: batch 2 is baked into every
 * activation shape and into the final RESHAPE (both its shape tensor and its {@code new_shape} option). A phone
 * embeds one face at a time, and the GPU delegate only takes batch 1, so every run-time tensor's leading dimension
 * becomes 1 (shape and shape_signature) and the reshape targets {@code [1, D]}. Weights are untouched; the
 * rewritten model computes exactly what the source computes for each face of the pair.
 */
public final class BatchOne {
    private BatchOne() {}

    /** @param batch the source's batch size, as {@link SourceContract#check} found it */
    public static void apply(Graph g, int batch, String name) throws ConversionException {
        for (int i = 0; i < g.tensors.size(); i++) {
            if (g.isConstant(i)) continue;
            TensorT t = g.tensor(i);
            int[] s = t.getShape();
            if (s.length == 0 || s[0] != batch) {
                throw new ConversionException(name + ": tensor " + t.getName() + " has shape " + java.util.Arrays.toString(s)
                        + ", expected leading batch dimension " + batch);
            }
            s[0] = 1;
            t.setShape(s);
            // a static shape: the signature equals the shape (no -1), so TFLite never resizes the graph
            t.setShapeSignature(s.clone());
        }
        for (OperatorT op : g.ops) if (g.builtin(op) == BuiltinOperator.RESHAPE) fixReshape(g, op, batch, name);
    }

    private static void fixReshape(Graph g, OperatorT op, int batch, String name) throws ConversionException {
        int[] target = g.tensor(op.getOutputs()[0]).getShape();
        if (op.getInputs().length > 1) {
            int shapeTensor = op.getInputs()[1];
            byte[] data = g.data(shapeTensor);
            if (data == null || g.tensor(shapeTensor).getType() != TensorType.INT32) {
                throw new ConversionException(name + ": RESHAPE with a computed shape is not supported");
            }
            int[] shape = Bytes.ints(data);
            if (shape.length != target.length || (shape[0] != batch && shape[0] != -1)) {
                throw new ConversionException(name + ": RESHAPE shape " + java.util.Arrays.toString(shape)
                        + " does not start with the batch " + batch);
            }
            g.setData(shapeTensor, Bytes.ofInts(target));
        }
        if (op.getBuiltinOptions() != null && op.getBuiltinOptions().getType() == BuiltinOptions.ReshapeOptions) {
            ReshapeOptionsT o = op.getBuiltinOptions().asReshapeOptions();
            if (o.getNewShape() != null && o.getNewShape().length > 0) o.setNewShape(target.clone());
        }
    }
}
