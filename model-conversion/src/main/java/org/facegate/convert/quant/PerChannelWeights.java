package org.facegate.convert.quant;

import org.tensorflow.lite.schema.QuantizationParametersT;

/**
 * Symmetric per-channel int8 quantization of a weight tensor, TFLite's scheme for convolution filters: one scale
 * per output channel ({@code max|w| / 127}), zero point 0, values in [-127, 127] (-128 is left out so the range
 * is symmetric, as the quantization spec requires for weights). Per-channel scales matter for depthwise and
 * folded-batch-norm filters, whose channels differ in magnitude by orders of magnitude.
 *
 * @param values quantized weights, same layout as the float tensor
 * @param scales one per channel along {@code axis}
 * @param axis   the tensor dimension the scales run along (0 for CONV_2D and FULLY_CONNECTED, 3 for DEPTHWISE_CONV_2D)
 */
public record PerChannelWeights(byte[] values, float[] scales, int axis) {
    /** Quantizes {@code w} (row-major with {@code shape}) per slice of dimension {@code axis}. */
    public static PerChannelWeights of(float[] w, int[] shape, int axis) {
        int channels = shape[axis];
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) inner *= shape[d];
        float[] max = new float[channels];
        for (int i = 0; i < w.length; i++) {
            int c = (i / inner) % channels;
            max[c] = Math.max(max[c], Math.abs(w[i]));
        }
        float[] scales = new float[channels];
        // an all-zero channel gets scale 1: its values quantize to 0 either way, and a zero scale is invalid
        for (int c = 0; c < channels; c++) scales[c] = max[c] > 0 ? max[c] / 127f : 1f;
        byte[] q = new byte[w.length];
        for (int i = 0; i < w.length; i++) {
            int c = (i / inner) % channels;
            q[i] = (byte) Math.max(-127, Math.min(127, Math.round(w[i] / scales[c])));
        }
        return new PerChannelWeights(q, scales, axis);
    }

    /** Schema quantization parameters: the scales, zero points of 0, the quantized dimension. */
    public QuantizationParametersT params() {
        QuantizationParametersT p = new QuantizationParametersT();
        p.setScale(scales.clone());
        p.setZeroPoint(new long[scales.length]);
        p.setQuantizedDimension(axis);
        return p;
    }

    /** The channel axis of an op's filter in TFLite's layouts. */
    public static int filterAxis(int builtin) {
        return builtin == org.tensorflow.lite.schema.BuiltinOperator.DEPTHWISE_CONV_2D ? 3 : 0;
    }
}
