package org.facegate.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.facegate.eval.Pair;
import org.facegate.eval.PairScorer;
import org.facegate.eval.VerificationProtocol;
import org.facegate.eval.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", description = "LFW verification protocol: k-fold accuracy, ROC AUC, TAR at FAR; Markdown + ROC PNG.")
final class EvalCommand implements Callable<Integer> {
    @Mixin GalleryOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--lfw", required = true, description = "directory with pairs.txt and images/") Path lfw;
    @Option(names = "--report", description = "directory for lfw-eval.md and lfw-roc.png (default: ${DEFAULT-VALUE})")
    Path reportDir = Path.of("target", "eval");
    @Option(names = "--scores", description = "also write each pair's score to this file (pair number, same/different, cosine; "
            + "NaN where no face was found), e.g. to compare two builds pair by pair")
    Path scoresFile;

    @Override
    public Integer call() throws Exception {
        LfwDirectory data = new LfwDirectory(lfw);
        List<Pair> pairs = data.pairs();
        double[] scores;
        String modelId;
        try (Engine engine = opts.engine()) {
            modelId = engine.modelId();
            scores = PairScorer.score(pairs, data, engine.pipeline, new TerminalProgress(System.err));
        }
        VerificationReport r = VerificationProtocol.evaluate(pairs, scores);
        if (scoresFile != null) writeScores(pairs, scores, scoresFile);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "model: %s, detector: %s%s%n", modelId, opts.detector, opts.flip ? ", flip-averaged" : "");
        out.printf(Locale.ROOT, "accuracy: %.2f%% (+/- %.2f)%n", 100 * r.accuracy(), 100 * r.accuracyStd());
        out.printf(Locale.ROOT, "roc auc: %.4f%n", r.auc());
        out.printf(Locale.ROOT, "tar@far=1e-3: %.2f%%%n", 100 * r.tarAtFar1e3());
        out.printf(Locale.ROOT, "tar@far=1e-4: %.2f%%%n", 100 * r.tarAtFar1e4());
        out.printf(Locale.ROOT, "undetected: %d of %d pairs (%.2f%%), counted as errors%n", r.failures(), r.pairs(), 100.0 * r.failures() / r.pairs());
        writeMarkdown(r, modelId, reportDir.resolve("lfw-eval.md"));
        boolean[] same = new boolean[pairs.size()];
        for (int i = 0; i < same.length; i++) same[i] = pairs.get(i).same();
        Annotator.write(roc(scores, same), reportDir.resolve("lfw-roc.png"), "png");
        out.println("report: " + reportDir.resolve("lfw-eval.md") + ", " + reportDir.resolve("lfw-roc.png"));
        return 0;
    }

    private static void writeScores(List<Pair> pairs, double[] scores, Path file) throws CliException {
        StringBuilder sb = new StringBuilder("# pair\tsame\tscore\n");
        for (int i = 0; i < scores.length; i++) {
            sb.append(i + 1).append('\t').append(pairs.get(i).same() ? "same" : "different").append('\t').append(scores[i]).append('\n');
        }
        AtomicFiles.write(file, tmp -> Files.write(tmp, sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private void writeMarkdown(VerificationReport r, String modelId, Path file) throws CliException {
        String md = String.format(Locale.ROOT, "# LFW verification (%s)%n%n"
                + "Pipeline: detector `%s`, 112x112 similarity alignment, `%s`%s, cosine similarity.%n%n"
                + "| metric | value |%n|---|---|%n| pairs | %d |%n| folds | k-fold, threshold from the other folds |%n"
                + "| accuracy | %.2f%% ± %.2f |%n| ROC AUC | %.4f |%n| TAR @ FAR=1e-3 | %.2f%% |%n| TAR @ FAR=1e-4 | %.2f%% |%n"
                + "| mean threshold | %.3f |%n| undetected (errors) | %d |%n",
                lfw, opts.detector, modelId, opts.flip ? " with flip averaging" : "", r.pairs(), 100 * r.accuracy(), 100 * r.accuracyStd(), r.auc(),
                100 * r.tarAtFar1e3(), 100 * r.tarAtFar1e4(), r.meanThreshold(), r.failures());
        AtomicFiles.write(file, tmp -> Files.write(tmp, md.getBytes(StandardCharsets.UTF_8)));
    }

    /** ROC curve (TAR against FAR, log-scaled FAR axis from 1e-4 to 1). */
    static BufferedImage roc(double[] scores, boolean[] same) {
        int w = 640, h = 480, m = 60;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.GRAY);
        g.drawRect(m, m / 2, w - m - m / 2, h - m - m / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int e = -4; e <= 0; e++) {
            int x = m + (e + 4) * (w - m - m / 2) / 4;
            g.drawString("1e" + e, x - 12, h - m / 2 + 4);
        }
        for (int t = 0; t <= 10; t += 2) g.drawString(String.format(Locale.ROOT, "%.1f", t / 10.0), 20, h - m - t * (h - m - m / 2) / 10 + 4);
        g.drawString("false accept rate (log)", w / 2 - 60, h - 8);
        g.drawString("true accept rate", 8, m / 2 - 8);
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(val(scores[b]), val(scores[a])));
        long pos = 0, neg = 0;
        for (boolean s : same) if (s) pos++; else neg++;
        g.setColor(new Color(30, 90, 200));
        g.setStroke(new BasicStroke(2f));
        int tp = 0, fp = 0, px = -1, py = -1;
        for (Integer i : idx) {
            if (same[i]) tp++; else fp++;
            double far = Math.max(1e-4, (double) fp / neg);
            int x = m + (int) ((Math.log10(far) + 4) / 4 * (w - m - m / 2));
            int y = h - m - (int) ((double) tp / pos * (h - m - m / 2));
            if (px >= 0) g.drawLine(px, py, x, y);
            px = x;
            py = y;
        }
        g.dispose();
        return img;
    }

    private static double val(double s) {
        return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s;
    }
}
