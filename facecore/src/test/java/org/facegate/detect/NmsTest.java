package org.facegate.detect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.facegate.embed.Normalization;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.image.RgbImage;
import org.facegate.match.SecurityLevel;
import org.facegate.pipeline.FacePipeline;
import org.facegate.testing.TestData;
import org.junit.Test;

/** Weighted NMS averages the repeated detections of one face, never a neighbour's face overlapping it. */
public class NmsTest {
    /** A face whose box is (x, y, 100, 100) and whose eyes sit at fixed places in it. */
    private static Face face(float x, float y, float score) {
        return new Face(new Box(x, y, x + 100, y + 100), score,
                Landmarks.ofFour(new Point(x + 30, y + 40), new Point(x + 70, y + 40), new Point(x + 50, y + 60), new Point(x + 50, y + 80)));
    }

    @Test
    public void repeatsOfOneFaceAreAveragedByScore() {
        List<Face> out = Nms.weighted(Arrays.asList(face(0, 0, 0.9f), face(4, 0, 0.9f)), 0.3f, 0.7f);
        assertEquals(1, out.size());
        assertEquals(2f, out.get(0).box().left(), 1e-4f);
        assertEquals(32f, out.get(0).landmarks().leftEye().x(), 1e-4f);
        assertEquals(0.9f, out.get(0).score(), 0f);
    }

    @Test
    public void aNeighbourBehindTheFaceIsSuppressedButNotAveragedIn() {
        // shifted by 20 px: IoU 0.67, a second face half hidden behind the first
        List<Face> faces = Arrays.asList(face(0, 0, 0.9f), face(20, 0, 0.8f), face(1, 0, 0.85f));
        List<Face> out = Nms.weighted(faces, 0.3f, 0.7f);
        assertEquals(1, out.size());
        // only the repeat at 1 px is averaged in: (0 * 0.9 + 1 * 0.85) / 1.75
        assertEquals(0.85f / 1.75f, out.get(0).box().left(), 1e-4f);
        // MediaPipe's rule (merge whatever is suppressed) drags the box and eyes towards the neighbour
        List<Face> mediapipe = Nms.weighted(faces, 0.3f, 0.3f);
        assertEquals(1, mediapipe.size());
        assertTrue(mediapipe.get(0).box().left() > 6f);
    }

    @Test
    public void facesApartAreKeptApart() {
        List<Face> out = Nms.weighted(Arrays.asList(face(0, 0, 0.7f), face(300, 0, 0.9f)), 0.3f, 0.7f);
        assertEquals(2, out.size());
        assertEquals(300f, out.get(0).box().left(), 0f); // best first
        assertEquals(0f, out.get(1).box().left(), 0f);
    }

    @Test(expected = IllegalArgumentException.class)
    public void mergingLessThanIsSuppressedIsRefused() {
        Nms.weighted(new ArrayList<>(), 0.5f, 0.3f);
    }

    /**
     * LFW's Gene_Robinson_0003: his face with a woman's half hidden behind it. Merging every suppressed detection put
     * the aligned crop between the two faces, and the default pipeline scored him 0.23 against his own other photo
     * (MTCNN, which separates the two faces: 0.59); now he passes the standard threshold.
     */
    @Test
    public void aFaceWithAnotherBehindItIsAlignedOnItself() throws Exception {
        RgbImage other = TestData.lfwImage("Gene_Robinson", 2), crowded = TestData.lfwImage("Gene_Robinson", 3);
        try (FaceDetector detector = Detectors.open(Detectors.DEFAULT, TestData.models(), TestData.cpu());
                TfliteEmbedder embedder = new TfliteEmbedder(TestData.open("MobileFaceNet.tflite"),
                        "source", Normalization.FACENET, true)) {
            FacePipeline pipeline = new FacePipeline(detector, embedder);
            float score = pipeline.central(other).embedding().cosine(pipeline.central(crowded).embedding());
            assertTrue("same man: " + score, score > SecurityLevel.standard().threshold());
        }
    }
}
