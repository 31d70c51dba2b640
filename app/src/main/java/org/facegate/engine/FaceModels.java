package org.facegate.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.facegate.detect.Detectors;
import org.facegate.detect.Face;
import org.facegate.detect.FaceDetector;
import org.facegate.detect.MeshRefinedDetector;
import org.facegate.embed.Embedding;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.image.RgbImage;
import org.facegate.liveness.LivenessAnalyzer;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelOptions;
import org.facegate.inference.ModelException;
import org.facegate.tflite.ModelLoader;
import org.facegate.pipeline.FacePipeline;

/**
 * The open face models: facecore's default detector, the shipped embedding model and the liveness analyzer (the same
 * BlazeFace and face mesh files, its own interpreters: it tracks one face across frames), checksum-verified. Owns
 * interpreters, so it lives on one thread (see {@link FaceEngine}); not thread-safe.
 */
public final class FaceModels implements AutoCloseable {
    /** The list of shipped models and their sha256, beside them in the assets (written by model-conversion). */
    public static final String SUMS = "models.sha256";

    /** facecore's default detector ({@code blazeface+mesh}). */
    public final FaceDetector detector;
    /** The shipped embedding model, flip-averaged. */
    public final TfliteEmbedder embedder;
    /** Detector and embedder together, landmark-aligned. */
    public final FacePipeline pipeline;
    /** "name@version" of the embedding model, stored with every template it makes. */
    public final String modelId;
    /** The embedding model file. */
    public final String embedderFile;
    /** Frames to eye openness and head pose for the gate's liveness challenge (one camera stream at a time). */
    public final LivenessAnalyzer liveness;
    /** What the GPU self-test of the embedder found ({@link EmbedderSelfTest}), for the diagnostics. */
    public final String selfTest;
    /** The shipped aligned face crop the GPU self-test embeds (model-conversion's SelfTestFace), pinned in {@value #SUMS}. */
    public static final String SELF_TEST_FACE = "selftest-face.rgb";

    private FaceModels(FaceDetector detector, TfliteEmbedder embedder, String modelId, String embedderFile, LivenessAnalyzer liveness,
            String selfTest) {
        this.selfTest = selfTest;
        this.detector = detector;
        this.embedder = embedder;
        this.pipeline = new FacePipeline(detector, embedder);
        this.modelId = modelId;
        this.embedderFile = embedderFile;
        this.liveness = liveness;
    }

    /**
     * The embedding of a face found by other means than {@link #detector} (the liveness analyzer's tracked face),
     * aligned as enrollment aligned the templates: facecore's default detector refines the five points with the face
     * mesh and moves them where its alignment template expects them, so the tracked face gets the same refinement.
     */
    public Embedding embed(RgbImage frame, Face face) {
        Face aligned = detector instanceof MeshRefinedDetector ? ((MeshRefinedDetector) detector).refine(frame, face) : face;
        return embedder.embed(frame, pipeline.alignment().transform(aligned));
    }

    /**
     * Opens the models from the app's assets.
     *
     * @throws ModelException if a model or the checksum list is missing, a checksum differs, or not exactly one
     *     embedding model ships
     */
    public static FaceModels open(AssetModelSource assets, InferenceRuntime runtime) throws ModelException {
        Map<String, String> shipped;
        try (InputStream in = assets.openStream(SUMS)) {
            shipped = ModelLoader.parseSums(in);
        } catch (IOException e) {
            throw new ModelException("cannot read the model list " + SUMS + ": " + e.getMessage(), e);
        }
        // the shipped list pins the converted variants; facecore's built-in list pins the source models
        Map<String, String> sums = new HashMap<>(builtInSums());
        for (Map.Entry<String, String> e : shipped.entrySet()) {
            String before = sums.put(e.getKey(), e.getValue());
            if (before != null && !before.equals(e.getValue())) {
                throw new ModelException(e.getKey() + ": " + SUMS + " and facecore pin different sha256 (" + e.getValue() + " vs " + before + ")");
            }
        }
        String file = TfliteEmbedder.shippedFile(shipped.keySet(), SUMS);

        ModelLoader loader = new ModelLoader(assets, sums);
        FaceDetector detector = Detectors.open(Detectors.DEFAULT, loader, runtime);
        LivenessAnalyzer liveness = null;
        try {
            liveness = LivenessAnalyzer.open(loader, runtime);
            ByteBuffer model = loader.load(file);
            // normalization from the model's own metadata: a swapped model with other preprocessing cannot be fed wrongly
            TfliteEmbedder onDevice = TfliteEmbedder.describedBy(model, file, runtime, true);
            EmbedderSelfTest.Outcome tested = EmbedderSelfTest.check(onDevice,
                    () -> TfliteEmbedder.describedBy(model, file, runtime, true, ModelOptions.CPU), selfTestFace(assets, sums));
            TfliteEmbedder embedder = tested.embedder();
            return new FaceModels(detector, embedder, embedder.modelId(), file, liveness, tested.note());
        } catch (ModelException | RuntimeException | Error e) {
            detector.close();
            if (liveness != null) liveness.close();
            throw e;
        }
    }

    /** The shipped self-test face, if present and as pinned in {@value #SUMS}; else null (the GPU is then not trusted). */
    private static RgbImage selfTestFace(AssetModelSource assets, Map<String, String> sums) {
        String expected = sums.get(SELF_TEST_FACE);
        if (expected == null) return null;
        try (InputStream in = assets.openStream(SELF_TEST_FACE)) {
            byte[] rgb = readAll(in);
            return expected.equals(ModelLoader.sha256(ByteBuffer.wrap(rgb))) ? EmbedderSelfTest.face(rgb) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1 << 14];
        for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
        return out.toByteArray();
    }

    private static Map<String, String> builtInSums() throws ModelException {
        try (InputStream in = ModelLoader.class.getResourceAsStream("models.sha256")) {
            if (in == null) throw new ModelException("facecore's models.sha256 resource is missing");
            return ModelLoader.parseSums(in);
        } catch (IOException e) {
            throw new ModelException("cannot read facecore's models.sha256: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        detector.close();
        embedder.close();
        liveness.close();
    }
}
