package org.facegate.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;

/**
 * Runs one embedding model on normalized 112x112 crops and returns its raw output row, whatever the model's batch
 * (a batch-2 source gets the crop in row 0 and zeros in row 1) and input type (the variants all take float32).
 * Used to compare variants on identical inputs and to time them.
 */
public final class ModelRunner implements AutoCloseable {
    private final InferenceModel model;
    private final ByteBuffer input, output;
    private final ByteBuffer[] inputs, outputs;
    private final int dim;

    /** @throws ModelException if the runtime refuses the model */
    public ModelRunner(byte[] bytes, InferenceRuntime runtime) throws ModelException {
        ByteBuffer buf = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
        buf.put(bytes).rewind();
        model = runtime.open(buf, "model under test", ModelOptions.EXACT);
        input = model.input(0).allocate();
        output = model.output(0).allocate();
        dim = model.output(0).dim(-1);
        inputs = new ByteBuffer[] {input};
        outputs = new ByteBuffer[model.outputCount()];
        outputs[0] = output;
    }

    /** The model's output for one crop (row 0). */
    public float[] run(float[] crop) {
        input.clear();
        input.asFloatBuffer().put(crop);
        // rows past the first stay zero (batch-2 source)
        model.run(inputs, outputs);
        float[] row = new float[dim];
        for (int i = 0; i < dim; i++) row[i] = output.getFloat(4 * i);
        return row;
    }

    public int[] inputShape() {
        return model.input(0).shape();
    }

    public int[] outputShape() {
        return model.output(0).shape();
    }

    /** Cosine similarity of two raw outputs. */
    public static double cosine(float[] a, float[] b) {
        double d = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return d / Math.sqrt(na * nb);
    }

    @Override
    public void close() {
        model.close();
    }
}
