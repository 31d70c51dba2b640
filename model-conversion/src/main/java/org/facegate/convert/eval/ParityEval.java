package org.facegate.convert.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Embedding;
import org.facegate.embed.Normalization;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.eval.Pair;
import org.facegate.eval.VerificationProtocol;
import org.facegate.eval.VerificationReport;
import org.facegate.image.RgbImage;
import org.facegate.pipeline.FaceResult;
import org.facegate.pipeline.FacePipeline;
import org.facegate.inference.ModelOptions;
import org.facegate.inference.desktop.DesktopRuntime;

/**
 * Embeds every image of an LFW set with several models through facecore's pipeline (central face, landmark
 * alignment, {@link TfliteEmbedder} with flip averaging), detecting each image once for all of them
 * ({@link SameFrameDetector}). Then, per model: the cosine of each image's embedding to the reference model's
 * (model 0), and the LFW protocol over the pair scores, computed as facecore's PairScorer computes them.
 * Images are split over worker threads, each with its own interpreters (1 CPU thread each).
 */
public final class ParityEval {
    /**
     * Per model: cosine to the reference (mean, min over images with a face), verification results, and the score
     * of each pair in {@link LfwSet#pairs()} order (NaN where a face was not found).
     */
    public record Result(double meanCosine, double minCosine, int faces, VerificationReport verification, double[] scores) {}

    private ParityEval() {}

    /**
     * @param models  model bytes; index 0 is the reference the others are compared with
     * @param workers parallel workers
     */
    public static List<Result> run(LfwSet lfw, List<byte[]> models, Path npmCache, String detector, int workers)
            throws Exception {
        int n = lfw.images().size();
        Embedding[][] emb = new Embedding[models.size()][n];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Void>> jobs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                jobs.add(pool.submit(() -> {
                    embedShare(lfw, models, npmCache, detector, first, workers, emb, done);
                    return null;
                }));
            }
            for (Future<Void> j : jobs) j.get();
        } finally {
            pool.shutdownNow();
        }
        List<Result> results = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) results.add(result(lfw, emb, m));
        return results;
    }

    private static void embedShare(LfwSet lfw, List<byte[]> models, Path npmCache, String detectorName, int first, int step,
            Embedding[][] emb, AtomicInteger done) throws Exception {
        DesktopRuntime cpu = new DesktopRuntime(1);
        List<TfliteEmbedder> embedders = new ArrayList<>();
        try (FaceDetector detector = EvalDetector.open(detectorName, npmCache, cpu)) {
            SameFrameDetector shared = new SameFrameDetector(detector);
            List<FacePipeline> pipelines = new ArrayList<>();
            for (byte[] m : models) {
                ByteBuffer b = ByteBuffer.allocateDirect(m.length).order(ByteOrder.nativeOrder());
                b.put(m).rewind();
                TfliteEmbedder e = new TfliteEmbedder(cpu.open(b, "variant " + m.length + " bytes", ModelOptions.EXACT), "parity", Normalization.FACENET, true);
                embedders.add(e);
                pipelines.add(new FacePipeline(shared, e));
            }
            for (int i = first; i < lfw.images().size(); i += step) {
                RgbImage img = readImage(lfw, i);
                for (int m = 0; m < pipelines.size(); m++) {
                    FaceResult r = pipelines.get(m).central(img);
                    emb[m][i] = r == null ? null : r.embedding();
                }
                int d = done.incrementAndGet();
                if (d % 200 == 0) System.out.println("[model-conversion] embedded " + d + "/" + lfw.images().size() + " images");
            }
        } finally {
            for (TfliteEmbedder e : embedders) e.close();
        }
    }

    private static RgbImage readImage(LfwSet lfw, int i) throws IOException {
        return lfw.source().read(lfw.images().get(i));
    }

    private static Result result(LfwSet lfw, Embedding[][] emb, int m) {
        double sum = 0, min = 1;
        int faces = 0;
        for (int i = 0; i < emb[m].length; i++) {
            if (emb[m][i] == null || emb[0][i] == null) continue;
            double c = emb[m][i].cosine(emb[0][i]);
            sum += c;
            min = Math.min(min, c);
            faces++;
        }
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < lfw.images().size(); i++) index.put(lfw.images().get(i), i);
        List<Pair> pairs = lfw.pairs();
        double[] scores = new double[pairs.size()];
        boolean[] same = new boolean[pairs.size()];
        int[] fold = new int[pairs.size()];
        int folds = 0;
        for (int p = 0; p < pairs.size(); p++) {
            Embedding a = emb[m][index.get(pairs.get(p).first())], b = emb[m][index.get(pairs.get(p).second())];
            scores[p] = a == null || b == null ? Double.NaN : a.cosine(b);
            same[p] = pairs.get(p).same();
            fold[p] = pairs.get(p).fold();
            folds = Math.max(folds, fold[p] + 1);
        }
        return new Result(faces == 0 ? Double.NaN : sum / faces, min, faces, VerificationProtocol.evaluate(scores, same, fold, folds), scores);
    }
}
