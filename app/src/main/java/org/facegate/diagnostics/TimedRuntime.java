package org.facegate.diagnostics;

import java.nio.ByteBuffer;
import org.facegate.inference.ForwardingModel;
import org.facegate.inference.ForwardingRuntime;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;

/**
 * A runtime whose models add each run's time to a {@link FrameTimings} stage, chosen by the model's file: BlazeFace
 * to detect, the face mesh to mesh, the embedder to embed. Model runs only (the time a phone spends where it most
 * differs from another: CPU or GPU); the code around them is the report's "other".
 */
public final class TimedRuntime extends ForwardingRuntime {
    private final FrameTimings timings;

    public TimedRuntime(InferenceRuntime runtime, FrameTimings timings) {
        super(runtime);
        this.timings = timings;
    }

    /** The stage a model file's runs count for, or null for a model of no stage. */
    static FrameTimings.Stage stage(String file) {
        String f = file.toLowerCase(java.util.Locale.ROOT);
        if (f.startsWith("face_detection")) return FrameTimings.Stage.DETECT;
        if (f.startsWith("face_landmark")) return FrameTimings.Stage.MESH;
        if (f.startsWith("mobilefacenet")) return FrameTimings.Stage.EMBED;
        return null;
    }

    @Override
    public InferenceModel open(ByteBuffer model, String name, ModelOptions options) throws ModelException {
        InferenceModel m = runtime.open(model, name, options);
        FrameTimings.Stage stage = stage(name);
        if (stage == null) return m;
        return new ForwardingModel(m) {
            @Override
            public void run(ByteBuffer[] inputs, ByteBuffer[] outputs) {
                long t0 = System.nanoTime();
                try {
                    super.run(inputs, outputs);
                } finally {
                    timings.add(stage, System.nanoTime() - t0);
                }
            }
        };
    }
}
