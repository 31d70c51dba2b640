package org.facegate.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.facegate.tflite.InterpreterFactory;
import org.tensorflow.lite.Interpreter;

/**
 * Runs one embedding model on normalized 112x112 crops and returns its raw output row, whatever the model's batch
 * (a batch-2 source gets the crop in row 0 and zeros in row 1) and input type (the variants all take float32).
 * Used to compare variants on identical inputs and to time them.
 */
public final class ModelRunner implements AutoCloseable {
    private final Interpreter interpreter;
    private final ByteBuffer input;
    private final float[][] output;

    public ModelRunner(byte[] model, InterpreterFactory factory) {
        ByteBuffer buf = ByteBuffer.allocateDirect(model.length).order(ByteOrder.nativeOrder());
        buf.put(model).rewind();
        interpreter = factory.create(buf);
        input = ByteBuffer.allocateDirect(interpreter.getInputTensor(0).numBytes()).order(ByteOrder.nativeOrder());
        int[] out = interpreter.getOutputTensor(0).shape();
        output = new float[out[0]][out[1]];
    }

    /** The model's output for one crop (row 0). */
    public float[] run(float[] crop) {
        input.clear();
        input.asFloatBuffer().put(crop);
        // rows past the first stay zero (batch-2 source)
        interpreter.run(input, output);
        return output[0].clone();
    }

    public int[] inputShape() {
        return interpreter.getInputTensor(0).shape();
    }

    public int[] outputShape() {
        return interpreter.getOutputTensor(0).shape();
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
        interpreter.close();
    }
}
