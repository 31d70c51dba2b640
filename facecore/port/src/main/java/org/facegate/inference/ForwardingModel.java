package org.facegate.inference;

import java.nio.ByteBuffer;

/** A model that passes every call to another: subclasses change one call (guard a run, inject a fault, count closes). */
public abstract class ForwardingModel implements InferenceModel {
    protected final InferenceModel model;

    protected ForwardingModel(InferenceModel model) {
        this.model = model;
    }

    @Override
    public TensorSpec input(int index) {
        return model.input(index);
    }

    @Override
    public int inputCount() {
        return model.inputCount();
    }

    @Override
    public TensorSpec output(int index) {
        return model.output(index);
    }

    @Override
    public int outputCount() {
        return model.outputCount();
    }

    @Override
    public void resizeInput(int index, int[] shape) {
        model.resizeInput(index, shape);
    }

    @Override
    public void run(ByteBuffer[] inputs, ByteBuffer[] outputs) {
        model.run(inputs, outputs);
    }

    @Override
    public Placement placement() {
        return model.placement();
    }

    @Override
    public void close() {
        model.close();
    }
}
