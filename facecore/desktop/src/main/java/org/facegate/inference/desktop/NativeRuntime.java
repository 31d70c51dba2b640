package org.facegate.inference.desktop;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;

/**
 * Makes the TFLite native library available once per JVM. On the desktop the library ships inside the
 * {@code ai.djl.tflite:tflite-native-cpu} jar as {@code native/lib/libtensorflowlite_jni.so}: it is extracted to a
 * temp file and {@code System.load}ed, which binds it to this class's loader: the app's tests load this module in a
 * loader of its own (one per JVM), the CLI and facecore's tests in the application loader.
 */
final class NativeRuntime {
    static final String RESOURCE = "/native/lib/libtensorflowlite_jni.so";
    private static boolean loaded;

    private NativeRuntime() {}

    /** Loads the desktop native library if it is not loaded yet. */
    static synchronized void ensureLoaded() {
        if (loaded) return;
        try (InputStream in = NativeRuntime.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the TFLite native library " + RESOURCE + " is not on the class path (ai.djl.tflite:tflite-native-cpu)");
            File so = File.createTempFile("tensorflowlite_jni", ".so");
            so.deleteOnExit();
            try (OutputStream out = Files.newOutputStream(so.toPath())) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
            }
            System.load(so.getAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot extract the TFLite native library: " + e.getMessage(), e);
        }
        loaded = true;
    }
}
