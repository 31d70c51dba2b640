// Single-file Java program: assembles the unsigned APK, byte for byte the same on every build of the same inputs.
//
//   java ApkPackage.java --out x.apk --resources resources.ap_ --dex <dir with classes*.dex> [--dex <dir>]...
//        --aars <path list of *.aar> --abis arm64-v8a,armeabi-v7a,x86_64 --jars <path list of runtime jars>
//
// Entries, in this order: everything aapt2 linked (AndroidManifest.xml first, its compression kept: resources.arsc
// stays STORED), the dex files of each --dex directory in turn, renumbered classes.dex, classes2.dex, ... (deflated;
// ART loads them all, minSdk >= 21), lib/<abi>/*.so from each AAR's jni/<abi>/ for the listed ABIs only (deflated:
// the manifest has extractNativeLibs="true", see AndroidManifest.xml), then the Java resources of the
// runtime jars (what Class.getResource finds on Android; META-INF/services files merged), sorted. Every entry carries
// the same fixed timestamp. Fails on anything that would be silently lost or ambiguous: an AAR with resources (other
// than an empty values.xml) or assets, as there is no resource merger; a native library or Java resource that two
// inputs provide with different content. Lists the AAR manifest entries (permissions, components) left out, as there
// is no manifest merger either.
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

public class ApkPackage {
    /** The date AGP uses for reproducible APKs; a DOS date, so no extended-timestamp field is written. */
    static final LocalDateTime FIXED_TIME = LocalDateTime.of(1981, 1, 1, 1, 1, 2);

    record Content(byte[] bytes, String origin) {}

