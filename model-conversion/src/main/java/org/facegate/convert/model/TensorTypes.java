package org.facegate.convert.model;

import org.tensorflow.lite.schema.TensorType;

/** Element sizes and names of the TFLite tensor types this converter reads and writes. */
public final class TensorTypes {
    private TensorTypes() {}

    /** Bytes per element, or -1 for types the converter does not handle (strings, resources, 4-bit). */
    public static int size(byte type) {
        switch (type) {
            case TensorType.FLOAT32:
            case TensorType.INT32:
            case TensorType.UINT32:
                return 4;
            case TensorType.FLOAT16:
            case TensorType.INT16:
            case TensorType.UINT16:
                return 2;
            case TensorType.INT8:
            case TensorType.UINT8:
            case TensorType.BOOL:
                return 1;
            case TensorType.INT64:
            case TensorType.UINT64:
            case TensorType.FLOAT64:
                return 8;
            default:
                return -1;
        }
    }

    /** The schema's name of a type ("FLOAT32"), or its number when unknown. */
    public static String name(byte type) {
        return type >= 0 && type < TensorType.names.length ? TensorType.name(type) : "type#" + type;
    }

    /** Number of elements of a shape (1 for a scalar). */
    public static long elements(int[] shape) {
        long n = 1;
        if (shape != null) for (int d : shape) n *= d;
        return n;
    }
}
