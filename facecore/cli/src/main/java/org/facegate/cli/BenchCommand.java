package org.facegate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.facegate.align.Aligner;
import org.facegate.detect.Face;
import org.facegate.embed.Embedding;
import org.facegate.image.RgbImage;
import org.facegate.match.GalleryIndex;
import org.facegate.match.Matcher;
import org.facegate.match.Person;
import org.facegate.match.SecurityLevel;
import org.facegate.tflite.CpuInterpreterFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = "Median timings of every pipeline stage and of 1:K identification.")
final class BenchCommand implements Callable<Integer> {
    @Mixin GalleryOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--runs", description = "timed runs per stage (default: ${DEFAULT-VALUE})") int runs = 50;
    @Option(names = "--max-gallery", description = "largest gallery size (default: ${DEFAULT-VALUE})") int maxGallery = 1_000_000;
    @Option(names = "--image", description = "a face photo (default: sample1.jpg of @vladmandic/face-api)") Path image;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Path img = image != null ? image : opts.models.resolve("vladmandic-face-api-1.7.15/demo/sample1.jpg");
        RgbImage frame = Frames.fit(ImageFiles.read(img), 640, 480);
        out.printf(Locale.ROOT, "facegate bench: %s, 640x480 frame from %s, %d runs, median ms (one thread)%n",
                new CpuInterpreterFactory(opts.threads).backend(), img.getFileName(), runs);
        out.println("| stage | median ms | ratio to baseline |");
        out.println("|---|---|---|");
        try (Engine engine = opts.engine()) {
            List<Face> faces = engine.detector.detect(frame);
            if (faces.isEmpty()) throw new CliException("no face in the benchmark image " + img);
            Face face = faces.get(0);
            double det = median(() -> engine.detector.detect(frame));
            double align = median(() -> Aligner.crop(frame, face.landmarks()));
            double embed = median(() -> engine.embedder.embed(frame, Aligner.transform(face.landmarks())));
            double e2e = median(() -> engine.pipeline.process(frame));
            row(out, "detection (" + opts.detector + ")", det, Double.NaN);
            row(out, "alignment (transform + 112x112 crop)", align, Double.NaN);
            row(out, "embedding per face (flip-averaged)", embed, Double.NaN);
            row(out, "end-to-end per frame (" + faces.size() + " face)", e2e, Double.NaN);
        }
        // identification: random unit vectors, the baseline is the smallest gallery
        Random rnd = new Random(42);
        Matcher matcher = new Matcher(SecurityLevel.standard());
        Embedding probe = randomUnit(rnd, 192);
        double base = Double.NaN;
        for (int n = 1000; n <= maxGallery; n *= 10) {
            List<Person> people = new ArrayList<>(n);
            for (int i = 0; i < n; i++) people.add(new Person("p" + i, java.util.Collections.singletonList(randomUnit(rnd, 192))));
            GalleryIndex index = GalleryIndex.of(people);
            people = null;
            double t = median(() -> matcher.identify(probe, index));
            if (Double.isNaN(base)) base = t;
            row(out, String.format(Locale.ROOT, "identify over %,d templates", n), t, t / base);
        }
        return 0;
    }

    private static Embedding randomUnit(Random rnd, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = (float) rnd.nextGaussian();
        return new Embedding(v);
    }

    private static void row(java.io.PrintWriter out, String stage, double ms, double ratio) {
        out.printf(Locale.ROOT, "| %s | %.3f | %s |%n", stage, ms, Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2fx", ratio));
    }

    /** Median wall time in ms over the runs, after as many warm-up runs (JIT, XNNPACK packing). */
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
