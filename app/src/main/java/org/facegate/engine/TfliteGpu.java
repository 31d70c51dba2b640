package org.facegate.engine;

import java.io.File;
import org.tensorflow.lite.Delegate;
import org.tensorflow.lite.gpu.CompatibilityList;
import org.tensorflow.lite.gpu.GpuDelegate;
import org.tensorflow.lite.gpu.GpuDelegateFactory;

/**
 * TFLite's GPU delegate as TFLite documents it: the compatibility list decides whether this device's GPU may be used
 * and gives its best options; each model gets its own delegate, with its precision, and a serialization cache in the
 * app's no-backup files directory (compiled GPU programs are reused across starts; never backed up).
 */
final class TfliteGpu implements GpuSupport {
    private final CompatibilityList compatibility;
    private final File cacheDir;

    /**
     * @param cacheDir where the delegate may serialize compiled programs, or null for none
     * @throws LinkageError     if the delegate's native library is missing or does not link (some emulators)
     * @throws RuntimeException if the device's GPU cannot be queried
     */
    TfliteGpu(File cacheDir) {
        this.compatibility = new CompatibilityList();
        this.cacheDir = cacheDir;
    }

    @Override
    public String unavailableReason() {
        return compatibility.isDelegateSupportedOnThisDevice() ? null : "this GPU is not on TFLite's compatibility list";
    }

    @Override
    public Delegate newDelegate(boolean precisionLossAllowed, String modelToken) {
        GpuDelegateFactory.Options o = compatibility.getBestOptionsForThisDevice();
        o.setPrecisionLossAllowed(precisionLossAllowed);
        if (cacheDir != null && (cacheDir.isDirectory() || cacheDir.mkdirs())) {
            // the token must change when the model does: file name plus precision (the models are checksum-pinned)
            o.setSerializationParams(cacheDir.getAbsolutePath(), modelToken + (precisionLossAllowed ? "-fp16" : "-fp32"));
        }
        return new GpuDelegate(o);
    }

    @Override
    public void close() {
        compatibility.close();
    }
}