    public static void main(String[] args) throws IOException {
        Map<String, List<String>> opt = parse(args);
        Path out = Path.of(one(opt, "--out"));
        Set<String> abis = new TreeSet<>(Arrays.asList(one(opt, "--abis").split(",")));

        Map<String, Boolean> stored = new LinkedHashMap<>();     // entry name -> STORED?
        Map<String, byte[]> data = new LinkedHashMap<>();

        // 1. aapt2 output, in its own order and with its own compression choices
        try (ZipFile res = new ZipFile(one(opt, "--resources"))) {
            for (ZipEntry e : list(res)) {
                if (e.isDirectory()) continue;
                put(stored, data, e.getName(), e.getMethod() == ZipEntry.STORED, read(res, e));
            }
        }
        // 2. dex
        List<Path> dexes = new ArrayList<>();
        for (String dir : opt.get("--dex")) {
            List<Path> in = sorted(Path.of(dir), p -> p.getFileName().toString().matches("classes\\d*\\.dex"));
            in.sort(java.util.Comparator.comparingInt(ApkPackage::dexIndex));    // classes.dex, classes2.dex, ...
            if (in.isEmpty()) throw new IllegalStateException("no classes*.dex in " + dir);
            dexes.addAll(in);
        }
        for (int i = 0; i < dexes.size(); i++) {
            put(stored, data, i == 0 ? "classes.dex" : "classes" + (i + 1) + ".dex", false, Files.readAllBytes(dexes.get(i)));
        }

        // 3. native libraries of the AARs
        Map<String, Content> libs = new TreeMap<>();
        List<Path> aars = paths(one(opt, "--aars"));
        aars.sort(java.util.Comparator.comparing((Path p) -> p.getFileName().toString()));
        for (Path aar : aars) {
            try (ZipFile z = new ZipFile(aar.toFile())) {
                for (ZipEntry e : list(z)) {
                    String n = e.getName();
                    if (e.isDirectory()) continue;
                    if (n.equals("AndroidManifest.xml")) {
                        notMerged(aar, new String(read(z, e), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    if (n.startsWith("assets/") || (n.startsWith("res/") && !isEmptyValues(read(z, e)))) {
                        throw new IllegalStateException(aar.getFileName() + " has " + n
                                + ": AAR resources/assets are not merged by this build; handle them explicitly");
                    }
                    String[] parts = n.split("/");
                    if (parts.length == 3 && parts[0].equals("jni") && parts[2].endsWith(".so") && abis.contains(parts[1])) {
                        add(libs, "lib/" + parts[1] + "/" + parts[2], new Content(read(z, e), aar.getFileName().toString()));
                    }
                }
            }
        }
        for (String abi : abis) {
            if (libs.keySet().stream().noneMatch(k -> k.startsWith("lib/" + abi + "/"))) {
                throw new IllegalStateException("no native library for ABI " + abi);
            }
        }
        libs.forEach((n, c) -> put(stored, data, n, false, c.bytes()));

        // 4. Java resources of the runtime jars
        Map<String, Content> javaRes = new TreeMap<>();
        for (Path jar : paths(one(opt, "--jars"))) {
            try (ZipFile z = new ZipFile(jar.toFile())) {
                // the root artifact of a Kotlin Multiplatform library (e.g. androidx.collection:collection) holds only
                // metadata for the Kotlin compiler; its JVM/Android classes come in the -jvm/-android artifact
                if (z.getEntry("META-INF/kotlin-project-structure-metadata.json") != null) continue;
                for (ZipEntry e : list(z)) {
                    if (!e.isDirectory() && isJavaResource(e.getName())) {
                        add(javaRes, e.getName(), new Content(read(z, e), jar.getFileName().toString()));
                    }
                }
            }
        }
        javaRes.forEach((n, c) -> put(stored, data, n, false, c.bytes()));

        write(out, stored, data);
        System.out.printf("ApkPackage: %s: %d dex, %d native libraries (%s), %d Java resources%n",
                out.getFileName(), dexes.size(), libs.size(), String.join(",", abis), javaRes.size());
    }

    static int dexIndex(Path p) {
        String n = p.getFileName().toString();
        return n.equals("classes.dex") ? 1 : Integer.parseInt(n.substring("classes".length(), n.length() - ".dex".length()));
    }

    /** An AAR values file that declares nothing ({@code <resources/>}), as many AndroidX AARs ship. */
    static boolean isEmptyValues(byte[] xml) {
        String t = new String(xml, java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("(?s)<\\?xml.*?\\?>", "").replaceAll("(?s)<!--.*?-->", "").replaceAll("\\s+", "");
        return t.equals("<resources></resources>") || t.equals("<resources/>");
    }

    /** There is no manifest merger: say which permissions and components of an AAR's manifest stay out. */
    static void notMerged(Path aar, String manifest) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?s)<(uses-permission|permission|activity|activity-alias|service|receiver|provider)\\b[^>]*?android:name=\"([^\"]+)\"")
                .matcher(manifest.replaceAll("(?s)<!--.*?-->", ""));
        while (m.find()) {
            System.out.println("ApkPackage: not merged from " + aar.getFileName() + ": <" + m.group(1) + " " + m.group(2) + ">");
        }
    }

    /** Non-class entries a jar contributes to the APK; jar metadata, signatures and build-tool files stay out. */
    static boolean isJavaResource(String n) {
        if (n.endsWith(".class") || n.endsWith("/")) return false;
        if (!n.startsWith("META-INF/")) return true;
        String m = n.substring("META-INF/".length());
        if (m.startsWith("services/")) return true;
        if (m.contains("/")) return false;                       // maven/, versions/, proguard/, com.android.tools/ ...
        if (m.equals("MANIFEST.MF") || m.endsWith(".kotlin_module")) return false;
        if (m.matches("(?i).*\\.(SF|RSA|DSA|EC)$") || m.matches("(?i)(LICENSE|NOTICE|DEPENDENCIES|AL2\\.0|LGPL2\\.1).*")) return false;
        return m.endsWith(".version");                           // androidx library versions, as AGP keeps them
    }

    static void add(Map<String, Content> into, String name, Content c) {
        Content old = into.putIfAbsent(name, c);
        if (old != null && name.startsWith("META-INF/services/")) {   // ServiceLoader files: union of the lines
            Set<String> lines = new java.util.LinkedHashSet<>();
            for (Content x : List.of(old, c)) {
                new String(x.bytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(lines::add);
            }
            String merged = String.join("\n", lines) + "\n";
            into.put(name, new Content(merged.getBytes(java.nio.charset.StandardCharsets.UTF_8), old.origin() + "+" + c.origin()));
        } else if (old != null && !Arrays.equals(old.bytes(), c.bytes())) {
            throw new IllegalStateException(name + " differs between " + old.origin() + " and " + c.origin());
        }
    }

    static void put(Map<String, Boolean> stored, Map<String, byte[]> data, String name, boolean store, byte[] bytes) {
        if (data.containsKey(name)) throw new IllegalStateException("duplicate APK entry " + name);
        stored.put(name, store);
        data.put(name, bytes);
    }

    static void write(Path out, Map<String, Boolean> stored, Map<String, byte[]> data) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> d : data.entrySet()) {
                ZipEntry e = new ZipEntry(d.getKey());
                e.setTimeLocal(FIXED_TIME);
                byte[] b = d.getValue();
                if (stored.get(d.getKey())) {
                    CRC32 crc = new CRC32();
                    crc.update(b);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(b.length);
                    e.setCompressedSize(b.length);
                    e.setCrc(crc.getValue());
                } else {
                    e.setMethod(ZipEntry.DEFLATED);
                }
                zip.putNextEntry(e);
                zip.write(b);
                zip.closeEntry();
            }
        }
    }

    static List<ZipEntry> list(ZipFile z) {
        List<ZipEntry> l = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) l.add(en.nextElement());
        return l;
    }

    static byte[] read(ZipFile z, ZipEntry e) throws IOException {
        try (InputStream in = z.getInputStream(e)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        }
    }

    static List<Path> sorted(Path dir, java.util.function.Predicate<Path> filter) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(filter).sorted().collect(Collectors.toList());
        }
    }

    /** A path list (File.pathSeparator), empty elements skipped, in the given order. */
    static List<Path> paths(String list) {
        List<Path> l = new ArrayList<>();
        for (String s : list.split(java.io.File.pathSeparator)) if (!s.isBlank()) l.add(Path.of(s));
        return l;
    }

    static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option, got " + args[i]);
            m.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[i + 1]);
        }
        if (args.length % 2 != 0) throw new IllegalArgumentException("option without value: " + args[args.length - 1]);
        return m;
    }

    static String one(Map<String, List<String>> opt, String name) {
        List<String> v = opt.get(name);
        if (v == null || v.size() != 1) throw new IllegalArgumentException("need exactly one " + name);
        return v.get(0);
    }
}
