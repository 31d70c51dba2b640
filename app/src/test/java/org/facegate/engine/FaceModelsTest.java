package org.facegate.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import androidx.test.core.app.ApplicationProvider;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import org.facegate.testing.Photos;
import org.facegate.testing.TestModels;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

@RunWith(RobolectricTestRunner.class)
public class FaceModelsTest {
    @Test
    public void modelsAreMemoryMappedFromTheAssets() throws Exception {
        ByteBuffer b = new AssetModelSource(ApplicationProvider.getApplicationContext().getAssets()).open("face_landmark.tflite");
        assertTrue(b.getClass().getName(), b instanceof MappedByteBuffer);
    }

    @Test
    public void findsEveryFaceOfAGroupPhoto() throws Exception {
        try (FaceModels m = TestModels.open()) {
            assertEquals("mobilefacenet-fp16.tflite", m.embedderFile);
            System.out.println("model id " + m.modelId);
            assertEquals(3, m.pipeline.process(Photos.rgb(Photos.sample(1))).size());
        }
    }
}
