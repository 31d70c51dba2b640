package org.facegate.inference;

import java.nio.ByteBuffer;

/**
 * A runtime that passes every call to another: subclasses change what {@link #open} hands back (guard its models,
 * time their runs), as {@link ForwardingModel} does for one model.
 */
public abstract class ForwardingRuntime implements InferenceRuntime {
    protected final InferenceRuntime runtime;

    protected ForwardingRuntime(InferenceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public InferenceModel open(ByteBuffer model, String name, ModelOptions options) throws ModelException {
        return runtime.open(model, name, options);
    }

    @Override
    public String description() {
        return runtime.description();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
