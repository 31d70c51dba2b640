package org.facegate.testing;

import org.robolectric.config.AndroidConfigurer;
import org.robolectric.internal.bytecode.InstrumentationConfiguration;
import org.robolectric.internal.bytecode.Interceptors;
import org.robolectric.internal.bytecode.ShadowProviders;

/**
 * Robolectric plugin (registered in META-INF/services): the TFLite Java classes and FaceGate's native-library loader
 * are loaded once by the application class loader instead of once per Robolectric sandbox. A JNI library can be bound
 * to a single class loader only, so without this a second sandbox (e.g. another SDK) fails with "already loaded in
 * another classloader" when it runs a real model through the desktop TFLite runtime.
 */
public class SharedTfliteConfigurer extends AndroidConfigurer {
    /** Packages that stay outside every sandbox. */
    public static final String[] SHARED_PACKAGES = {"org.tensorflow.lite."};
    /**
     * facecore's native loader, alone: the rest of org.facegate.tflite (e.g. EmbeddingModelInfo) refers to other
     * facecore classes, which the sandbox loads too, and the JVM refuses the same class name from two loaders there.
     */
    public static final String SHARED_LOADER = "org.facegate.tflite.NativeRuntime";

    public SharedTfliteConfigurer(ShadowProviders shadowProviders) {
        super(shadowProviders);
    }

    @Override
    public void configure(InstrumentationConfiguration.Builder builder, Interceptors interceptors) {
        super.configure(builder, interceptors);
        for (String p : SHARED_PACKAGES) builder.doNotAcquirePackage(p);
        builder.doNotAcquireClass(SHARED_LOADER);
    }
}
