package org.facegate.convert;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.facegate.convert.eval.AlignedCrops;
import org.facegate.convert.eval.CropParity;
import org.facegate.convert.eval.EvalDetector;
import org.facegate.convert.eval.Latency;
import org.facegate.convert.eval.LfwSet;
import org.facegate.convert.eval.ParityEval;
import org.facegate.convert.model.AtomicFiles;
import org.facegate.convert.quant.ActivationRanges;
import org.facegate.convert.model.Graph;
import org.facegate.convert.quant.FullIntegerInt8;
import org.facegate.convert.quant.Int8Design;
import org.facegate.convert.rewrite.FloatGraph;
import org.tensorflow.lite.schema.TensorT;
import org.facegate.convert.quant.RangePolicy;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Normalization;
import org.facegate.inference.desktop.DesktopRuntime;

/**
 * {@code report}: converts every variant (twice, to show the bytes are reproducible), then measures them and writes
 * REPORT.md (see {@link ReportMarkdown} for the contents).
 */
final class ReportCommand {
    /** int8 designs the report measures against each other; the first is what {@link Converter} ships. */
    static final List<Int8Design> INT8_DESIGNS = List.of(Converter.INT8_DESIGN,
            Int8Design.of(RangePolicy.MIN_MAX, "", false),
            Int8Design.of(RangePolicy.TAIL_1E5, "", false),
            Int8Design.of(RangePolicy.TAIL_1E4, "", false),
            Int8Design.of(RangePolicy.TAIL_1E3, "", false),
            Int8Design.of(RangePolicy.TAIL_1E4, "0-3", true),
            Int8Design.of(RangePolicy.TAIL_1E4, "92-94", true),
            Int8Design.of(RangePolicy.TAIL_1E4, "0-3,92-94", true),
            Int8Design.of(RangePolicy.TAIL_1E4, "0-3,6-7,92-94", false),
            Int8Design.of(RangePolicy.TAIL_1E5, "0-3,6-7,92-94", true),
            Int8Design.of(RangePolicy.TAIL_1E4, "95-97", false));

    private ReportCommand() {}

