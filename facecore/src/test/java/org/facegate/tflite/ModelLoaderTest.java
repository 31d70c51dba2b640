package org.facegate.tflite;

import org.facegate.inference.ModelException;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.facegate.testing.TestData;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ModelLoaderTest {
    @Rule public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void truncatedModelFailsItsChecksum() throws Exception {
        byte[] real = Files.readAllBytes(TestData.modelCache().resolve("mediapipe-face_detection-0.4.1657300184/face_detection_short_range.tflite"));
        Path dir = tmp.getRoot().toPath();
        Files.write(dir.resolve("face_detection_short_range.tflite"), Arrays.copyOf(real, real.length / 2));
        ModelLoader loader = ModelLoader.withBuiltInHashes(new DirectoryModelSource(Collections.singletonList(dir)));
        try {
            loader.load("face_detection_short_range.tflite");
            fail("a truncated model must be refused");
        } catch (ModelException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("model face_detection_short_range.tflite failed its checksum"));
        }
    }

    @Test
    public void missingAndUnpinnedModelsAreRefusedByName() throws Exception {
        Path dir = tmp.getRoot().toPath();
        Files.write(dir.resolve("other.tflite"), new byte[] {1, 2, 3});
        ModelLoader loader = ModelLoader.withBuiltInHashes(new DirectoryModelSource(Collections.singletonList(dir)));
        try {
            loader.load("MobileFaceNet.tflite");
            fail();
        } catch (ModelException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("cannot read model MobileFaceNet.tflite"));
        }
        try {
            loader.load("other.tflite");
            fail();
        } catch (ModelException e) {
            assertEquals("model other.tflite has no pinned sha256; refusing to load it", e.getMessage());
        }
    }

    @Test
    public void fileWithTheRightHashButNoTfliteIdentifierIsRefused() throws Exception {
        Path dir = tmp.getRoot().toPath();
        byte[] junk = "not a flatbuffer at all".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("junk.tflite"), junk);
        String sha = ModelLoader.sha256(ByteBuffer.wrap(junk));
        ModelLoader loader = new ModelLoader(new DirectoryModelSource(Collections.singletonList(dir)), Map.of("junk.tflite", sha));
        try {
            loader.load("junk.tflite");
            fail();
        } catch (ModelException e) {
            assertEquals("model junk.tflite is not a TFLite flatbuffer (no TFL3 identifier)", e.getMessage());
        }
    }

    @Test(expected = IOException.class)
    public void malformedChecksumListIsAnError() throws Exception {
        ModelLoader.parseSums(new ByteArrayInputStream("abc  model.tflite\n".getBytes(StandardCharsets.UTF_8)));
    }
}
