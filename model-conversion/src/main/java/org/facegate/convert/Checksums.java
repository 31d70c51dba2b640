package org.facegate.convert;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sha256sum}-format lists ({@code <hex>  <name>} per line, sorted by name): the format facecore's
 * {@code ModelLoader.parseSums} reads, so the app can pin the shipped models with the list as is.
 */
public final class Checksums {
    private Checksums() {}

    public static String format(Map<String, byte[]> files) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
            sb.append(SourceModels.sha256(e.getValue())).append("  ").append(e.getKey()).append('\n');
        }
        return sb.toString();
    }

    /** Name to sha256; malformed lines are skipped (a damaged list then fails the comparison). */
    public static Map<String, String> parse(List<String> lines) {
        Map<String, String> m = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].length() == 64) m.put(f[1], f[0]);
        }
        return m;
    }
}
