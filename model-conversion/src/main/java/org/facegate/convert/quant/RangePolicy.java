package org.facegate.convert.quant;

/**
 * How an int8 activation's range is chosen from its calibration statistics: the full observed range, or a
 * quantile range that clips the rarest outliers. Clipping trades saturation of a few values for finer steps for
 * all others; which wins is measured (see REPORT.md), not assumed.
 */
public enum RangePolicy {
    MIN_MAX(-1),
    TAIL_1E5(0),
    TAIL_1E4(1),
    TAIL_1E3(2);

    private final int tail;

    RangePolicy(int tail) {
        this.tail = tail;
    }

    /** {min, max} of the range for a tensor. */
    public float[] range(ActivationRanges.TensorStats s) {
        return tail < 0 ? new float[] {s.min(), s.max()} : new float[] {s.lo()[tail], s.hi()[tail]};
    }
}
