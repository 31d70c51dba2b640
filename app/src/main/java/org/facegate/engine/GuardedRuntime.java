package org.facegate.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.facegate.inference.ForwardingModel;
import org.facegate.inference.ForwardingRuntime;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;

/**
 * Wraps the runtime so that an exception from inside an inference reaches {@link FaceEngine} as a {@link ModelFault},
 * naming the model, and so marks face recognition unavailable instead of passing as one job's failure. Errors
 * ({@code LinkageError}, {@code OutOfMemoryError}) pass unchanged: the engine treats every Error as fatal for the
 * models anyway.
 */
final class GuardedRuntime extends ForwardingRuntime {
    /** "file: placement" of every model opened, in order (the diagnostics' "which delegate each model got"). */
    final List<String> placements = new ArrayList<>();

    GuardedRuntime(InferenceRuntime runtime) {
        super(runtime);
    }

    @Override
    public InferenceModel open(ByteBuffer model, String name, ModelOptions options) throws ModelException {
        InferenceModel m = runtime.open(model, name, options);
        placements.add(name + ": " + m.placement());
        return new Guarded(m, name);
    }

    private static final class Guarded extends ForwardingModel {
        private final String name;

        Guarded(InferenceModel model, String name) {
            super(model);
            this.name = name;
        }

        @Override
        public void run(ByteBuffer[] inputs, ByteBuffer[] outputs) {
            try {
                model.run(inputs, outputs);
            } catch (RuntimeException e) {
                throw new ModelFault(name, e);
            }
        }
    }
}