    static void run(Args a) throws Exception {
        long t0 = System.nanoTime();
        Path models = a.path("models");
        SourceModels sources = SourceModels.of(a.path("lock"), models);
        byte[] source = sources.read(Converter.SOURCE_FILE);
        Path rangesFile = a.path("ranges");
        ActivationRanges ranges = ActivationRanges.read(rangesFile);
        Converter converter = new Converter(source, sources.path(Converter.SOURCE_FILE).toString(), ranges, rangesFile.toString());
        ReportMarkdown md = new ReportMarkdown(String.join(" ", a.get("command-line", "ConvertMain report ...")), source);
        Path out = a.path("out");
        int workers = a.integer("workers", 2);
        List<Variant> evaluated = evaluated(a.list("lfw-variants", "float32,fp16,int8"));

        List<byte[]> variants = new ArrayList<>();
        boolean reproducible = true;
        for (Variant v : Variant.values()) {
            byte[] b = converter.convert(v);
            reproducible &= Arrays.equals(b, converter.convert(v));
            variants.add(b);
            md.variant(v, b);
        }
        md.reproducible(reproducible);
        List<Variant> shipped = new ArrayList<>();
        for (String id : a.list("ship", "")) shipped.add(Variant.of(id));
        md.shipped(shipped);
        for (String other : a.list("ship-sources", "")) md.otherModel(other, sources.read(other));
        t0 = stage(md, out, "conversion of every variant, twice", t0);

        LfwSet lfw = LfwSet.open(a.path("lfw"));
        String detector = a.get("detector", EvalDetector.DEFAULT);
        List<byte[]> evaluatedBytes = new ArrayList<>();
        for (Variant v : evaluated) evaluatedBytes.add(variants.get(v.ordinal()));
        md.evaluation(lfw, detector, evaluated, ParityEval.run(lfw, evaluatedBytes, models, detector, workers));
        t0 = stage(md, out, "LFW dev through the pipeline (" + evaluated.size() + " variants, " + workers + " workers)", t0);

        int sweepStep = a.integer("sweep-step", 28), parityStep = a.integer("parity-step", 7);
        List<float[]> heldOut = heldOutCrops(lfw, sweepStep, models, detector);
        md.crops(heldOut.size(), sweepStep);
        md.sourceParity(CropParity.of(variants.get(0), source, heldOut));
        List<Variant> others = new ArrayList<>();
        List<byte[]> otherBytes = new ArrayList<>();
        for (Variant v : Variant.values()) {
            if (evaluated.contains(v)) continue;
            others.add(v);
            otherBytes.add(variants.get(v.ordinal()));
        }
        List<float[]> parityCrops = heldOutCrops(lfw, parityStep, models, detector);
        md.variantParity(others, CropParity.all(otherBytes, variants.get(0), parityCrops, workers), parityStep);
        t0 = stage(md, out, "crop parity of the variants not run through the pipeline", t0);

        List<byte[]> designs = new ArrayList<>();
        for (Int8Design design : INT8_DESIGNS) designs.add(converter.int8(design));
        List<CropParity> designParity = CropParity.all(designs, variants.get(0), heldOut, workers);
        for (int i = 0; i < designs.size(); i++) md.int8Design(INT8_DESIGNS.get(i), designs.get(i).length, designParity.get(i));
        t0 = stage(md, out, INT8_DESIGNS.size() + " int8 designs", t0);

        sensitivity(converter, source, variants.get(0), heldOut, workers, md);
        t0 = stage(md, out, "per-op int8 sensitivity", t0);

        md.latency(Latency.medians(variants, heldOut.get(0), 3, a.integer("latency-rounds", 15)));
        stage(md, out, "latency", t0);
        md.complete();
        AtomicFiles.write(out, md.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println("[model-conversion] wrote " + out);
    }

    /** The variants run through the pipeline, float32 (the reference) first. */
    private static List<Variant> evaluated(List<String> ids) {
        List<Variant> v = new ArrayList<>();
        for (String id : ids) v.add(Variant.of(id));
        if (v.isEmpty() || v.get(0) != Variant.FLOAT32) {
            throw new IllegalArgumentException("--lfw-variants must start with float32, the reference: " + ids);
        }
        return v;
    }

    /** Records a finished stage's time and writes the report as far as it goes, so a stopped run leaves a marked partial one. */
    private static long stage(ReportMarkdown md, Path out, String what, long since) throws java.io.IOException {
        long now = System.nanoTime();
        md.stage(what, (now - since) / 60e9);
        AtomicFiles.write(out, md.toString().getBytes(StandardCharsets.UTF_8));
        System.out.printf(java.util.Locale.ROOT, "[model-conversion] %s: %.1f min%n", what, (now - since) / 60e9);
        return now;
    }

    /** Quantizes one op at a time (all others float) and records the ten ops whose quantization costs most. */
    private static void sensitivity(Converter converter, byte[] source, byte[] float32, List<float[]> crops, int workers,
            ReportMarkdown md) throws Exception {
        Graph g = FloatGraph.of(source, "source");
        int n = g.ops.size();
        List<byte[]> single = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            java.util.SortedSet<Integer> others = new java.util.TreeSet<>();
            for (int i = 0; i < n; i++) if (i != k) others.add(i);
            single.add(converter.int8(new Int8Design(Converter.INT8_DESIGN.ranges(), new FullIntegerInt8.FloatOps(others), false)));
        }
        List<CropParity> parity = CropParity.all(single, float32, crops, workers);
        double[] loss = new double[n];
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            loss[k] = 1 - parity.get(k).mean();
        }
        Arrays.sort(order, (x, y) -> Double.compare(loss[y], loss[x]));
        for (int i = 0; i < Math.min(10, n); i++) {
            int k = order[i];
            TensorT out = g.tensor(g.ops.get(k).getOutputs()[0]);
            md.sensitivity(k, g.opName(g.ops.get(k)), out.getName() + " " + Arrays.toString(out.getShape()), loss[k]);
        }
    }

    /** Crops of images calibration did not see (it takes every 7th from the first; these start at the 4th, step 7 or a multiple). */
    private static List<float[]> heldOutCrops(LfwSet lfw, int step, Path models, String detectorName) throws Exception {
        List<String> images = new ArrayList<>();
        for (int i = 3; i < lfw.images().size(); i += step) images.add(lfw.images().get(i));
        try (FaceDetector d = EvalDetector.open(detectorName, models, new DesktopRuntime(1))) {
            return AlignedCrops.of(images, lfw.source(), d, Normalization.FACENET);
        }
    }
}
