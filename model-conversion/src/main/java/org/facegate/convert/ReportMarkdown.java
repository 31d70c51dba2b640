package org.facegate.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.facegate.convert.check.GpuDelegateOps;
import org.facegate.convert.check.OpHistogram;
import org.facegate.convert.eval.CropParity;
import org.facegate.convert.eval.LfwSet;
import org.facegate.convert.eval.ParityEval;
import org.facegate.convert.model.Graph;
import org.facegate.convert.model.TfliteReader;
import org.facegate.convert.quant.Int8Design;
import org.facegate.match.SecurityLevel;

/**
 * Collects the report's measurements and renders REPORT.md: variants (size, sha256, op histogram, GPU delegate
 * check), the batch-1 rewrite against the source, int8 design alternatives, parity and LFW accuracy through the
 * pipeline, latency, and the targets with their measured values.
 */
final class ReportMarkdown {
    /** Targets of the issue: int8 size and accuracy loss, fp16 accuracy loss, int8 mean cosine. */
    static final long INT8_MAX_BYTES = 1_600_000;
    static final double INT8_MAX_LOSS = 0.003, FP16_MAX_LOSS = 0.0005, INT8_MIN_COSINE = 0.98;

    private final String commandLine;
    private final byte[] source;
    private final List<Variant> variants = new ArrayList<>();
    private final List<byte[]> bytes = new ArrayList<>();
    private final StringBuilder others = new StringBuilder();
    private final StringBuilder designs = new StringBuilder();
    private final StringBuilder sensitivity = new StringBuilder();
    private boolean reproducible;
    private int crops, cropStep;
    private CropParity sourceParity;
    private LfwSet lfw;
    private String detector;
    private List<Variant> evaluated;
    private List<ParityEval.Result> results;
    private final StringBuilder variantParity = new StringBuilder();
    private int parityFaces, parityStep;
    private double[] latency;
    private final StringBuilder stages = new StringBuilder();
    private boolean complete;
    private List<Variant> shipped = List.of();

    ReportMarkdown(String commandLine, byte[] source) {
        this.commandLine = commandLine;
        this.source = source;
    }

    void variant(Variant v, byte[] b) {
        variants.add(v);
        bytes.add(b);
    }

    /** The variants the app ships (the build's {@code --ship}). */
    void shipped(List<Variant> vs) {
        shipped = vs;
    }

    void reproducible(boolean same) {
        reproducible = same;
    }

    void otherModel(String name, byte[] b) throws ConversionException {
        others.append(modelRow(name, b));
    }

    void crops(int n, int step) {
        crops = n;
        cropStep = step;
    }

    void sourceParity(CropParity p) {
        sourceParity = p;
    }

