package org.facegate.inference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What a model says about one of its input or output tensors.
 *
 * @param name      the tensor's name in the model file (may be empty)
 * @param shape     dimensions, outermost first (e.g. {@code [1, 128, 128, 3]}); a defensive copy is kept
 * @param type      element type
 * @param scale     quantization scale; 0 for a float tensor
 * @param zeroPoint quantization zero point; 0 for a float tensor
 */
public record TensorSpec(String name, int[] shape, ElementType type, float scale, int zeroPoint) {
    public TensorSpec {
        if (type == null) throw new IllegalArgumentException("a tensor needs an element type");
        shape = shape.clone();
        for (int d : shape) if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
        name = name == null ? "" : name;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code i}; negative {@code i} counts from the innermost (-1 is the last). */
    public int dim(int i) {
        return shape[i < 0 ? shape.length + i : i];
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements (1 for a scalar). */
    public int elements() {
        long n = 1;
        for (int d : shape) n *= d;
        if (n > Integer.MAX_VALUE) throw new IllegalStateException(this + " has more than 2^31 elements");
        return (int) n;
    }

    /** Bytes the tensor's data takes. */
    public int byteSize() {
        if (type.bytes() < 0) throw new IllegalStateException("tensor " + name + " has variable-size elements (" + type + ")");
        return elements() * type.bytes();
    }

    /** Whether the shape is exactly {@code dims}. */
    public boolean hasShape(int... dims) {
        return Arrays.equals(shape, dims);
    }

    /** A direct buffer in native byte order of exactly {@link #byteSize} bytes, as {@link InferenceModel#run} wants. */
    public ByteBuffer allocate() {
        return ByteBuffer.allocateDirect(byteSize()).order(ByteOrder.nativeOrder());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && Arrays.equals(shape, t.shape) && type == t.type
                && Float.compare(scale, t.scale) == 0 && zeroPoint == t.zeroPoint;
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "" : name + " ") + type + Arrays.toString(shape)
                + (scale != 0 ? " q(" + scale + ", " + zeroPoint + ")" : "");
    }
}
