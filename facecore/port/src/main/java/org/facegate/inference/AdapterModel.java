package org.facegate.inference;

import java.nio.ByteBuffer;

/**
 * What every runtime adapter's model keeps alike: the descriptions of its tensors (refreshed after a resize), where it
 * runs, and the check of a run's buffers. The adapter supplies the runtime-specific parts: reading its tensors, running.
 */
public abstract class AdapterModel implements InferenceModel {
    /** The model file's name, for messages. */
    protected final String name;
    private final Placement placement;
    private TensorSpec[] inputs = new TensorSpec[0], outputs = new TensorSpec[0];

    protected AdapterModel(String name, Placement placement) {
        this.name = name;
        this.placement = placement;
    }

    /** Sets the tensors' descriptions (when the model opens, and after a resize). */
    protected final void describe(TensorSpec[] inputs, TensorSpec[] outputs) {
        this.inputs = inputs.clone();
        this.outputs = outputs.clone();
    }

    /** @throws IllegalArgumentException unless there is one buffer per input and one slot per output */
    protected final void checkRun(ByteBuffer[] in, ByteBuffer[] out) {
        if (in.length != inputs.length || out.length != outputs.length) {
            throw new IllegalArgumentException(name + ": " + inputs.length + " inputs and " + outputs.length
                    + " outputs, given " + in.length + " and " + out.length);
        }
    }

    @Override
    public final TensorSpec input(int index) {
        return inputs[index];
    }

    @Override
    public final int inputCount() {
        return inputs.length;
    }

    @Override
    public final TensorSpec output(int index) {
        return outputs[index];
    }

    @Override
    public final int outputCount() {
        return outputs.length;
    }

    @Override
    public final Placement placement() {
        return placement;
    }

    @Override
    public String toString() {
        return name + " on " + placement;
    }
}
