package org.facegate.convert;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A hash of the code that produces the models: the converter's own class files plus the identity (file name, with
 * version) of the schema and FlatBuffers jars it serializes with. Part of the conversion cache key, so changing the
 * converter invalidates cached models without anyone remembering to bump a version.
 */
public final class CodeFingerprint {
    private CodeFingerprint() {}

    public static String of() throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            Path own = location(Converter.class);
            if (Files.isDirectory(own)) hashDirectory(own.resolve("org/facegate/convert"), md);
            else hashJar(own, md);
            for (Class<?> lib : new Class<?>[] {com.google.flatbuffers.FlatBufferBuilder.class, org.tensorflow.lite.schema.ModelT.class}) {
                md.update(location(lib).getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void hashDirectory(Path dir, MessageDigest md) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.toString().endsWith(".class")).sorted().forEach(files::add);
        }
        for (Path f : files) {
            md.update(dir.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
        }
    }

    private static void hashJar(Path jar, MessageDigest md) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            List<JarEntry> entries = new ArrayList<>();
            j.stream().filter(e -> e.getName().startsWith("org/facegate/convert/") && e.getName().endsWith(".class")).forEach(entries::add);
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (JarEntry e : entries) {
                md.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = j.getInputStream(e)) {
                    md.update(in.readAllBytes());
                }
            }
        }
    }
}
