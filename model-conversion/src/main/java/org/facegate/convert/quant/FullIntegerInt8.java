package org.facegate.convert.quant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.facegate.convert.ConversionException;
import org.facegate.convert.model.Bytes;
import org.facegate.convert.model.Graph;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.QuantizationParametersT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * Full-integer int8 following TFLite's quantization spec: activations asymmetric per-tensor int8 with ranges from
 * calibration ({@link ActivationRanges}, chosen by a {@link RangePolicy}), convolution filters symmetric
 * per-channel int8, biases int32 with scale {@code input_scale * filter_scale[c]}, PReLU slopes per-tensor int8.
 * The model keeps a float32 interface: a QUANTIZE op after the input and a DEQUANTIZE before the output, the
 * layout the GPU delegate documentation recommends for quantized models (and what the app feeds anyway).
 * <p>
 * Chosen ops can be kept in float32 ({@link FloatOps}); QUANTIZE and DEQUANTIZE ops are placed wherever a tensor
 * crosses between the float and the integer part. A RESHAPE passes its input's parameters through (the int8
 * kernel copies bytes, so they must match).
 */
public final class FullIntegerInt8 {
    /**
     * Ops of the float graph that keep float32 compute, by index in its op list (e.g. "0-3,92-94"). Their
     * weights stay float32 here; {@link Fp16Weights} can store them as float16 afterwards.
     */
    public record FloatOps(java.util.SortedSet<Integer> ops) {
        /** Parses comma-separated indices and inclusive ranges ("0-3,92-94"; empty for none). */
        public static FloatOps parse(String spec) {
            java.util.SortedSet<Integer> s = new java.util.TreeSet<>();
            for (String part : spec.split(",")) {
                if (part.isBlank()) continue;
                String[] r = part.trim().split("-");
                int from = Integer.parseInt(r[0]), to = Integer.parseInt(r[r.length - 1]);
                for (int i = from; i <= to; i++) s.add(i);
            }
            return new FloatOps(java.util.Collections.unmodifiableSortedSet(s));
        }

