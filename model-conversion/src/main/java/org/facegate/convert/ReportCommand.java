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
import org.facegate.tflite.CpuInterpreterFactory;

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
        Path models = a.path("models");
        SourceModels sources = SourceModels.of(a.path("lock"), models);
        byte[] source = sources.read(Converter.SOURCE_FILE);
        Path rangesFile = a.path("ranges");
        ActivationRanges ranges = ActivationRanges.read(rangesFile);
        Converter converter = new Converter(source, sources.path(Converter.SOURCE_FILE).toString(), ranges, rangesFile.toString());
        ReportMarkdown md = new ReportMarkdown(String.join(" ", a.get("command-line", "ConvertMain report ...")), source);

        List<byte[]> variants = new ArrayList<>();
        boolean reproducible = true;
        for (Variant v : Variant.values()) {
            byte[] b = converter.convert(v);
            reproducible &= Arrays.equals(b, converter.convert(v));
            variants.add(b);
            md.variant(v, b);
        }
        md.reproducible(reproducible);
        for (String other : a.list("ship-sources", "")) md.otherModel(other, sources.read(other));

        LfwSet lfw = LfwSet.open(a.path("lfw"));
        String detector = a.get("detector", EvalDetector.DEFAULT);
        int sweepStep = a.integer("sweep-step", 28);
        List<float[]> heldOut = heldOutCrops(lfw, sweepStep, models, detector);
        md.crops(heldOut.size(), sweepStep);
        md.sourceParity(CropParity.of(variants.get(0), source, heldOut));
        for (Int8Design design : INT8_DESIGNS) {
            byte[] m = converter.int8(design);
            md.int8Design(design, m.length, CropParity.of(m, variants.get(0), heldOut));
            System.out.println("[model-conversion] int8 design " + design + " measured");
        }

        sensitivity(converter, source, variants.get(0), heldOut, md);

        int workers = a.integer("workers", 2);
        md.evaluation(lfw, detector, ParityEval.run(lfw, variants, models, detector, workers));
        md.latency(Latency.medians(variants, heldOut.get(0), 3, a.integer("latency-rounds", 15)));

        Path out = a.path("out");
        AtomicFiles.write(out, md.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println("[model-conversion] wrote " + out);
    }

    /** Quantizes one op at a time (all others float) and records the ten ops whose quantization costs most. */
    private static void sensitivity(Converter converter, byte[] source, byte[] float32, List<float[]> crops, ReportMarkdown md)
            throws ConversionException {
        Graph g = FloatGraph.of(source, "source");
        int n = g.ops.size();
        double[] loss = new double[n];
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            java.util.SortedSet<Integer> others = new java.util.TreeSet<>();
            for (int i = 0; i < n; i++) if (i != k) others.add(i);
            byte[] m = converter.int8(new Int8Design(Converter.INT8_DESIGN.ranges(), new FullIntegerInt8.FloatOps(others), false));
            loss[k] = 1 - CropParity.of(m, float32, crops).mean();
        }
        Arrays.sort(order, (x, y) -> Double.compare(loss[y], loss[x]));
        for (int i = 0; i < Math.min(10, n); i++) {
            int k = order[i];
            TensorT out = g.tensor(g.ops.get(k).getOutputs()[0]);
            md.sensitivity(k, g.opName(g.ops.get(k)), out.getName() + " " + Arrays.toString(out.getShape()), loss[k]);
        }
        System.out.println("[model-conversion] per-op int8 sensitivity measured");
    }

    /** Crops of images calibration did not see (it takes every 7th from the first; these start at the 4th). */
    private static List<float[]> heldOutCrops(LfwSet lfw, int step, Path models, String detectorName) throws Exception {
        List<String> images = new ArrayList<>();
        for (int i = 3; i < lfw.images().size(); i += step) images.add(lfw.images().get(i));
        try (FaceDetector d = EvalDetector.open(detectorName, models, new CpuInterpreterFactory(1))) {
            return AlignedCrops.of(images, lfw.source(), d, Normalization.FACENET);
        }
    }
}
