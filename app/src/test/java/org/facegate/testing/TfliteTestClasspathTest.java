package org.facegate.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;

import org.facegate.tflite.NativeRuntime;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.tensorflow.lite.Interpreter;

/**
 * Guards the test setup that lets later tests run real models under Robolectric: the desktop TFLite runtime (DJL)
 * wins over the Android TFLite classes on the test classpath, and {@link SharedTfliteConfigurer} keeps the TFLite
 * classes and facecore's native loader out of the sandbox class loader. Nothing is initialised or loaded here.
 */
@RunWith(RobolectricTestRunner.class)
public class TfliteTestClasspathTest {
    @Test
    public void interpreterIsTheDesktopRuntime() {
        String jar = Interpreter.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue("org.tensorflow.lite.Interpreter comes from " + jar, jar.contains("tflite-engine"));
    }

    @Test
    public void tfliteAndTheLoaderLiveOutsideTheSandbox() {
        ClassLoader sandbox = getClass().getClassLoader();
        assertNotSame("the test class itself is sandboxed", ClassLoader.getSystemClassLoader(), sandbox);
        assertNotSame(sandbox, Interpreter.class.getClassLoader());
        assertNotSame(sandbox, NativeRuntime.class.getClassLoader());
        assertEquals(Interpreter.class.getClassLoader(), NativeRuntime.class.getClassLoader());
    }
}
