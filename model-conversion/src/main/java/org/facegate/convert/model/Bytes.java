package org.facegate.convert.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Conversions between tensor payloads and Java arrays. TFLite buffers are little-endian; the schema's object API
 * holds a buffer as one {@code int} per byte.
 */
public final class Bytes {
    private Bytes() {}

    public static byte[] fromSchema(int[] data) {
        if (data == null) return new byte[0];
        byte[] b = new byte[data.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) data[i];
        return b;
    }

    public static int[] toSchema(byte[] data) {
        int[] d = new int[data.length];
        for (int i = 0; i < d.length; i++) d[i] = data[i] & 0xFF;
        return d;
    }

    public static float[] floats(byte[] b) {
        float[] f = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        return f;
    }

    public static byte[] ofFloats(float[] f) {
        ByteBuffer bb = ByteBuffer.allocate(f.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(f);
        return bb.array();
    }

    public static int[] ints(byte[] b) {
        int[] v = new int[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return v;
    }

    public static byte[] ofInts(int[] v) {
        ByteBuffer bb = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asIntBuffer().put(v);
        return bb.array();
    }

    public static byte[] ofShorts(short[] v) {
        ByteBuffer bb = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bb.asShortBuffer().put(v);
        return bb.array();
    }
}
