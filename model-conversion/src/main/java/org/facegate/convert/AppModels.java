package org.facegate.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.facegate.convert.check.GpuDelegateOps;
import org.facegate.convert.model.AtomicFiles;
import org.facegate.convert.model.Graph;
import org.facegate.convert.model.TfliteReader;

/**
 * The directory the app ships as assets: the chosen embedding variants, the other models the app runs (copied
 * from the verified sources) and {@value #SUMS}, their sha256 list. Shipped embedding variants must pass the GPU
 * delegate check. The directory is assembled next to its destination and swapped in whole, so it never mixes
 * files of two builds (a variant dropped from the list does not linger).
 */
public final class AppModels {
    public static final String SUMS = "models.sha256";

    private AppModels() {}

    /**
     * @param embedding shipped embedding variants
     * @param others    other shipped files (name to bytes)
     */
    public static void write(Path out, Map<Variant, byte[]> embedding, Map<String, byte[]> others) throws IOException, ConversionException {
        Map<String, byte[]> files = new TreeMap<>(others);
        for (Map.Entry<Variant, byte[]> e : embedding.entrySet()) {
            String name = e.getKey().fileName();
            List<GpuDelegateOps.Issue> issues = GpuDelegateOps.check(Graph.of(TfliteReader.parse(e.getValue(), name)));
            if (!issues.isEmpty()) throw new ConversionException(name + " cannot ship: the GPU delegate would refuse " + issues);
            files.put(name, e.getValue());
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + "-");
        Path old = parent.resolve("." + out.getFileName() + ".old");
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) Files.write(tmp.resolve(e.getKey()), e.getValue());
            Files.write(tmp.resolve(SUMS), Checksums.format(files).getBytes(StandardCharsets.UTF_8));
            AtomicFiles.deleteTree(old);
            if (Files.exists(out)) AtomicFiles.move(out, old);
            AtomicFiles.move(tmp, out);
        } finally {
            AtomicFiles.deleteTree(tmp);
            AtomicFiles.deleteTree(old);
        }
    }

}
