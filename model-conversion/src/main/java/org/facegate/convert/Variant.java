package org.facegate.convert;

/** The embedding model variants the converter produces, with their file names and what they are. */
public enum Variant {
    FLOAT32("float32", "float32 weights and activations"),
    FP16("fp16", "float16 weights (DEQUANTIZE to float32), float32 activations"),
    INT8_DYNAMIC("int8-dynamic", "dynamic-range int8: per-channel int8 convolution weights, float32 activations"),
    INT8("int8", "full-integer int8: per-channel int8 weights, int8 activations calibrated on aligned faces, float32 interface");

    /** Short name, used in file names, metadata versions and the command line. */
    public final String id;
    public final String description;

    Variant(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String fileName() {
        return "mobilefacenet-" + id + ".tflite";
    }

    /** The variant with the given {@link #id}. */
    public static Variant of(String id) {
        for (Variant v : values()) if (v.id.equals(id)) return v;
        throw new IllegalArgumentException("unknown variant '" + id + "' (float32, fp16, int8-dynamic, int8)");
    }
}
