package org.facegate.testing;

import org.facegate.detect.Detectors;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Embedding;
import org.facegate.embed.Normalization;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.image.RgbImage;
import org.facegate.pipeline.FaceResult;
import org.facegate.pipeline.FacePipeline;

/** The default pipeline (default detector, flip-averaged MobileFaceNet, as the CLI) on the desktop runtime, shared by a test class (open in @BeforeClass, close in @AfterClass). */
public final class Pipelines implements AutoCloseable {
    public final FaceDetector detector;
    public final TfliteEmbedder embedder;
    public final FacePipeline pipeline;

    public Pipelines() throws Exception {
        detector = Detectors.open(Detectors.DEFAULT, TestData.models(), TestData.cpu());
        embedder = new TfliteEmbedder(TestData.open("MobileFaceNet.tflite"),
                "mobilefacenet", Normalization.FACENET, true);
        pipeline = new FacePipeline(detector, embedder);
    }

    /** Embedding of the central face of an LFW image. */
    public Embedding lfw(String name, int n) {
        RgbImage img = TestData.lfwImage(name, n);
        FaceResult r = pipeline.central(img);
        if (r == null) throw new AssertionError("no face in " + name + " " + n);
        return r.embedding();
    }

    @Override
    public void close() {
        detector.close();
        embedder.close();
    }
}
