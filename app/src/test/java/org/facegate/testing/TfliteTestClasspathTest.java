package org.facegate.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.facegate.inference.InferenceRuntime;
import org.facegate.testing.runtime.DesktopRuntimes;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.tensorflow.lite.Tensor;

/**
 * Guards the test setup against the defect of round one (the app's tests ran DJL's TFLite classes, the APK shipped
 * 2.16.1's, and the app crashed on every phone): the TFLite classes the app's code sees under test are the ones the
 * APK ships, and the desktop runtime that runs the real models lives in a loader of its own, sharing only the port.
 */
@RunWith(RobolectricTestRunner.class)
public class TfliteTestClasspathTest {
    @Test
    public void theAppSeesTheShippedTfliteClasses() {
        assertTrue("org.tensorflow.lite.Tensor is an interface in TFLite 2.16.1 (a class in DJL's build)", Tensor.class.isInterface());
        String from = String.valueOf(getClass().getClassLoader().getResource("org/tensorflow/lite/Tensor.class"));
        assertTrue("Tensor comes from " + from, from.contains("android-deps"));
    }

    @Test
    public void theDesktopRuntimeIsInvisibleToTheApp() {
        try {
            Class.forName("org.facegate.inference.desktop.DesktopRuntime", false, getClass().getClassLoader());
            fail("the desktop adapter is on the app's test classpath");
        } catch (ClassNotFoundException expected) {
            // only DesktopRuntimes' own loader has it
        }
    }

    @Test
    public void theDesktopRuntimeHasItsOwnTfliteAndSharesThePort() throws Exception {
        InferenceRuntime r = DesktopRuntimes.create(1);
        ClassLoader isolated = r.getClass().getClassLoader();
        assertSame(DesktopRuntimes.loader(), isolated);
        Class<?> djlTensor = Class.forName("org.tensorflow.lite.Tensor", false, isolated);
        assertFalse("DJL's Tensor is a class", djlTensor.isInterface());
        assertNotSame(Tensor.class, djlTensor);
        assertSame("one port for both sides", InferenceRuntime.class, Class.forName(InferenceRuntime.class.getName(), false, isolated));
        assertNotSame("the test class itself is sandboxed", ClassLoader.getSystemClassLoader(), getClass().getClassLoader());
        assertEquals("the port is loaded outside the sandbox", ClassLoader.getSystemClassLoader(), InferenceRuntime.class.getClassLoader());
        r.close();
    }
}
