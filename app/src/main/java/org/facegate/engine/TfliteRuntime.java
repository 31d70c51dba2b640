package org.facegate.engine;

import java.nio.ByteBuffer;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.inference.Placement;
import org.tensorflow.lite.Delegate;
import org.tensorflow.lite.InterpreterApi;
import org.tensorflow.lite.TensorFlowLite;

/**
 * The phone's adapter of facecore's inference port, compiled against exactly what the APK ships: TFLite 2.16.1's
 * {@link InterpreterApi} (the application's own runtime, not Play services') and the GPU delegate. Each model that
 * allows it goes to the GPU where the device supports one; a model the delegate refuses, or any model when there is
 * no usable GPU, runs on the CPU with XNNPACK. Every choice is kept as the model's {@link Placement}, with its reason.
 *
 * <p>Confined to the thread that created it: a GPU delegate used or closed on another thread crashes in native code,
 * so every call checks the thread. Close the models, then the runtime.
 */
public final class TfliteRuntime implements InferenceRuntime {
    /** Makes an interpreter: TFLite's {@link InterpreterApi#create}; tests give doubles, the native runtime cannot load on the JVM. */
    interface Interpreters {
        InterpreterApi create(ByteBuffer model, InterpreterApi.Options options);
    }

    private final Thread owner = Thread.currentThread();
    private final int cpuThreads;
    private final Interpreters interpreters;
    private final GpuSupport gpu;
    private final String gpuUnavailable;

    /**
     * The runtime for this device, on the calling thread: GPU where TFLite's compatibility list allows, else CPU.
     *
     * @param gpuCacheDir where GPU delegates may serialize compiled programs (the app's no-backup files), or null
     */
    public static TfliteRuntime forThisDevice(int cpuThreads, java.io.File gpuCacheDir) {
        GpuSupport gpu = null;
        String why;
        try {
            gpu = new TfliteGpu(gpuCacheDir);
            why = gpu.unavailableReason();
        } catch (LinkageError | RuntimeException e) {
            // no usable delegate library (some emulators, a device without OpenCL): CPU it is, and say why
            why = "GPU delegate unavailable: " + e;
        }
        if (why != null && gpu != null) {
            gpu.close();
            gpu = null;
        }
        return new TfliteRuntime(cpuThreads, InterpreterApi::create, gpu, why);
    }

    /**
     * @param gpu            the GPU delegates, or null when none may be used
     * @param gpuUnavailable why not, when {@code gpu} is null
     */
    TfliteRuntime(int cpuThreads, Interpreters interpreters, GpuSupport gpu, String gpuUnavailable) {
        if (cpuThreads < 1) throw new IllegalArgumentException("threads must be >= 1: " + cpuThreads);
        this.cpuThreads = cpuThreads;
        this.interpreters = interpreters;
        this.gpu = gpu;
        this.gpuUnavailable = gpu == null ? (gpuUnavailable == null ? "no GPU delegate" : gpuUnavailable) : null;
    }

    @Override
    public InferenceModel open(ByteBuffer model, String name, ModelOptions options) throws ModelException {
        checkThread();
        String cpuReason;
        if (!options.gpu()) {
            cpuReason = "the model asks for the CPU";
        } else if (gpu == null) {
            cpuReason = gpuUnavailable;
        } else {
            Delegate delegate = gpu.newDelegate(options.precisionLossAllowed(), name);
            try {
                InterpreterApi i = interpreters.create(model, options().addDelegate(delegate));
                String detail = "GPU delegate, " + (options.precisionLossAllowed() ? "fp16 allowed" : "fp32");
                return new TfliteModel(this, i, delegate, name, new Placement(Placement.Backend.GPU, detail));
            } catch (RuntimeException refused) {
                // an op the delegate cannot run: this model goes to the CPU, the others may still use the GPU
                closeQuietly(delegate);
                cpuReason = "GPU delegate refused it (" + refused.getMessage() + ")";
            }
        }
        InterpreterApi i;
        try {
            i = interpreters.create(model, options().setUseXNNPACK(true));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            throw new ModelException(name + ": the TFLite runtime refuses the model, truncated or corrupt (" + refused.getMessage() + ")", refused);
        }
        String detail = "XNNPACK, " + cpuThreads + (cpuThreads == 1 ? " thread" : " threads") + "; " + cpuReason;
        return new TfliteModel(this, i, null, name, new Placement(Placement.Backend.CPU, detail));
    }

    private InterpreterApi.Options options() {
        return new InterpreterApi.Options().setRuntime(InterpreterApi.Options.TfLiteRuntime.FROM_APPLICATION_ONLY).setNumThreads(cpuThreads);
    }

    @Override
    public String description() {
        String version;
        try {
            version = TensorFlowLite.runtimeVersion();
        } catch (LinkageError | RuntimeException e) {
            version = "unavailable (" + e + ")";
        }
        return "TFLite " + version + " (Android), " + (gpu != null ? "GPU delegate" : gpuUnavailable) + ", CPU " + cpuThreads + " threads";
    }

    @Override
    public void close() {
        checkThread();
        if (gpu != null) gpu.close();
    }

    void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("TFLite models and GPU delegates must be used on " + owner.getName() + ", not " + Thread.currentThread().getName());
        }
    }

    static void closeQuietly(Delegate d) {
        try {
            d.close();
        } catch (RuntimeException e) {
            // the delegate holds nothing more to release
        }
    }
}
