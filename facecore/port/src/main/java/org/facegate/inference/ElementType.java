package org.facegate.inference;

/** The element type of a tensor, as a model file declares it. */
public enum ElementType {
    FLOAT32(4),
    INT32(4),
    UINT8(1),
    INT64(8),
    BOOL(1),
    INT16(2),
    INT8(1),
    /** Strings have no fixed size; FaceGate's models have none and {@link TensorSpec#byteSize} refuses them. */
    STRING(-1);

    private final int bytes;

    ElementType(int bytes) {
        this.bytes = bytes;
    }

    /**
     * The type a runtime calls {@code name} (TFLite's {@code DataType} names, in both its Java builds).
     *
     * @throws IllegalArgumentException for a type FaceGate does not know
     */
    public static ElementType named(String name) {
        return valueOf(name);
    }

    /** Bytes per element; -1 for {@link #STRING}. */
    public int bytes() {
        return bytes;
    }
}