        /** The compact form parse() reads ("0-3,92-94"), or "none". */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            Integer start = null, prev = null;
            for (int i : ops) {
                if (prev != null && i == prev + 1) {
                    prev = i;
                    continue;
                }
                if (start != null) sb.append(sb.length() > 0 ? "," : "").append(start.equals(prev) ? "" + start : start + "-" + prev);
                start = i;
                prev = i;
            }
            if (start != null) sb.append(sb.length() > 0 ? "," : "").append(start.equals(prev) ? "" + start : start + "-" + prev);
            return sb.length() == 0 ? "none" : sb.toString();
        }
    }

    private final Graph g;
    private final ActivationRanges ranges;
    private final String rangesFile;
    private final RangePolicy policy;
    private final Map<Integer, AffineInt8> params = new HashMap<>();
    private final Map<Integer, Integer> int8Copy = new HashMap<>();
    private final Map<Integer, Integer> floatCopy = new HashMap<>();
    private final List<OperatorT> result = new ArrayList<>();

    private FullIntegerInt8(Graph g, ActivationRanges ranges, String rangesFile, RangePolicy policy) {
        this.g = g;
        this.ranges = ranges;
        this.rangesFile = rangesFile;
        this.policy = policy;
    }

    /**
     * @param rangesFile name of the calibration file, for errors about missing tensors
     */
    public static void apply(Graph g, ActivationRanges ranges, String rangesFile, RangePolicy policy, FloatOps keep)
            throws ConversionException {
        new FullIntegerInt8(g, ranges, rangesFile, policy).run(keep);
    }

    private void run(FloatOps keep) throws ConversionException {
        List<OperatorT> ops = new ArrayList<>(g.ops);
        int n = ops.size();
        boolean[] isInt8 = new boolean[g.tensors.size()];
        for (int i = 0; i < n; i++) {
            OperatorT op = ops.get(i);
            if (!keep.ops().contains(i)) {
                quantizeOp(op, isInt8);
            } else {
                for (int k = 0; k < op.getInputs().length; k++) {
                    int x = op.getInputs()[k];
                    if (x >= 0 && x < isInt8.length && isInt8[x]) op.getInputs()[k] = floatCopyOf(x);
                }
            }
            result.add(op);
        }
        int[] outs = g.outputs().clone();
        for (int j = 0; j < outs.length; j++) {
            if (!isInt8[outs[j]]) continue;
            int f = floatCopyOf(outs[j]);
            // the float output keeps the model's output name; the int8 tensor feeding it is renamed
            String name = g.tensor(outs[j]).getName();
            g.tensor(outs[j]).setName(name + "/int8");
            g.tensor(f).setName(name);
            outs[j] = f;
        }
        g.setOutputs(outs);
        g.ops.clear();
        g.ops.addAll(result);
    }

    private void quantizeOp(OperatorT op, boolean[] isInt8) throws ConversionException {
        int builtin = g.builtin(op);
        int[] in = op.getInputs();
        int x = in[0];
        if (!isInt8[x]) in[0] = int8CopyOf(x);
        AffineInt8 inParams = params(in[0]);
        switch (builtin) {
            case BuiltinOperator.CONV_2D:
            case BuiltinOperator.DEPTHWISE_CONV_2D:
                quantizeFilterAndBias(op, builtin, inParams);
                break;
            case BuiltinOperator.PRELU:
                in[1] = quantizedAlpha(in[1]);
                break;
            case BuiltinOperator.ADD:
                if (!isInt8[in[1]]) in[1] = int8CopyOf(in[1]);
                break;
            case BuiltinOperator.RESHAPE:
                break;
            default:
                throw new ConversionException("full-integer quantization does not handle " + g.opName(op));
        }
        int out = op.getOutputs()[0];
        AffineInt8 outParams = builtin == BuiltinOperator.RESHAPE ? inParams : rangeParams(out);
        params.put(out, outParams);
        TensorT t = g.tensor(out);
        t.setType(TensorType.INT8);
        t.setQuantization(outParams.params());
        isInt8[out] = true;
    }

    private void quantizeFilterAndBias(OperatorT op, int builtin, AffineInt8 input) {
        int[] in = op.getInputs();
        TensorT w = g.tensor(in[1]);
        PerChannelWeights q = PerChannelWeights.of(Bytes.floats(g.data(in[1])), w.getShape(), PerChannelWeights.filterAxis(builtin));
        in[1] = g.addTensor(w.getName(), TensorType.INT8, w.getShape(), q.values(), q.params());
        if (in.length > 2 && in[2] >= 0) {
            TensorT b = g.tensor(in[2]);
            float[] bias = Bytes.floats(g.data(in[2]));
            float[] scales = new float[bias.length];
            int[] qb = new int[bias.length];
            for (int c = 0; c < bias.length; c++) {
                scales[c] = (float) ((double) input.scale() * q.scales()[c]);
                qb[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(bias[c] / (double) scales[c])));
            }
            QuantizationParametersT p = new QuantizationParametersT();
            p.setScale(scales);
            p.setZeroPoint(new long[bias.length]);
            p.setQuantizedDimension(0);
            in[2] = g.addTensor(b.getName(), TensorType.INT32, b.getShape(), Bytes.ofInts(qb), p);
        }
    }

    /** PReLU slopes as one int8 tensor: the int8 PRELU kernel takes a single scale and zero point for alpha. */
    private int quantizedAlpha(int alpha) {
        float[] a = Bytes.floats(g.data(alpha));
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : a) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        AffineInt8 p = AffineInt8.of(min, max);
        byte[] q = new byte[a.length];
        for (int i = 0; i < a.length; i++) q[i] = p.quantize(a[i]);
        TensorT t = g.tensor(alpha);
        return g.addTensor(t.getName(), TensorType.INT8, t.getShape(), q, p.params());
    }

    /** The int8 copy of a float run-time tensor, made by a QUANTIZE op placed before its first int8 reader. */
    private int int8CopyOf(int x) throws ConversionException {
        Integer c = int8Copy.get(x);
        if (c != null) return c;
        AffineInt8 p = rangeParams(x);
        TensorT t = g.tensor(x);
        int q = g.addTensor(t.getName() + "/int8", TensorType.INT8, t.getShape(), null, p.params());
        params.put(q, p);
        result.add(g.newOp(BuiltinOperator.QUANTIZE, new int[] {x}, new int[] {q}, null));
        int8Copy.put(x, q);
        return q;
    }

    /** The float copy of an int8 tensor, made by a DEQUANTIZE op placed before its first float reader. */
    private int floatCopyOf(int x) {
        Integer c = floatCopy.get(x);
        if (c != null) return c;
        TensorT t = g.tensor(x);
        int f = g.addTensor(t.getName() + "/dequantize", TensorType.FLOAT32, t.getShape(), null, null);
        result.add(g.newOp(BuiltinOperator.DEQUANTIZE, new int[] {x}, new int[] {f}, null));
        floatCopy.put(x, f);
        return f;
    }

    private AffineInt8 params(int tensor) throws ConversionException {
        AffineInt8 p = params.get(tensor);
        return p != null ? p : rangeParams(tensor);
    }

    /** Parameters from the calibrated range of a float-graph tensor (looked up by name). */
    private AffineInt8 rangeParams(int tensor) throws ConversionException {
        float[] r = policy.range(ranges.of(g.tensor(tensor).getName(), rangesFile));
        return AffineInt8.of(r[0], r[1]);
    }
}
