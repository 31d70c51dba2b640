package org.facegate.convert.quant;

/**
 * How the full-integer variant is built: the activation range choice, the ops kept in float32, and whether those
 * ops' weights are stored as float16 (DEQUANTIZE to float32, as in the fp16 variant), which halves what keeping
 * them float costs in size.
 *
 * @param ranges      activation range choice
 * @param floatOps    ops of the float graph that keep float32 compute
 * @param fp16Weights store the float ops' weights as float16
 */
public record Int8Design(RangePolicy ranges, FullIntegerInt8.FloatOps floatOps, boolean fp16Weights) {
    /** @param floatOps op indices and ranges, "0-3,92-94", or "" for none */
    public static Int8Design of(RangePolicy ranges, String floatOps, boolean fp16Weights) {
        return new Int8Design(ranges, FullIntegerInt8.FloatOps.parse(floatOps), fp16Weights);
    }

    @Override
    public String toString() {
        return ranges + ", float ops " + floatOps + (floatOps.ops().isEmpty() ? "" : fp16Weights ? " (fp16 weights)" : " (fp32 weights)");
    }
}
