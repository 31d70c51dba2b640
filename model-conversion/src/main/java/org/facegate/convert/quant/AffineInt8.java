package org.facegate.convert.quant;

import org.tensorflow.lite.schema.QuantizationParametersT;

/**
 * Asymmetric per-tensor int8 parameters for an activation range, as TFLite's quantization spec defines them:
 * {@code real = scale * (q - zeroPoint)}, q in [-128, 127]. The range is widened to contain 0 so that zero
 * (padding, ReLU floors) is exactly representable.
 *
 * @param scale     step between quantized values
 * @param zeroPoint the int8 value representing 0.0
 */
public record AffineInt8(float scale, int zeroPoint) {
    /** Parameters covering [min, max]. */
    public static AffineInt8 of(float min, float max) {
        float lo = Math.min(min, 0f), hi = Math.max(max, 0f);
        // a constant-zero tensor still needs a positive scale
        float scale = hi > lo ? (hi - lo) / 255f : 1e-6f;
        int zp = (int) Math.round(-128 - lo / (double) scale);
        return new AffineInt8(scale, Math.max(-128, Math.min(127, zp)));
    }

    public byte quantize(float v) {
        return (byte) Math.max(-128, Math.min(127, Math.round(v / scale) + zeroPoint));
    }

    public QuantizationParametersT params() {
        QuantizationParametersT p = new QuantizationParametersT();
        p.setScale(new float[] {scale});
        p.setZeroPoint(new long[] {zeroPoint});
        return p;
    }
}
