package org.facegate.build;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the build needs to know about a shared library (ELF, 32 or 64 bit, little-endian as every Android ABI is): the
 * alignment of its loadable segments (a 16 KB-page device cannot load a library whose segments are aligned to 4 KB)
 * and the symbols it exports (JNI binds a native method to its {@code Java_...} symbol by name).
 *
 * @param loadAlign the smallest p_align of its PT_LOAD segments
 * @param exported  names of the defined global or weak symbols of .dynsym
 */
public record Elf(long loadAlign, Set<String> exported) {
    static final int PT_LOAD = 1, SHT_DYNSYM = 11, STB_GLOBAL = 1, STB_WEAK = 2;

    public static Elf parse(byte[] bytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 52 || b.getInt(0) != 0x464c457f) throw new IllegalArgumentException(name + " is not an ELF file");
        boolean is64 = b.get(4) == 2;
        if (b.get(5) != 1) throw new IllegalArgumentException(name + " is not little-endian");

        long phoff = is64 ? b.getLong(0x20) : Integer.toUnsignedLong(b.getInt(0x1c));
        int phentsize = Short.toUnsignedInt(b.getShort(is64 ? 0x36 : 0x2a)), phnum = Short.toUnsignedInt(b.getShort(is64 ? 0x38 : 0x2c));
        long align = Long.MAX_VALUE;
        for (int i = 0; i < phnum; i++) {
            int p = (int) (phoff + (long) i * phentsize);
            if (b.getInt(p) != PT_LOAD) continue;
            align = Math.min(align, is64 ? b.getLong(p + 0x30) : Integer.toUnsignedLong(b.getInt(p + 0x1c)));
        }
        if (align == Long.MAX_VALUE) throw new IllegalArgumentException(name + " has no loadable segment");

        long shoff = is64 ? b.getLong(0x28) : Integer.toUnsignedLong(b.getInt(0x20));
        int shentsize = Short.toUnsignedInt(b.getShort(is64 ? 0x3a : 0x2e)), shnum = Short.toUnsignedInt(b.getShort(is64 ? 0x3c : 0x30));
        Set<String> exported = new TreeSet<>();
        for (int i = 0; i < shnum; i++) {
            int s = (int) (shoff + (long) i * shentsize);
            if (b.getInt(s + 4) != SHT_DYNSYM) continue;
            long off = is64 ? b.getLong(s + 0x18) : Integer.toUnsignedLong(b.getInt(s + 0x10));
            long size = is64 ? b.getLong(s + 0x20) : Integer.toUnsignedLong(b.getInt(s + 0x14));
            int link = b.getInt(s + (is64 ? 0x28 : 0x18));
            long entsize = is64 ? b.getLong(s + 0x38) : Integer.toUnsignedLong(b.getInt(s + 0x24));
            int str = (int) (shoff + (long) link * shentsize);
            long strOff = is64 ? b.getLong(str + 0x18) : Integer.toUnsignedLong(b.getInt(str + 0x10));
            for (long e = off; e + entsize <= off + size; e += entsize) {
                int sym = (int) e;
                int nameOff = b.getInt(sym);
                int info = Byte.toUnsignedInt(b.get(sym + (is64 ? 4 : 12)));
                int shndx = Short.toUnsignedInt(b.getShort(sym + (is64 ? 6 : 14)));
                int bind = info >> 4;
                if (shndx == 0 || (bind != STB_GLOBAL && bind != STB_WEAK) || nameOff == 0) continue;
                exported.add(cString(bytes, (int) (strOff + Integer.toUnsignedLong(nameOff))));
            }
        }
        return new Elf(align, exported);
    }

    static String cString(byte[] bytes, int at) {
        int end = at;
        while (end < bytes.length && bytes[end] != 0) end++;
        return new String(bytes, at, end - at, StandardCharsets.ISO_8859_1);
    }
}
