package org.facegate.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pinned source files, located in the npm cache the build's fetch step fills and checked against the sha256
 * that {@code models.lock} pins for them (the same lock the fetch step verifies, read here again because the cache
 * lives outside the source tree and anything may have touched it since).
 */
public final class SourceModels {
    private final Path cache;
    private final Path lock;
    /** File name to its package directory (relative to the cache) and pinned sha256. */
    private final Map<String, String[]> pinned;

    private SourceModels(Path cache, Path lock, Map<String, String[]> pinned) {
        this.cache = cache;
        this.lock = lock;
        this.pinned = pinned;
    }

    /** Reads the {@code file} and {@code extract} lines of a models.lock. */
    public static SourceModels of(Path lock, Path cache) throws ConversionException {
        Map<String, String[]> pinned = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(lock)) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 4 && f[0].equals("file")) pinned.put(fileName(f[2]), new String[] {dir(f[1]) + "/" + f[2], f[3]});
                if (f.length == 7 && f[0].equals("extract")) pinned.put(f[5], new String[] {dir(f[1]) + "/" + f[5], f[6]});
            }
        } catch (IOException e) {
            throw new ConversionException("cannot read " + lock + ": " + e, e);
        }
        return new SourceModels(cache, lock, pinned);
    }

    /** The verified bytes of a pinned file, by file name (e.g. "MobileFaceNet.tflite"). */
    public byte[] read(String name) throws ConversionException {
        Path f = path(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new ConversionException("source model " + f + " is missing or unreadable (" + e.getMessage()
                    + "); run the build's fetch step (mvn in the project root) to fetch " + lock.getFileName());
        }
        String actual = sha256(bytes);
        String expected = pinned.get(name)[1];
        if (!actual.equals(expected)) {
            throw new ConversionException("integrity mismatch for source model " + f + ": " + lock + " pins sha256 "
                    + expected + ", the file has " + actual + " (" + bytes.length + " bytes)");
        }
        return bytes;
    }

    /** Where a pinned file lives in the cache. */
    public Path path(String name) throws ConversionException {
        String[] p = pinned.get(name);
        if (p == null) throw new ConversionException(lock + " pins no file named " + name);
        return cache.resolve(p[0]);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "@scope/name@1.2" to the cache directory "scope-name-1.2", as the fetch step names it. */
    private static String dir(String spec) {
        int at = spec.lastIndexOf('@');
        return spec.substring(0, at).replace("@", "").replace('/', '-') + "-" + spec.substring(at + 1);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
