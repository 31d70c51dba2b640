package org.facegate.build;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.Test;

/** The ELF reader on the TensorFlow Lite 2.16.1 libraries the APK ships (64- and 32-bit). */
public class ElfTest {
    static final Path TFLITE_AAR = Path.of(System.getProperty("facegate.platform.dir", "target/platform"), "tensorflow-lite.aar");

    static byte[] library(String abi) throws Exception {
        try (ZipFile z = new ZipFile(TFLITE_AAR.toFile()); InputStream in = z.getInputStream(z.getEntry("jni/" + abi + "/libtensorflowlite_jni.so"))) {
            return in.readAllBytes();
        }
    }

    @Test public void tfliteLibrariesAre4KbAlignedAndExportTheirJniMethods() throws Exception {
        for (String abi : new String[]{"arm64-v8a", "armeabi-v7a", "x86_64"}) {
            Elf elf = Elf.parse(library(abi), abi);
            assertEquals(abi + ": TFLite 2.16.1 is built for 4 KB pages (readelf -lW: LOAD ... 0x1000)", 4096, elf.loadAlign());
            assertTrue(abi, elf.exported().contains("Java_org_tensorflow_lite_NativeInterpreterWrapper_run"));
            assertTrue(abi, elf.exported().contains("Java_org_tensorflow_lite_TensorImpl_shape"));
            assertEquals(abi, 56, elf.exported().stream().filter(s -> s.startsWith("Java_")).count());   // readelf --dyn-syms | grep -c Java_
        }
    }

    @Test public void notAnElfFileIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Elf.parse(new byte[64], "x.so"));
        assertEquals("x.so is not an ELF file", e.getMessage());
    }
}
