// Single-file Java program: all dexing of the APK in one JVM (d8 via its API, so the JIT stays warm across jobs).
//
//   java -cp r8.jar Dex.java --cache <dir> --out <dir> --min-api <n> --lib <jar|jdk home>... \
//        --libraries <path list of third-party jars> --project <path list of the app's and project modules' jars>
//
// 1. Each third-party jar is dexed once (d8 --intermediate) into the cache, keyed by its sha256: a changed jar is
//    dexed again, an unchanged one never. Global synthetics (e.g. record desugaring) go to a .globals.zip beside each
//    .dex.zip. Jars without classes (the metadata-only root artifact of a Kotlin Multiplatform library) are skipped.
// 2. The libraries' dex is merged into final classes*.dex, cached under the sha256 of the list of their keys, so it is
//    redone only when a library changes; copied to <out>/libraries.
// 3. The project jars (+ every library's global synthetics, so each exists once in the APK) -> <out>/project/classes.dex,
//    skipped when the jars, the libraries and the flags are unchanged. The project jars are reproducible (fixed
//    timestamps), so "unchanged" is a byte comparison.
// Cache entries are written under temporary names and moved into place, so an interrupted or concurrent build never
// sees a half-written entry. d8 is deterministic: the same inputs give byte-identical dex.
import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.origin.Origin;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

public class Dex {
    static final String KEY_FILE = "inputs.key";

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[i + 1]);
        Path cache = Path.of(one(opt, "--cache")), out = Path.of(one(opt, "--out"));
        List<String> flags = new ArrayList<>(List.of("--release", "--min-api", one(opt, "--min-api")));
        for (String lib : opt.getOrDefault("--lib", List.of())) flags.addAll(List.of("--lib", lib));
        Files.createDirectories(cache);

        // 1. pre-dex the libraries
        List<Path> libraries = paths(one(opt, "--libraries"));
        List<String> dexZips = new ArrayList<>(), globals = new ArrayList<>(), classpath = new ArrayList<>();
        int dexedNow = 0;
        for (Path jar : libraries) {
            classpath.addAll(List.of("--classpath", jar.toString()));
            if (!hasClasses(jar)) continue;
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            Path dex = cache.resolve(name + "-" + sha256(jar) + ".dex.zip");
            Path glob = cache.resolve(dex.getFileName().toString().replace(".dex.zip", ".globals.zip"));
            if (!Files.exists(dex) || !Files.exists(glob)) {
                Path job = Files.createTempDirectory(cache, "." + name + "-");
                d8(flags, "--intermediate", "--output", job.resolve("d.zip").toString(),
                        "--globals-output", job.resolve("g.zip").toString(), jar.toString());
                Files.move(job.resolve("g.zip"), glob, StandardCopyOption.REPLACE_EXISTING);
                Files.move(job.resolve("d.zip"), dex, StandardCopyOption.REPLACE_EXISTING);
                Files.delete(job);
                dexedNow++;
            }
            dexZips.add(dex.toString());
            globals.addAll(List.of("--globals", glob.toString()));
        }

        // 2. merge them (cached)
        String librariesKey = sha256(String.join("\n", flags) + "\n" + String.join("\n", dexZips));
        Path merged = cache.resolve("merged-" + librariesKey);
        boolean mergedNow = false;
        if (!Files.exists(merged.resolve("classes.dex"))) {
            Path job = Files.createTempDirectory(cache, ".merged-");
            List<String> a = new ArrayList<>(List.of("--output", job.toString()));
            a.addAll(dexZips);
            d8(flags, a.toArray(new String[0]));
            try {
                Files.move(job, merged);
            } catch (IOException raced) {            // another build put the same entry in place meanwhile
                if (!Files.exists(merged.resolve("classes.dex"))) throw raced;
                deleteTree(job);
            }
            mergedNow = true;
        }
        Path outLibraries = out.resolve("libraries");
        if (!librariesKey.equals(readKey(outLibraries))) {
            deleteTree(outLibraries);
            Files.createDirectories(outLibraries);
            try (Stream<Path> s = Files.list(merged)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".dex")).toList()) {
                    Files.copy(p, outLibraries.resolve(p.getFileName()));
                }
            }
            Files.writeString(outLibraries.resolve(KEY_FILE), librariesKey);
        }

        // 3. the project's classes
        List<Path> project = paths(one(opt, "--project"));
        StringBuilder k = new StringBuilder(String.join("\n", flags)).append('\n').append(String.join("\n", globals));
        for (Path jar : project) k.append('\n').append(sha256(jar)).append(' ').append(jar.getFileName());
        String projectKey = sha256(k.toString());
        Path outProject = out.resolve("project");
        boolean projectNow = false;
        if (!projectKey.equals(readKey(outProject)) || !Files.exists(outProject.resolve("classes.dex"))) {
            deleteTree(outProject);
            Files.createDirectories(outProject);
            List<String> a = new ArrayList<>(classpath);
            a.addAll(globals);
            a.addAll(List.of("--output", outProject.toString()));
            for (Path jar : project) a.add(jar.toString());
            d8(flags, a.toArray(new String[0]));
            Files.writeString(outProject.resolve(KEY_FILE), projectKey);
            projectNow = true;
        }
        System.out.printf("Dex: %d library jars (%d dexed now), merged library dex %s, project dex %s%n",
                dexZips.size(), dexedNow, mergedNow ? "built" : "cached", projectNow ? "built" : "up to date");
    }

    static void d8(List<String> flags, String... more) throws CompilationFailedException {
        List<String> a = new ArrayList<>(flags);
        a.addAll(List.of(more));
        D8.run(D8Command.parse(a.toArray(new String[0]), Origin.root()).build());
    }

    static boolean hasClasses(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.stream().anyMatch(e -> e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class"));
        }
    }

    static String readKey(Path dir) throws IOException {
        Path f = dir.resolve(KEY_FILE);
        return Files.exists(f) ? Files.readString(f) : null;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Path> paths(String list) {
        List<Path> l = new ArrayList<>();
        for (String s : list.split(File.pathSeparator)) if (!s.isBlank()) l.add(Path.of(s));
        return l;
    }

    static String one(Map<String, List<String>> opt, String name) {
        List<String> v = opt.get(name);
        if (v == null || v.size() != 1) throw new IllegalArgumentException("need exactly one " + name);
        return v.get(0);
    }
}
