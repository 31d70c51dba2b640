package org.facegate.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.facegate.convert.model.AtomicFiles;

/**
 * Converted models outside the source tree, one directory per input hash (source model, calibration file,
 * converter code): {@code <root>/<key>/} holds every variant and a {@code SHA256SUMS} written last. A directory
 * is only trusted when every file matches its sum; it is built in a temp directory and renamed into place, so an
 * interrupted build never leaves a directory that looks complete. Only the {@value #KEEP} most recently used
 * entries are kept: every change of the converter makes a new key.
 */
public final class ConversionCache {
    static final String SUMS = "SHA256SUMS";
    /** Entries kept; older ones (by last use) are deleted when a new one is stored. */
    static final int KEEP = 4;
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
        // marks the entry as recently used, so pruning keeps it
        Files.setLastModifiedTime(dir, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        return models;
    }

    /** Stores all variants under {@code key}, replacing a damaged entry. */
    public void put(String key, Map<Variant, byte[]> models) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, "." + key + "-");
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
        prune();
    }

    /** Deletes all but the {@value #KEEP} most recently used entries (temp directories of running builds stay). */
    private void prune() throws IOException {
        List<Path> entries;
        try (java.util.stream.Stream<Path> s = Files.list(root)) {
            entries = s.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")).collect(Collectors.toList());
        }
        entries.sort(Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p);
            } catch (IOException e) {
                return java.nio.file.attribute.FileTime.fromMillis(0);
            }
        }).reversed());
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) AtomicFiles.deleteTree(old);
    }
}
