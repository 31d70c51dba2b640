package org.facegate.embed;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import org.facegate.testing.TestData;
import org.facegate.inference.ModelException;
import org.junit.Test;

/**
 * A model that does not describe itself is refused rather than fed guessed inputs. Embedding with described models
 * (model-conversion's variants) is tested where they exist: the CLI, which runs the one the app ships.
 */
public class TfliteEmbedderTest {
    @Test
    public void describedByRefusesAModelWithoutMetadata() throws Exception {
        try (TfliteEmbedder e = TfliteEmbedder.describedBy(TestData.models().load("MobileFaceNet.tflite"), "MobileFaceNet.tflite",
                TestData.cpu(), true)) {
            fail("the source model has no metadata, yet got " + e.modelId());
        } catch (ModelException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("MobileFaceNet.tflite: no TFLITE_METADATA"));
        }
    }

    @Test
    public void shippedFileIsTheOneEmbeddingModelListed() throws Exception {
        assertEquals("mobilefacenet-fp16.tflite", TfliteEmbedder.shippedFile(
                Arrays.asList("face_landmark.tflite", "mobilefacenet-fp16.tflite", "face_detection_short_range.tflite"), "models.sha256"));
        for (String[] listed : new String[][] {{"face_landmark.tflite"}, {"mobilefacenet-fp16.tflite", "mobilefacenet-int8.tflite"}}) {
            try {
                fail("picked " + TfliteEmbedder.shippedFile(Arrays.asList(listed), "models.sha256") + " from " + Arrays.toString(listed));
            } catch (ModelException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("expected exactly one mobilefacenet*.tflite in models.sha256, found"));
            }
        }
    }
}
