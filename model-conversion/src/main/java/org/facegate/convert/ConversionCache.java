package org.facegate.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.facegate.convert.model.AtomicFiles;

/**
 * Converted models outside the source tree, one directory per input hash (source model, calibration file,
 * converter code): {@code <root>/<key>/} holds every variant and a {@code SHA256SUMS} written last. A directory
 * is only trusted when every file matches its sum; it is built in a temp directory and renamed into place, so an
 * interrupted build never leaves a directory that looks complete.
 */
public final class ConversionCache {
    static final String SUMS = "SHA256SUMS";
    private final Path root;

    public ConversionCache(Path root) {
        this.root = root;
    }

    /** The cache key of a conversion. */
    public static String key(byte[] source, byte[] ranges, String code) {
        return SourceModels.sha256((SourceModels.sha256(source) + " " + SourceModels.sha256(ranges) + " " + code)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The cached variants for {@code key}, or null when absent or damaged. */
    public Map<Variant, byte[]> get(String key) throws IOException {
        Path dir = root.resolve(key);
        Path sums = dir.resolve(SUMS);
        if (!Files.isRegularFile(sums)) return null;
        Map<String, String> expected = Checksums.parse(Files.readAllLines(sums));
        Map<Variant, byte[]> models = new EnumMap<>(Variant.class);
        for (Variant v : Variant.values()) {
            Path f = dir.resolve(v.fileName());
            if (!Files.isRegularFile(f)) return null;
            byte[] b = Files.readAllBytes(f);
            if (!SourceModels.sha256(b).equals(expected.get(v.fileName()))) return null;
            models.put(v, b);
        }
        return models;
    }

    /** Stores all variants under {@code key}, replacing a damaged entry. */
    public void put(String key, Map<Variant, byte[]> models) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, "." + key.substring(0, 12) + "-");
        try {
            Map<String, byte[]> files = new java.util.TreeMap<>();
            for (Map.Entry<Variant, byte[]> e : models.entrySet()) files.put(e.getKey().fileName(), e.getValue());
            for (Map.Entry<String, byte[]> e : files.entrySet()) Files.write(tmp.resolve(e.getKey()), e.getValue());
            Files.write(tmp.resolve(SUMS), Checksums.format(files).getBytes(StandardCharsets.UTF_8));
            Path dir = root.resolve(key);
            AtomicFiles.deleteTree(dir);
            AtomicFiles.move(tmp, dir);
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
    }
}
