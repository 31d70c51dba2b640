package org.facegate.build;

import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.ExtractR8Rules;
import com.android.tools.r8.ExtractR8RulesCommand;
import com.android.tools.r8.R8;
import com.android.tools.r8.R8Command;
import com.android.tools.r8.Version;
import com.android.tools.r8.origin.Origin;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * R8: shrinks the app with everything it ships (its classes, the project's modules, the libraries and the flattened AAR
 * classes) into the APK's dex, and passes their Java resources through (META-INF/services rewritten to what is left).
 *
 * <pre>
 *   java -cp facegate-build-tools.jar:r8.jar org.facegate.build.Shrink --out target/r8 --min-api 26
 *        --lib android-all.jar --lib $JAVA_HOME --program a.jar:b.jar:... --aars x.aar:y.aar:... --rules app-rules.pro ...
 * </pre>
 *
 * Keep rules, all written next to the output (out/rules/) so one can read what R8 was told: the given files (the app's
 * own, aapt2's for the manifest and layouts), each AAR's consumer proguard.txt (Room's RoomDatabase subclasses,
 * TFLite's {@code @UsedByReflection}) and the rules the jars embed under META-INF (kotlinx-coroutines, androidx.annotation),
 * as R8 {@value #R8_VERSION_NOTE} selects them. Writes out/r8.zip (classes*.dex and the Java resources), and mapping.txt,
 * seeds.txt (what the rules kept), usage.txt (what R8 removed) and configuration.txt (all rules) beside it.
 *
 * <p>Skipped when nothing changed: the inputs (jar bytes, rule texts, flags, R8 version, this class) are hashed into
 * out/inputs.key.
 * The project's jars are reproducible (fixed timestamps), so an unchanged module does not rerun R8. R8's output is
 * deterministic: the same inputs give the same bytes.
 */
public final class Shrink {
    static final String R8_VERSION_NOTE = "(META-INF/com.android.tools/r8[-from-x][-upto-y]/ by version, else META-INF/proguard/)";
    static final String KEY_FILE = "inputs.key";

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[i + 1]);
        Path out = Path.of(one(opt, "--out"));
        Path rulesDir = out.resolve("rules");
        Files.createDirectories(rulesDir);
        // the root artifact of a Kotlin Multiplatform library (e.g. androidx.collection:collection) holds only metadata
        // for the Kotlin compiler, no classes: left out, or its metadata files would clash with its -jvm sibling's
        List<Path> program = new ArrayList<>();
        for (Path p : paths(one(opt, "--program"))) if (hasClasses(p)) program.add(p);
        List<Path> rules = new ArrayList<>();
        for (String r : opt.getOrDefault("--rules", List.of())) rules.add(Path.of(r));
        rules.add(aarRules(paths(opt.getOrDefault("--aars", List.of("")).get(0)), rulesDir.resolve("aars.pro")));
        rules.add(embeddedRules(program, rulesDir.resolve("embedded.pro")));
        Path reports = rulesDir.resolve("reports.pro");
        Files.writeString(reports, "# written by Shrink: what R8 kept and removed, and every rule it applied\n"
                + "-printseeds " + out.resolve("seeds.txt") + "\n-printusage " + out.resolve("usage.txt") + "\n"
                + "-printconfiguration " + out.resolve("configuration.txt") + "\n");
        rules.add(reports);

        List<String> flags = new ArrayList<>(List.of("--release", "--min-api", one(opt, "--min-api")));
        for (String lib : opt.getOrDefault("--lib", List.of())) flags.addAll(List.of("--lib", lib));
        StringBuilder key = new StringBuilder("r8 " + Version.LABEL + "\n" + String.join(" ", flags) + "\n");
        try (InputStream self = Shrink.class.getResourceAsStream("Shrink.class")) {      // this recipe itself
            key.append(sha256(self.readAllBytes())).append(" Shrink.class\n");
        }
        for (Path p : program) key.append(sha256(p)).append(' ').append(p.getFileName()).append('\n');
        for (Path r : rules) key.append(sha256(r)).append(' ').append(r.getFileName()).append('\n');
        String inputsKey = sha256(key.toString().getBytes(StandardCharsets.UTF_8));
        Path zip = out.resolve("r8.zip"), keyFile = out.resolve(KEY_FILE);
        if (Files.exists(zip) && Files.exists(keyFile) && Files.readString(keyFile).equals(inputsKey)) {
            System.out.println("Shrink: " + zip + " is up to date");
            return;
        }
        Files.deleteIfExists(keyFile);
        List<String> a = new ArrayList<>(flags);
        for (Path r : rules) a.addAll(List.of("--pg-conf", r.toString()));
        a.addAll(List.of("--pg-map-output", out.resolve("mapping.txt").toString(), "--output", zip.toString()));
        for (Path p : program) a.add(p.toString());
        // R8 9.5 rewrites AtomicReferenceFieldUpdater and co. (kotlinx-coroutines, Kotlin's lazy, 136 call sites here)
        // into calls of sun.misc.Unsafe, which is not API-26 platform API, so the link check could not vouch for them.
        // Off: the dex then calls only public API (and was smaller: 280,660 bytes instead of 284,248).
        System.setProperty("com.android.tools.r8.enableAtomicUpdaterOptimization", "false");
        long t0 = System.nanoTime();
        R8.run(R8Command.parse(a.toArray(new String[0]), Origin.root()).build());
        Files.writeString(keyFile, inputsKey);
        System.out.printf("Shrink: R8 %s, %d program jars -> %s: dex %,d bytes in %.1f s%n", Version.LABEL,
                program.size(), zip, dexBytes(zip), (System.nanoTime() - t0) / 1e9);
    }

    /** Each AAR's consumer rules (proguard.txt), with where they came from. */
    static Path aarRules(List<Path> aars, Path to) throws IOException {
        StringBuilder b = new StringBuilder("# written by Shrink: the consumer rules (proguard.txt) of the AARs\n");
        for (Path aar : aars) {
            try (ZipFile z = new ZipFile(aar.toFile())) {
                ZipEntry e = z.getEntry("proguard.txt");
                if (e == null) continue;
                try (InputStream in = z.getInputStream(e)) {
                    b.append("\n# from ").append(aar.getFileName()).append('\n')
                            .append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        Files.writeString(to, b.toString());
        return to;
    }

    /** The rules the jars embed under META-INF, selected for this R8 version by R8's own extractor. */
    static Path embeddedRules(List<Path> jars, Path to) throws CompilationFailedException, IOException {
        List<String> a = new ArrayList<>(List.of("--rules-output", to.toString(), "--compiler-version", Version.LABEL,
                "--include-origin-comments"));
        for (Path j : jars) a.add(j.toString());
        ExtractR8Rules.run(ExtractR8RulesCommand.parse(a.toArray(new String[0])).build());
        if (!Files.exists(to)) Files.writeString(to, "");
        // origin comments name the jars by absolute path: keep only the file name, so the text (and the inputs key)
        // does not depend on where the local repository is
        String text = Files.readString(to).replaceAll("(?m)^# (\\S*/)([^/\\s]+\\.jar)", "# $2");
        Files.writeString(to, text);
        return to;
    }

    static boolean hasClasses(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.stream().anyMatch(e -> e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/"));
        }
    }

    /** Total bytes of the classes*.dex in R8's output. */
    static long dexBytes(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.stream().filter(e -> e.getName().matches("classes\\d*\\.dex")).mapToLong(ZipEntry::getSize).sum();
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return sha256(Files.readAllBytes(file));
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
