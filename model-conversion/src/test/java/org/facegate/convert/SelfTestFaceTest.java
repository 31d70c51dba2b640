package org.facegate.convert;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.facegate.detect.Detectors;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Embedder;
import org.facegate.embed.Embedding;
import org.facegate.image.RgbImage;
import org.facegate.inference.desktop.DesktopRuntime;
import org.facegate.pipeline.FacePipeline;
import org.facegate.tflite.DirectoryModelSource;
import org.facegate.tflite.ModelLoader;
import org.junit.Test;

/** The shipped self-test face: the aligned crop facecore would make of the pinned photo, and the same bytes every build. */
public class SelfTestFaceTest {
    @Test
    public void theCommittedAlignmentIsTheDefaultDetectorsAlignmentOfThePhoto() throws Exception {
        RgbImage photo = SelfTestFace.decode(TestModels.sources().read(SelfTestFace.PHOTO));
        double[][] seen = new double[1][];
        Embedder keep = new Embedder() {
            @Override
            public Embedding embed(RgbImage source, double[] affine) {
                seen[0] = affine.clone();
                return new Embedding(new float[] {1});
            }

            @Override
            public String modelId() {
                return "alignment";
            }

            @Override
            public void close() {}
        };
        ModelLoader loader = ModelLoader.withBuiltInHashes(DirectoryModelSource.npmCache(TestModels.npmCache()));
        try (FaceDetector d = Detectors.open(Detectors.DEFAULT, loader, new DesktopRuntime(1))) {
            new FacePipeline(d, keep).central(photo);
        }
        double[] a = SelfTestFace.AFFINE, b = seen[0];
        // the crop's corners land within a pixel of where the detector puts them
        for (int[] corner : new int[][] {{0, 0}, {112, 0}, {0, 112}, {112, 112}}) {
            double dx = (a[0] - b[0]) * corner[0] + (a[1] - b[1]) * corner[1] + (a[2] - b[2]);
            double dy = (a[3] - b[3]) * corner[0] + (a[4] - b[4]) * corner[1] + (a[5] - b[5]);
            assertTrue("corner " + corner[0] + "," + corner[1] + " off by " + Math.hypot(dx, dy) + " px", Math.hypot(dx, dy) < 1);
        }
    }

    @Test
    public void theCropIsAFaceSizedImageAndTheSameEveryTime() throws Exception {
        byte[] a = SelfTestFace.bytes(TestModels.sources()), b = SelfTestFace.bytes(TestModels.sources());
        assertEquals(112 * 112 * 3, a.length);
        assertArrayEquals(a, b);
        long sum = 0;
        for (byte v : a) sum += v & 0xFF;
        double mean = (double) sum / a.length;
        assertTrue("a face, not a black or blank crop: mean " + mean, mean > 40 && mean < 220);
    }
}
