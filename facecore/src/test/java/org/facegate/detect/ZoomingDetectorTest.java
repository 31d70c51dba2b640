package org.facegate.detect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.util.List;
import org.facegate.align.Alignment;
import org.facegate.embed.Embedding;
import org.facegate.embed.Normalization;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.image.RgbImage;
import org.facegate.testing.TestData;
import org.junit.Test;

/**
 * A small, tilted face of a large group photo (face-api's demo sample1, fetched with the models) embeds the same from
 * the whole photo as from a crop around it with the default detector, which zooms in before the mesh refines; the same
 * detector without zooming does not.
 */
public class ZoomingDetectorTest {
    @Test
    public void smallFaceOfAGroupPhotoAlignsAsInACrop() throws Exception {
        File photo = TestData.modelCache().resolve("vladmandic-face-api-1.7.15/demo/sample1.jpg").toFile();
        assumeTrue("face-api demo photos not fetched: " + photo, photo.isFile());
        RgbImage img = TestData.read(photo);
        try (FaceDetector zooming = Detectors.open("blazeface+mesh", TestData.models(), TestData.cpu());
                FaceDetector plain = new MeshRefinedDetector(new BlazeFace(TestData.models(), TestData.cpu(), BlazeFace.Range.SHORT),
                        new FaceMesh(TestData.models(), TestData.cpu()));
                TfliteEmbedder embedder = new TfliteEmbedder(TestData.open("MobileFaceNet.tflite"),
                        "source", Normalization.FACENET, true)) {
            assertTrue(((MeshRefinedDetector) zooming).detector() instanceof ZoomingDetector);
            List<Face> faces = zooming.detect(img);
            assertEquals(3, faces.size());
            int checked = 0;
            for (Face f : faces) {
                float side = Math.max(f.box().width(), f.box().height());
                int x0 = Math.round((f.box().left() + f.box().right()) / 2 - side), y0 = Math.round((f.box().top() + f.box().bottom()) / 2 - side);
                int s = Math.round(2 * side);
                if (x0 < 0 || y0 < 0 || x0 + s > img.width() || y0 + s > img.height()) continue;
                Embedding viaCrop = embed(embedder, img.crop(x0, y0, s, s), zooming);
                float zoomed = embedder.embed(img, Alignment.LANDMARKS.transform(f)).cosine(viaCrop);
                assertTrue("face " + f.box() + ": zoomed " + zoomed, zoomed > 0.95f);
                checked++;
            }
            assertTrue(checked >= 2);
            // the tilted middle face (the reason for zooming): the first pass alone aligns it far worse
            Face middle = faces.get(0);
            for (Face f : faces) if (Math.abs(cx(f) - img.width() / 2f) < Math.abs(cx(middle) - img.width() / 2f)) middle = f;
            Face unzoomed = null;
            for (Face f : plain.detect(img)) if (f.box().iou(middle.box()) > 0.3f) unzoomed = f;
            float first = embedder.embed(img, Alignment.LANDMARKS.transform(unzoomed)).cosine(embedder.embed(img, Alignment.LANDMARKS.transform(middle)));
            assertTrue("first pass alone " + first, first < 0.9f);
        }
    }

    private static float cx(Face f) {
        return (f.box().left() + f.box().right()) / 2;
    }

    private static Embedding embed(TfliteEmbedder embedder, RgbImage crop, FaceDetector detector) {
        Face best = null;
        for (Face f : detector.detect(crop)) if (best == null || f.box().area() > best.box().area()) best = f;
        return embedder.embed(crop, Alignment.LANDMARKS.transform(best));
    }
}
