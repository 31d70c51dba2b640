package org.facegate.engine;

import org.tensorflow.lite.Delegate;

/**
 * The device's GPU delegate, as {@link TfliteRuntime} needs it: whether the device can use one, and a new delegate
 * per model. {@link TfliteGpu} is TFLite's; tests substitute their own, since the delegate's native library cannot
 * load on the JVM.
 */
interface GpuSupport extends AutoCloseable {
    /** Why no model may use the GPU on this device, or null when it may. */
    String unavailableReason();

    /**
     * A delegate for one model.
     *
     * @param precisionLossAllowed whether the GPU may compute in fp16
     * @param modelToken           names the model in the delegate's serialization cache
     */
    Delegate newDelegate(boolean precisionLossAllowed, String modelToken);

    @Override
    void close();
}
