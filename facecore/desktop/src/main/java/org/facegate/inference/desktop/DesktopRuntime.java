package org.facegate.inference.desktop;

import java.nio.ByteBuffer;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.inference.Placement;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.TensorFlowLite;

/**
 * The desktop runtime: DJL's build of TFLite 2.6.2 for linux-x86_64, on the CPU with XNNPACK (~10x faster than the
 * reference kernels for MobileFaceNet). There is no GPU delegate here, so every model is placed on the CPU whatever
 * its options ask.
 */
public final class DesktopRuntime implements InferenceRuntime {
    private final int threads;
    private final boolean xnnpack;

    /** @param threads CPU threads per model, &ge; 1 */
    public DesktopRuntime(int threads) {
        this(threads, true);
    }

    /** @param xnnpack false only to measure the reference kernels as a baseline */
    public DesktopRuntime(int threads, boolean xnnpack) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        this.threads = threads;
        this.xnnpack = xnnpack;
    }

    @Override
    public InferenceModel open(ByteBuffer model, String name, ModelOptions options) throws ModelException {
        NativeRuntime.ensureLoaded();
        Interpreter.Options o = new Interpreter.Options().setNumThreads(threads).setUseXNNPACK(xnnpack);
        Interpreter interpreter;
        try {
            interpreter = new Interpreter(model, o);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            // what the runtime throws for a buffer that is not a model it can build (truncated, corrupt)
            throw new ModelException(name + ": the TFLite runtime refuses the model, truncated or corrupt (" + refused.getMessage() + ")", refused);
        }
        String why = (xnnpack ? "XNNPACK" : "reference kernels") + ", " + threads + (threads == 1 ? " thread" : " threads")
                + (options.gpu() ? "; no GPU delegate on the desktop" : "");
        try {
            return new DesktopModel(interpreter, name, new Placement(Placement.Backend.CPU, why));
        } catch (ModelException | RuntimeException e) {
            interpreter.close();
            throw e;
        }
    }

    @Override
    public String description() {
        NativeRuntime.ensureLoaded();
        return "TFLite " + TensorFlowLite.runtimeVersion() + " (desktop, DJL), " + (xnnpack ? "cpu-xnnpack/" : "cpu-reference/") + threads;
    }

    /** Nothing beyond the models: each interpreter is closed with its model. */
    @Override
    public void close() {}
}
