package org.facegate.embed;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.facegate.testing.TestData;
import org.facegate.tflite.ModelException;
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
}
