package org.facegate.tflite;

import org.facegate.inference.ModelException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Read-only navigation of one FlatBuffers table, just enough to read TFLite metadata without a FlatBuffers
 * library on the device. Every offset is bounds-checked: a corrupt or truncated file makes
 * {@link IndexOutOfBoundsException}s, which callers turn into a {@link ModelException} naming the file.
 * Field ids are the declaration order in the schema (.fbs); absent fields read as null / defaults.
 */
final class FlatTable {
    private final ByteBuffer buf;
    private final int pos;
    private final int vtable;
    private final int vtableSize;

    private FlatTable(ByteBuffer buf, int pos) {
        this.buf = buf;
        this.pos = check(buf, pos, 4);
        this.vtable = check(buf, pos - buf.getInt(pos), 4);
        this.vtableSize = buf.getShort(vtable) & 0xFFFF;
        check(buf, vtable, vtableSize);
    }

    /** The root table of a flatbuffer that starts at {@code start} of {@code data}. */
    static FlatTable root(ByteBuffer data, int start) {
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new FlatTable(b, start + b.getInt(check(b, start, 4)));
    }

    /** Byte position of a field's value, or 0 when absent. */
    private int field(int id) {
        int o = 4 + 2 * id;
        if (o >= vtableSize) return 0;
        int off = buf.getShort(vtable + o) & 0xFFFF;
        return off == 0 ? 0 : pos + off;
    }

    private int deref(int at) {
        return check(buf, at + buf.getInt(check(buf, at, 4)), 4);
    }

    FlatTable table(int id) {
        int f = field(id);
        return f == 0 ? null : new FlatTable(buf, deref(f));
    }

    String string(int id) {
        int f = field(id);
        if (f == 0) return null;
        int s = deref(f);
        int len = buf.getInt(s);
        check(buf, s + 4, len);
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) b[i] = buf.get(s + 4 + i);
        return new String(b, StandardCharsets.UTF_8);
    }

    int uint8(int id, int dflt) {
        int f = field(id);
        return f == 0 ? dflt : buf.get(check(buf, f, 1)) & 0xFF;
    }

    long uint32(int id, long dflt) {
        int f = field(id);
        return f == 0 ? dflt : buf.getInt(check(buf, f, 4)) & 0xFFFFFFFFL;
    }

    /** Number of elements of a vector field (0 when absent). */
    int length(int id) {
        int f = field(id);
        return f == 0 ? 0 : buf.getInt(deref(f));
    }

    /** Element {@code i} of a vector of tables. */
    FlatTable tableAt(int id, int i) {
        int v = vector(id, i, 4);
        return new FlatTable(buf, deref(v));
    }

    /** Element {@code i} of a vector of floats. */
    float floatAt(int id, int i) {
        return buf.getFloat(vector(id, i, 4));
    }

    /** The bytes of a [ubyte] vector field, as a little-endian view (null when absent). */
    ByteBuffer bytes(int id) {
        int f = field(id);
        if (f == 0) return null;
        int v = deref(f);
        int len = buf.getInt(v);
        check(buf, v + 4, len);
        ByteBuffer d = buf.duplicate();
        // through Buffer: Java 9+ ByteBuffer overrides return ByteBuffer, which Android API 26 lacks
        ((Buffer) d).position(v + 4);
        ((Buffer) d).limit(v + 4 + len);
        return d.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private int vector(int id, int i, int elemSize) {
        int f = field(id);
        if (f == 0) throw new IndexOutOfBoundsException("vector field " + id + " absent");
        int v = deref(f);
        int len = buf.getInt(v);
        if (i < 0 || i >= len) throw new IndexOutOfBoundsException("element " + i + " of " + len);
        return check(buf, v + 4 + i * elemSize, elemSize);
    }

    private static int check(ByteBuffer b, int at, int size) {
        if (at < 0 || size < 0 || (long) at + size > b.limit()) {
            throw new IndexOutOfBoundsException("offset " + at + "+" + size + " outside " + b.limit() + " bytes");
        }
        return at;
    }
}
