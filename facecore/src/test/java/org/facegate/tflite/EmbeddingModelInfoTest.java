package org.facegate.tflite;

import org.facegate.inference.ModelException;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.facegate.testing.TestData;
import org.junit.Test;

/**
 * Refusals of the metadata reader. Reading real metadata is tested in model-conversion, against the models it
 * writes and the TFLite support library's own metadata parser.
 */
public class EmbeddingModelInfoTest {
    @Test
    public void aModelWithoutMetadataIsRefusedByName() throws Exception {
        ByteBuffer source = TestData.models().load("MobileFaceNet.tflite");
        try {
            EmbeddingModelInfo.read(source, "MobileFaceNet.tflite");
            fail("the TOCO source model has no metadata");
        } catch (ModelException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("MobileFaceNet.tflite: no TFLITE_METADATA"));
        }
    }

    @Test
    public void aBufferThatIsNotATfliteModelIsRefusedByName() {
        ByteBuffer text = ByteBuffer.wrap("hello, not a model".getBytes(StandardCharsets.US_ASCII));
        try {
            EmbeddingModelInfo.read(text, "notes.tflite");
            fail("text is not a model");
        } catch (ModelException e) {
            assertEquals("notes.tflite: not a TFLite model (no TFL3 identifier)", e.getMessage());
        }
    }

    @Test
    public void aTruncatedBufferIsACleanError() {
        ByteBuffer cut = ByteBuffer.wrap(new byte[] {16, 0, 0, 0, 'T', 'F', 'L', '3', 0, 0});
        try {
            EmbeddingModelInfo.read(cut, "cut.tflite");
            fail("10 bytes cannot hold a model");
        } catch (ModelException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("cut.tflite: truncated or corrupt"));
        }
    }
}