    void int8Design(Int8Design d, int size, CropParity p) {
        designs.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %.5f | %.5f |%n", d.ranges(), d.floatOps(),
                d.floatOps().ops().isEmpty() ? "" : d.fp16Weights() ? "fp16" : "fp32", size, p.mean(), p.min()));
    }

    /** One op quantized alone: its index, type, output tensor name and shape, mean cosine loss. */
    void sensitivity(int op, String type, String output, double loss) {
        sensitivity.append(String.format(Locale.ROOT, "| %d | %s | `%s` | %.5f |%n", op, type, output, loss));
    }

    /** LFW results of the variants run through the pipeline, float32 (the reference) first. */
    void evaluation(LfwSet set, String detectorName, List<Variant> variantsRun, List<ParityEval.Result> r) {
        lfw = set;
        detector = detectorName;
        evaluated = variantsRun;
        results = r;
    }

    /** Raw-output parity with float32 of the variants not run through the pipeline, on every step-th image's crops. */
    void variantParity(List<Variant> vs, List<CropParity> p, int step) {
        parityStep = step;
        for (int i = 0; i < vs.size(); i++) {
            parityFaces = p.get(i).crops() / 2;
            variantParity.append(String.format(Locale.ROOT, "| %s | %.5f | %.5f | %d |%n", vs.get(i).id, p.get(i).mean(),
                    p.get(i).min(), p.get(i).crops()));
        }
    }

    /** A finished stage of the run and its wall-clock minutes. */
    void stage(String what, double minutes) {
        stages.append(String.format(Locale.ROOT, "| %s | %.1f |%n", what, minutes));
    }

    /** Every section measured: the report is no longer marked partial. */
    void complete() {
        complete = true;
    }

    void latency(double[] medians) {
        latency = medians;
    }

    private static String modelRow(String name, byte[] b) throws ConversionException {
        Graph g = Graph.of(TfliteReader.parse(b, name));
        List<GpuDelegateOps.Issue> issues = GpuDelegateOps.check(g);
        String gpu = issues.isEmpty() ? "all ops supported" : issues.size() + " op(s) refused: " + summarize(issues);
        return String.format(Locale.ROOT, "| %s | %,d | `%s` | %s | %s |%n", name, b.length,
                SourceModels.sha256(b).substring(0, 16), gpu, OpHistogram.format(OpHistogram.of(g)));
    }

    private static String summarize(List<GpuDelegateOps.Issue> issues) {
        java.util.Map<String, Integer> n = new java.util.TreeMap<>();
        for (GpuDelegateOps.Issue i : issues) n.merge(i.name() + " v" + i.version() + " (" + i.reason() + ")", 1, Integer::sum);
        StringBuilder sb = new StringBuilder();
        for (java.util.Map.Entry<String, Integer> e : n.entrySet()) sb.append(sb.length() > 0 ? "; " : "").append(e.getValue()).append("× ").append(e.getKey());
        return sb.toString();
    }

    @Override
    public String toString() {
        try {
            return render();
        } catch (ConversionException e) {
            throw new IllegalStateException(e);
        }
    }

    private String render() throws ConversionException {
        StringBuilder s = new StringBuilder();
        s.append("# model-conversion report\n\n");
        s.append("Generated by `model-conversion` (do not edit by hand). Regenerate from the project root with:\n\n```\n")
                .append(commandLine).append("\n```\n\n");
        s.append("Machine: ").append(cpu()).append("; JVM TFLite runtime 2.6.2 (DJL `tflite-native-cpu`), XNNPACK on, 1 interpreter thread.\n\n");
        if (!complete) s.append("**PARTIAL REPORT: the run has not measured every section yet; sections not measured say so.**\n\n");
        s.append("Stages of this run (wall clock):\n\n| stage | minutes |\n|---|---:|\n").append(stages).append('\n');

        s.append("## Variants\n\n");
        s.append("Converted from `").append(Converter.SOURCE_FILE).append("` of npm `").append(Converter.SOURCE_PACKAGE)
                .append("` (sha256 `").append(SourceModels.sha256(source)).append("`). Each variant was converted twice in this run: ")
                .append(reproducible ? "**the two conversions gave identical bytes**" : "**the two conversions DIFFERED**")
                .append(". The GPU column applies the TFLite GPU delegate's op rules (see `GpuDelegateOps`: the documented"
                        + " op list, the op versions its parsers accept, and fp16 DEQUANTIZEs of constants folded into the"
                        + " ops they feed).\n\n");
        s.append("| model | bytes | sha256 (first 16) | GPU delegate | ops |\n|---|---:|---|---|---|\n");
        s.append(modelRow("source " + Converter.SOURCE_FILE + " (batch 2)", source));
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            s.append(modelRow(v.fileName() + (shipped.contains(v) ? " (shipped)" : ""), bytes.get(i)));
        }
        s.append(others);

        evaluationSection(s);

        s.append("\n## Batch-1 rewrite against the source\n\n");
        if (sourceParity == null) {
            s.append(NOT_MEASURED);
        } else {
            s.append(String.format(Locale.ROOT, "Raw outputs of `%s` and of the batch-2 source (face in row 0) on %d aligned LFW crops"
                    + " (every %dth image from the 4th, central face and its mirror image): mean cosine %.7f, lowest %.7f,"
                    + " bit-identical on %d of %d.%n", Variant.FLOAT32.fileName(), crops, cropStep, sourceParity.mean(),
                    sourceParity.min(), sourceParity.identical(), sourceParity.crops()));
        }

        s.append("\n## Variants measured on crops only\n\n");
        if (variantParity.length() == 0) {
            s.append(sourceParity == null ? NOT_MEASURED : "Every variant ran through the pipeline.\n");
        } else {
            s.append(String.format(Locale.ROOT, "Not run through the pipeline in this run (the int8 models take ~0.5 s per"
                    + " inference on this runtime): raw-output cosine to float32 on the crops of %d LFW faces (every %dth"
                    + " image from the 4th, none seen by calibration; central face and its mirror image).%n%n", parityFaces, parityStep));
            s.append("| variant | mean cosine | lowest cosine | crops |\n|---|---:|---:|---:|\n").append(variantParity);
        }

        s.append("\n## Full-integer design\n\n");
        if (designs.length() == 0) {
            s.append(NOT_MEASURED);
        } else {
            s.append("Raw-output cosine to float32 on the held-out crops of the batch-1 section (calibration used every 7th"
                    + " image from the first) for activation-range choices (full observed range, or quantiles clipping the"
                    + " given fraction of values on each side) and ops kept in float (indices into the float graph's op"
                    + " list: 0-3 the first two blocks at 56x56, 6-7 the first expansion's PReLU and depthwise conv, 92-94"
                    + " the 1x1 conv to 512 channels, its PReLU and the 7x7 global depthwise conv, 95-97 the two final 1x1"
                    + " convs and the reshape), their weights stored as fp16 or fp32. The first row is the shipped design.\n\n");
            s.append("| ranges | float ops | their weights | bytes | mean cosine | lowest cosine |\n|---|---|---|---:|---:|---:|\n").append(designs);
        }
        s.append("\nWhich ops int8 hurts most: each op quantized alone (all others float32), mean cosine loss to float32 on"
                + " the held-out crops, the ten largest (the float ops of the shipped design come from this list):\n\n");
        if (sensitivity.length() == 0) s.append(NOT_MEASURED);
        else s.append("| op | type | output | 1 - cosine |\n|---:|---|---|---:|\n").append(sensitivity);

        s.append("\n## Latency\n\n");
        if (latency == null) {
            s.append(NOT_MEASURED);
        } else {
            s.append("Median of interleaved single inferences (one crop, no flip) per variant, same run:\n\n");
            s.append("| variant | median ms | ratio to float32 |\n|---|---:|---:|\n");
            for (int i = 0; i < variants.size(); i++) {
                s.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f |%n", variants.get(i).id, latency[i], latency[i] / latency[0]));
            }
        }

        targets(s);
        return s.toString();
    }

    private void evaluationSection(StringBuilder s) {
        s.append("\n## Parity and LFW accuracy through facecore's pipeline\n\n");
        if (results == null) {
            s.append(NOT_MEASURED);
            return;
        }
        s.append(String.format(Locale.ROOT, "LFW dev (`%s`): %d pairs in %d folds, %d images; detector %s, central face,"
                + " landmark alignment, flip-averaged embeddings (`TfliteEmbedder`), cosine scores, facecore's"
                + " `VerificationProtocol`. Cosine is between each image's embedding and the float32 variant's.%n%n",
                lfw.root().normalize(), lfw.pairs().size(), foldCount(), lfw.images().size(), detector));
        s.append("| variant | mean cosine | lowest cosine | faces | accuracy | Δ accuracy | TAR @ FAR 1e-3 | AUC | failed pairs |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double base = results.get(0).verification().accuracy();
        for (int i = 0; i < evaluated.size(); i++) {
            ParityEval.Result r = results.get(i);
            s.append(String.format(Locale.ROOT, "| %s | %.5f | %.5f | %d | %.2f%% ± %.2f | %+.2f | %.2f%% | %.5f | %d |%n",
                    evaluated.get(i).id, r.meanCosine(), r.minCosine(), r.faces(), 100 * r.verification().accuracy(),
                    100 * r.verification().accuracyStd(), 100 * (r.verification().accuracy() - base),
                    100 * r.verification().tarAtFar1e3(), r.verification().auc(), r.verification().failures()));
        }
        s.append("\nDecisions at facecore's security levels (`SecurityLevel` thresholds at the time of this run):"
                + " LFW pairs whose accept/reject (cosine ≥ threshold) differs from float32's on the same pair.\n\n");
        List<SecurityLevel> levels = SecurityLevel.all();
        s.append("| variant |");
        for (SecurityLevel l : levels) s.append(String.format(Locale.ROOT, " %s (%.4f) |", l.name(), l.threshold()));
        s.append("\n|---|").append("---:|".repeat(levels.size())).append('\n');
        for (int i = 1; i < evaluated.size(); i++) {
            s.append("| ").append(evaluated.get(i).id).append(" |");
            for (SecurityLevel l : levels) {
                s.append(String.format(Locale.ROOT, " %d of %d |", changedDecisions(results.get(i).scores(), results.get(0).scores(),
                        l.threshold()), lfw.pairs().size()));
            }
            s.append('\n');
        }
    }

    /** Pairs accepted by one model and rejected by the other at a threshold (pairs without a face on either side left out). */
    static int changedDecisions(double[] scores, double[] reference, float threshold) {
        int n = 0;
        for (int p = 0; p < scores.length; p++) {
            if (Double.isNaN(scores[p]) || Double.isNaN(reference[p])) continue;
            if (((float) scores[p] >= threshold) != ((float) reference[p] >= threshold)) n++;
        }
        return n;
    }

    private void targets(StringBuilder s) throws ConversionException {
        s.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        int i8 = variants.indexOf(Variant.INT8);
        target(s, "int8 full-integer ≤ 1.6 MB (1,600,000 bytes)", String.format(Locale.ROOT, "%,d bytes", bytes.get(i8).length),
                bytes.get(i8).length <= INT8_MAX_BYTES);
        ParityEval.Result int8 = result(Variant.INT8), fp16 = result(Variant.FP16);
        if (int8 == null) {
            target(s, "int8 accuracy within 0.3 points of float32", NOT_RUN, false);
            target(s, "int8 mean cosine to float32 ≥ 0.98", NOT_RUN, false);
        } else {
            double loss = results.get(0).verification().accuracy() - int8.verification().accuracy();
            target(s, "int8 accuracy within 0.3 points of float32", lower(loss), loss <= INT8_MAX_LOSS);
            target(s, "int8 mean cosine to float32 ≥ 0.98", String.format(Locale.ROOT, "%.5f", int8.meanCosine()),
                    int8.meanCosine() >= INT8_MIN_COSINE);
        }
        if (fp16 == null) {
            target(s, "fp16 accuracy within 0.05 points of float32", NOT_RUN, false);
        } else {
            double loss = results.get(0).verification().accuracy() - fp16.verification().accuracy();
            target(s, "fp16 accuracy within 0.05 points of float32", lower(loss), loss <= FP16_MAX_LOSS);
        }
        target(s, "same bytes from two conversions", reproducible ? "identical" : "different", reproducible);
        for (Variant v : shipped) {
            int refused = GpuDelegateOps.check(Graph.of(TfliteReader.parse(bytes.get(variants.indexOf(v)), v.fileName()))).size();
            target(s, "shipped " + v.id + ": no op refused by the GPU delegate", refused + " refused", refused == 0);
        }
    }

    /** An accuracy loss in points, as "x points lower" or "x points higher". */
    private static String lower(double loss) {
        return String.format(Locale.ROOT, "%.2f points %s", Math.abs(100 * loss), loss < 0 ? "higher" : "lower");
    }

    /** The LFW result of a variant, or null when it was not run through the pipeline (or not yet). */
    private ParityEval.Result result(Variant v) {
        int i = results == null ? -1 : evaluated.indexOf(v);
        return i < 0 ? null : results.get(i);
    }

    private static final String NOT_MEASURED = "Not measured (yet) in this run.\n";
    private static final String NOT_RUN = "not run through the pipeline (yet)";

    private int foldCount() {
        int f = 0;
        for (org.facegate.eval.Pair p : lfw.pairs()) f = Math.max(f, p.fold() + 1);
        return f;
    }

    private static void target(StringBuilder s, String what, String measured, boolean met) {
        String verdict = measured.equals(NOT_RUN) ? "not measured" : met ? "yes" : "**no**";
        s.append("| ").append(what).append(" | ").append(measured).append(" | ").append(verdict).append(" |\n");
    }

    private static String cpu() {
        String model = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux: the core count alone
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }
}
