package org.facegate.build.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.facegate.build.Elf;
import org.jf.dexlib2.AccessFlags;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.DexFile;
import org.jf.dexlib2.iface.Method;

/**
 * JNI binds a native method by name: ART looks for {@code Java_<class>_<method>} (or, for an overloaded one, that
 * followed by {@code __<argument types>}) among the symbols of the loaded libraries. A native method of the dex that no
 * library of an ABI exports would throw UnsatisfiedLinkError on that ABI when called: R8 renamed or kept what it should
 * not have, or the Java classes and the .so come from different builds (e.g. TensorFlow Lite 2.16.1's classes with
 * LiteRT's libLiteRt.so, which has no NNAPI natives). A library that registers its natives itself (RegisterNatives)
 * would need an allowlist entry.
 */
final class NativeBindings {
    private NativeBindings() {}

    /** The exported symbols of each ABI's libraries in the APK (lib/&lt;abi&gt;/*.so). */
    static Map<String, Set<String>> symbolsByAbi(Path apk) throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (ZipFile z = new ZipFile(apk.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                String[] parts = e.getName().split("/");
                if (parts.length != 3 || !parts[0].equals("lib") || !parts[2].endsWith(".so")) continue;
                try (InputStream in = z.getInputStream(e)) {
                    out.computeIfAbsent(parts[1], k -> new TreeSet<>()).addAll(Elf.parse(in.readAllBytes(), e.getName()).exported());
                }
            }
        }
        return out;
    }

    /** Native methods of the dex that the ABI's symbols do not bind, one finding each (caller: lib/&lt;abi&gt;/). */
    static List<Finding> unbound(List<? extends DexFile> dex, String abi, Set<String> symbols) {
        List<Finding> out = new ArrayList<>();
        for (DexFile f : dex) {
            for (ClassDef c : f.getClasses()) {
                for (Method m : c.getMethods()) {
                    if ((m.getAccessFlags() & AccessFlags.NATIVE.getValue()) == 0) continue;
                    String shortName = "Java_" + mangle(c.getType().substring(1, c.getType().length() - 1)) + "_" + mangle(m.getName());
                    StringBuilder args = new StringBuilder();
                    for (CharSequence p : m.getParameterTypes()) args.append(p);
                    String longName = shortName + "__" + mangle(args.toString());
                    if (!symbols.contains(shortName) && !symbols.contains(longName)) {
                        out.add(new Finding(Finding.Kind.NATIVE_UNBOUND,
                                c.getType() + "->" + Linker.key(m.getName(), m.getParameterTypes(), m.getReturnType()),
                                "lib/" + abi + "/", "no " + shortName + " in lib/" + abi + "/*.so"));
                    }
                }
            }
        }
        return out;
    }

    /** JNI's name mangling: '/' becomes '_', and '_', ';', '[' and anything not ASCII alphanumeric are escaped. */
    static String mangle(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '/') b.append('_');
            else if (ch == '_') b.append("_1");
            else if (ch == ';') b.append("_2");
            else if (ch == '[') b.append("_3");
            else if (ch < 128 && Character.isLetterOrDigit(ch)) b.append(ch);
            else b.append(String.format("_0%04x", (int) ch));
        }
        return b.toString();
    }
}
