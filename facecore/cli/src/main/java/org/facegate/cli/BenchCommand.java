package org.facegate.cli;

import java.io.PrintWriter;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.facegate.align.Aligner;
import org.facegate.align.Alignment;
import org.facegate.detect.Face;
import org.facegate.detect.FaceDetector;
import org.facegate.detect.MeshRefinedDetector;
import org.facegate.detect.ZoomingDetector;
import org.facegate.embed.Embedding;
import org.facegate.eval.Pair;
import org.facegate.eval.PairScorer;
import org.facegate.eval.VerificationProtocol;
import org.facegate.eval.VerificationReport;
import org.facegate.image.RgbImage;
import org.facegate.image.Sampler;
import org.facegate.match.GalleryIndex;
import org.facegate.match.Matcher;
import org.facegate.match.Person;
import org.facegate.match.SecurityLevel;
import org.facegate.pipeline.FacePipeline;
import org.facegate.pipeline.FaceResult;
import org.facegate.inference.desktop.DesktopRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = "Median timings of every stage against the comparable-apps baseline, and of 1:K identification.")
final class BenchCommand implements Callable<Integer> {
    @Mixin GalleryOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--runs", description = "timed runs per stage (default: ${DEFAULT-VALUE})") int runs = 50;
    @Option(names = "--max-gallery", description = "largest gallery size (default: ${DEFAULT-VALUE})") int maxGallery = 1_000_000;
    @Option(names = "--image", description = "a photo; its largest face is framed in 640x480 (default: sample2.jpg of @vladmandic/face-api)")
    Path image;
    @Option(names = "--lfw", description = "also measure LFW accuracy of both configurations (about 7 minutes)") Path lfw;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path img = image != null ? image : opts.models.resolve("vladmandic-face-api-1.7.15/demo/sample2.jpg");
        RgbImage frame;
        try (Engine e = opts.engine()) {
            RgbImage photo = ImageFiles.read(img);
            FaceResult main = e.pipeline.largest(photo);
            if (main == null) throw new CliException("no face in the benchmark image " + img);
            frame = Frames.fit(Frames.crop(photo, main.face().box(), 3f), 640, 480);
        }
        out.printf(Locale.ROOT, "facegate bench: %s, 640x480 frame with one face from %s, median of %d runs in ms%n",
                new DesktopRuntime(opts.threads).description(), img.getFileName(), runs);
        out.printf(Locale.ROOT, "FaceGate: %s + 5-point alignment + embedding%s; baseline (comparable apps):"
                + " mtcnn + box squared and scaled to 112x112 + one embedding from the batch-2 float model%n%n", opts.detector,
                opts.flip ? " (flip-averaged)" : "");
        out.println("| stage | FaceGate ms | baseline ms | FaceGate / baseline |");
        out.println("|---|---|---|---|");
        double[] ours, base;
        try (Engine e = opts.engine()) {
            ours = stages(e, frame);
        }
        try (Engine b = Engine.baseline(opts.models, opts.threads)) {
            base = stages(b, frame);
        }
        String[] names = {"detection", "alignment (transform + 112x112 warp)", "embedding per face", "end-to-end per frame"};
        for (int i = 0; i < names.length; i++) {
            out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2fx |%n", names[i], ours[i], base[i], ours[i] / base[i]);
        }
        try (Engine e = opts.engine()) {
            groupPhoto(out, e);
        }
        if (lfw != null) accuracy(out);
        identification(out);
        return 0;
    }

    /** Detection, alignment, embedding and end-to-end medians of one engine on the frame. */
    private double[] stages(Engine e, RgbImage frame) throws CliException {
        List<Face> faces = e.detector.detect(frame);
        if (faces.isEmpty()) throw new CliException(e.detector.name() + " found no face in the benchmark frame");
        Face face = faces.get(0);
        Alignment alignment = e.pipeline.alignment();
        FloatBuffer crop = FloatBuffer.allocate(Aligner.SIZE * Aligner.SIZE * 3);
        return new double[] {
            median(() -> e.detector.detect(frame)),
            median(() -> {
                crop.clear();
                Sampler.warpAffine(frame, alignment.transform(face), Aligner.SIZE, Aligner.SIZE, 0f, 1f, crop);
            }),
            median(() -> e.embedder.embed(frame, alignment.transform(face))),
            median(() -> e.pipeline.largest(frame)),
        };
    }

    /**
     * Detection on a group photo whose faces are small in the frame: BlazeFace zooming into small faces (a second
     * detection in a crop around each, for keypoints precise enough to align by) against its first pass alone, and the
     * whole default detector (zooming, then mesh refinement).
     */
    private void groupPhoto(PrintWriter out, Engine e) throws CliException {
        if (!(e.detector instanceof MeshRefinedDetector)) return;
        FaceDetector refined = ((MeshRefinedDetector) e.detector).detector();
        if (!(refined instanceof ZoomingDetector)) return;
        FaceDetector first = ((ZoomingDetector) refined).inner();
        Path file = opts.models.resolve("vladmandic-face-api-1.7.15/demo/sample1.jpg");
        RgbImage photo = ImageFiles.read(file);
        int faces = e.detector.detect(photo).size();
        double plain = median(() -> first.detect(photo)), zoomed = median(() -> refined.detect(photo)),
                all = median(() -> e.detector.detect(photo));
        out.printf(Locale.ROOT, "%n| detection, group photo %s %dx%d, %d faces | median ms | ratio to first pass |%n|---|---|---|%n",
                file.getFileName(), photo.width(), photo.height(), faces);
        out.printf(Locale.ROOT, "| %s, first pass only | %.2f | 1.00x |%n", first.name(), plain);
        out.printf(Locale.ROOT, "| %s, zooming into small faces | %.2f | %.2fx |%n", first.name(), zoomed, zoomed / plain);
        out.printf(Locale.ROOT, "| default detector (%s) | %.2f | %.2fx |%n", e.detector.name(), all, all / plain);
    }

    private void accuracy(PrintWriter out) throws Exception {
        LfwDirectory data = new LfwDirectory(lfw);
        List<Pair> pairs = data.pairs();
        VerificationReport ours, base;
        try (Engine e = opts.engine()) {
            ours = evaluate(pairs, data, e.pipeline);
        }
        try (Engine b = Engine.baseline(opts.models, opts.threads)) {
            base = evaluate(pairs, data, b.pipeline);
        }
        out.printf(Locale.ROOT, "%n| accuracy | FaceGate | baseline | FaceGate / baseline |%n|---|---|---|---|%n");
        out.printf(Locale.ROOT, "| LFW accuracy (%d pairs) | %.2f%% | %.2f%% | %.3fx |%n", pairs.size(), 100 * ours.accuracy(),
                100 * base.accuracy(), ours.accuracy() / base.accuracy());
        out.printf(Locale.ROOT, "| TAR @ FAR=1e-3 | %.2f%% | %.2f%% | %.3fx |%n", 100 * ours.tarAtFar1e3(), 100 * base.tarAtFar1e3(),
                ours.tarAtFar1e3() / base.tarAtFar1e3());
    }

    private static VerificationReport evaluate(List<Pair> pairs, LfwDirectory data, FacePipeline p) throws Exception {
        return VerificationProtocol.evaluate(pairs, PairScorer.score(pairs, data, p, new TerminalProgress(System.err)));
    }

    /** 1:K over random unit vectors; the ratio column is against the 1,000-template gallery. */
    private void identification(PrintWriter out) {
        out.printf("%n| identify (1:K, one person per template) | median ms | ratio to 1k |%n|---|---|---|%n");
        Random rnd = new Random(42);
        Matcher matcher = new Matcher(SecurityLevel.standard());
        Embedding probe = randomUnit(rnd, 192);
        double first = Double.NaN;
        for (int n = 1000; n <= maxGallery; n *= 10) {
            List<Person> people = new ArrayList<>(n);
            for (int i = 0; i < n; i++) people.add(new Person("p" + i, Collections.singletonList(randomUnit(rnd, 192))));
            GalleryIndex index = GalleryIndex.of(people);
            double t = median(() -> matcher.identify(probe, index));
            if (Double.isNaN(first)) first = t;
            out.printf(Locale.ROOT, "| %,d templates | %.3f | %.1fx |%n", n, t, t / first);
        }
    }

    private static Embedding randomUnit(Random rnd, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = (float) rnd.nextGaussian();
        return new Embedding(v);
    }

    /** Median wall time in ms over the runs, after warm-up runs (JIT, XNNPACK weight packing). */
    private double median(Runnable task) {
        for (int i = 0; i < Math.max(5, runs / 5); i++) task.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            task.run();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }
}
