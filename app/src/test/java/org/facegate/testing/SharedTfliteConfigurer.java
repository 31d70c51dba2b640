package org.facegate.testing;

import org.robolectric.config.AndroidConfigurer;
import org.robolectric.internal.bytecode.InstrumentationConfiguration;
import org.robolectric.internal.bytecode.Interceptors;
import org.robolectric.internal.bytecode.ShadowProviders;

/**
 * Robolectric plugin (registered in META-INF/services): the inference port and the loader of the isolated desktop
 * runtime are loaded once by the application class loader instead of once per Robolectric sandbox. The desktop
 * runtime's JNI library can be bound to a single class loader only, so its loader must be one per JVM, and the port's
 * interfaces must be the same classes in every sandbox and in that loader.
 */
public class SharedTfliteConfigurer extends AndroidConfigurer {
    /** Packages that stay outside every sandbox: the port (and with it its desktop adapter, which lives in its own loader). */
    public static final String[] SHARED_PACKAGES = {"org.facegate.inference.", "org.facegate.testing.runtime."};

    public SharedTfliteConfigurer(ShadowProviders shadowProviders) {
        super(shadowProviders);
    }

    @Override
    public void configure(InstrumentationConfiguration.Builder builder, Interceptors interceptors) {
        super.configure(builder, interceptors);
        for (String p : SHARED_PACKAGES) builder.doNotAcquirePackage(p);
    }
}
