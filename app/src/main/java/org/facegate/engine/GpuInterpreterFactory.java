package org.facegate.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.facegate.tflite.CpuInterpreterFactory;
import org.facegate.tflite.InterpreterFactory;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.gpu.CompatibilityList;
import org.tensorflow.lite.gpu.GpuDelegate;

/**
 * Interpreters on the GPU delegate where TFLite's compatibility list says the device supports it, each model falling
 * back to CPU with XNNPACK if the delegate refuses it. Confined to the thread that created it: a GPU delegate used or
 * closed on another thread than the one that created it crashes in native code (a known failure of comparable apps),
 * so every call checks the thread. {@link #close} closes the delegates; call it after closing the interpreters.
 */
public final class GpuInterpreterFactory implements InterpreterFactory, AutoCloseable {
    private final Thread owner = Thread.currentThread();
    private final CompatibilityList compatibility;
    private final CpuInterpreterFactory cpu;
    private final List<GpuDelegate> delegates = new ArrayList<>();
    private int onGpu, onCpu;

    /**
     * @throws LinkageError     if the GPU delegate's native library is missing (the JVM, some emulators)
     * @throws RuntimeException if the device's GPU cannot be queried
     */
    public GpuInterpreterFactory(int cpuThreads) {
        compatibility = new CompatibilityList();
        cpu = new CpuInterpreterFactory(cpuThreads);
    }

    /**
     * The best factory for this device: GPU when supported, else CPU with XNNPACK. Call it on the thread that will
     * create, run and close the interpreters.
     */
    public static InterpreterFactory forThisDevice(int cpuThreads) {
        try {
            GpuInterpreterFactory f = new GpuInterpreterFactory(cpuThreads);
            if (f.compatibility.isDelegateSupportedOnThisDevice()) return f;
            f.close();
        } catch (LinkageError | RuntimeException e) {
            // no usable GPU delegate here: CPU it is
        }
        return new CpuInterpreterFactory(cpuThreads);
    }

    @Override
    public Interpreter create(ByteBuffer model) {
        checkThread();
        GpuDelegate delegate = new GpuDelegate(compatibility.getBestOptionsForThisDevice());
        try {
            Interpreter i = new Interpreter(model, new Interpreter.Options().addDelegate(delegate));
            delegates.add(delegate);
            onGpu++;
            return i;
        } catch (RuntimeException e) {
            // an op the delegate cannot run: this model goes to the CPU, the others may still use the GPU
            delegate.close();
            onCpu++;
            return cpu.create(model);
        }
    }

    @Override
    public String backend() {
        return "gpu/" + onGpu + "+" + cpu.backend() + "/" + onCpu;
    }

    @Override
    public void close() {
        checkThread();
        for (GpuDelegate d : delegates) d.close();
        delegates.clear();
        compatibility.close();
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("GPU delegates must be used on " + owner.getName() + ", not " + Thread.currentThread().getName());
        }
    }
}
