package org.facegate.inference;

import java.nio.ByteBuffer;

/**
 * One opened model. Input and output data travel as direct byte buffers in native order, laid out as the tensor
 * (row-major, {@link TensorSpec#byteSize} bytes), so neither side needs the other's array conventions. Not
 * thread-safe, and bound to the thread that opened it when the runtime uses a GPU delegate: open, run and close on
 * one thread.
 */
public interface InferenceModel extends AutoCloseable {
    /** The model's inputs, in the model's order. */
    TensorSpec input(int index);

    int inputCount();

    /** The model's outputs, in the model's order; their shapes follow the inputs' after {@link #resizeInput}. */
    TensorSpec output(int index);

    int outputCount();

    /** Changes an input's shape (e.g. an image pyramid's level) and reallocates the tensors. */
    void resizeInput(int index, int[] shape);

    /**
     * Runs the model once.
     *
     * @param inputs  one buffer per input, each {@link TensorSpec#byteSize} bytes from position 0
     * @param outputs one buffer per output to read, each at least {@link TensorSpec#byteSize} bytes; {@code null} for
     *                an output the caller does not need. Buffers are written from position 0; positions are left as
     *                the runtime leaves them, so read with absolute gets or rewind first.
     */
    void run(ByteBuffer[] inputs, ByteBuffer[] outputs);

    /** Where this model runs, and why. */
    Placement placement();

    /** Frees the model's native memory (and its delegate's, where the runtime owns one per model). */
    @Override
    void close();
}
