package org.facegate.inference;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.facegate.detect.Detectors;
import org.facegate.inference.desktop.DesktopRuntime;
import org.junit.Test;

/**
 * The build fails if facecore's shipped code (and the port under it) names anything of org.tensorflow.lite: those
 * classes exist in two incompatible builds (DJL's desktop jar, where Tensor is a class; the app's 2.16.1, where it is
 * an interface), and facecore compiled against one crashes on the other. Only the adapters may refer to TFLite, each
 * compiled against the jar it runs with. The scan reads every class file's bytes, so a reference by reflection (a
 * class name in a string) is caught too.
 */
public class NoTfliteReferenceTest {
    private static final byte[] TFLITE = "org/tensorflow/lite".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TFLITE_DOTTED = "org.tensorflow.lite".getBytes(StandardCharsets.UTF_8);

    @Test
    public void facecoreAndThePortReferToNoTfliteClass() throws Exception {
        List<String> offenders = new ArrayList<>();
        int scanned = scan(codeOf(Detectors.class), offenders) + scan(codeOf(InferenceRuntime.class), offenders);
        assertTrue("scanned only " + scanned + " classes: the scan is not looking at facecore", scanned > 50);
        assertEquals("classes referring to org.tensorflow.lite", List.of(), offenders);
    }

    @Test
    public void theScanFindsTheDesktopAdaptersReferences() throws Exception {
        List<String> found = new ArrayList<>();
        scan(codeOf(DesktopRuntime.class), found);
        assertTrue(found.toString(), found.contains("org/facegate/inference/desktop/DesktopModel.class"));
    }

    private static Path codeOf(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Adds the class files under a directory or in a jar whose bytes mention TFLite; returns how many were read. */
    private static int scan(Path location, List<String> offenders) throws IOException {
        int n = 0;
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                    n++;
                    if (mentions(Files.readAllBytes(f))) offenders.add(location.relativize(f).toString().replace('\\', '/'));
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (!entry.getName().endsWith(".class")) continue;
                    n++;
                    try (InputStream in = jar.getInputStream(entry)) {
                        if (mentions(in.readAllBytes())) offenders.add(entry.getName());
                    }
                }
            }
        }
        return n;
    }

    private static boolean mentions(byte[] classFile) {
        return indexOf(classFile, TFLITE) >= 0 || indexOf(classFile, TFLITE_DOTTED) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
