package org.facegate.testing.runtime;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.facegate.inference.InferenceRuntime;

/**
 * The desktop inference runtime (facecore-desktop over DJL's TFLite 2.6.2) for the app's Robolectric tests, loaded in
 * a class loader of its own. The app's test classpath holds the TFLite 2.16.1 classes the APK ships (the Android
 * adapter is compiled and unit-tested against them); DJL's classes have the same names but are other classes, so they
 * must never be visible to the app's code. Only the inference port (org.facegate.inference, shared with the app's
 * code) crosses between the two loaders.
 *
 * <p>One loader per JVM, not per Robolectric sandbox: the TFLite native library binds to the loader that loaded it,
 * once. {@code SharedTfliteConfigurer} keeps this package and the port out of the sandboxes for that reason.
 */
public final class DesktopRuntimes {
    /** System property naming the directory of the runtime's jars (set by the app's POM). */
    public static final String PROPERTY = "facegate.desktopRuntime";
    private static final String RUNTIME = "org.facegate.inference.desktop.DesktopRuntime";
    private static ClassLoader loader;

    private DesktopRuntimes() {}

    /** A desktop runtime with {@code threads} CPU threads per model. */
    public static InferenceRuntime create(int threads) {
        try {
            return (InferenceRuntime) Class.forName(RUNTIME, true, loader()).getConstructor(int.class).newInstance(threads);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the desktop runtime failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the desktop runtime is not on " + PROPERTY + ": " + e, e);
        }
    }

    /** The isolated loader (made on first use). */
    public static synchronized ClassLoader loader() {
        if (loader == null) {
            String dir = System.getProperty(PROPERTY);
            File[] jars = dir == null ? null : new File(dir).listFiles((d, n) -> n.endsWith(".jar"));
            if (jars == null || jars.length == 0) throw new IllegalStateException("no desktop runtime jars in " + PROPERTY + "=" + dir + " (see app/pom.xml)");
            List<URL> urls = new ArrayList<>();
            for (File jar : jars) {
                try {
                    urls.add(jar.toURI().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(jar.toString(), e);
                }
            }
            loader = new PortSharingLoader(urls.toArray(new URL[0]), DesktopRuntimes.class.getClassLoader());
        }
        return loader;
    }

    /**
     * Child first for everything it holds (DJL's org.tensorflow.lite.*, the desktop adapter), so the parent's TFLite
     * 2.16.1 classes are never picked up; the port's interfaces always from the parent, so both sides share them.
     */
    static final class PortSharingLoader extends URLClassLoader {
        private static final String PORT = "org.facegate.inference.";
        private static final String ADAPTER = "org.facegate.inference.desktop.";

        PortSharingLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                boolean shared = name.startsWith("java.") || (name.startsWith(PORT) && !name.startsWith(ADAPTER));
                if (c == null && !shared) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notHere) {
                        // not one of the runtime's: the parent's (e.g. org.junit, javax.*)
                    }
                }
                if (c == null) c = getParent().loadClass(name);
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }
}
