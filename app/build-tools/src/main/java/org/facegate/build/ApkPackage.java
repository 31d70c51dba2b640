// Assembles an unsigned APK, byte for byte the same on every build of the same inputs.
//
//   java -cp facegate-build-tools.jar org.facegate.build.ApkPackage --out x.apk --resources resources.ap_
//        --dex r8.zip --aars <path list of *.aar> --abis arm64-v8a,armeabi-v7a,x86_64
//
// Entries, in this order: everything aapt2 linked (AndroidManifest.xml first, its compression kept: resources.arsc
// stays STORED), the classes*.dex of R8's output in their order (deflated; ART loads them all, minSdk >= 21),
// lib/<abi>/*.so from each AAR's jni/<abi>/ for the listed ABIs only (deflated: the manifest has
// extractNativeLibs="true", see AndroidManifest.xml), then the Java resources R8 passed through from the jars (what
// Class.getResource finds on Android; META-INF/services as R8 rewrote them for the classes it kept), sorted. The same
// call with fewer --abis makes a per-ABI APK. Every entry carries the same fixed timestamp. Fails on anything that
// would be silently lost or ambiguous: an AAR with resources (other than an empty values.xml) or assets, as there is
// no resource merger; a native library that two AARs provide with different content. Lists the AAR manifest entries
// (permissions, components) left out, as there is no manifest merger either.
package org.facegate.build;

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
        // 2. dex, from R8's output
        Path r8 = Path.of(one(opt, "--dex"));
        Map<String, byte[]> javaRes = new TreeMap<>();
        try (ZipFile z = new ZipFile(r8.toFile())) {
            List<ZipEntry> dexes = list(z).stream().filter(e -> e.getName().matches("classes\\d*\\.dex"))
                    .sorted(java.util.Comparator.comparingInt(e -> dexIndex(e.getName()))).toList();
            if (dexes.isEmpty()) throw new IllegalStateException("no classes*.dex in " + r8);
            for (int i = 0; i < dexes.size(); i++) {
                String name = i == 0 ? "classes.dex" : "classes" + (i + 1) + ".dex";
                if (!dexes.get(i).getName().equals(name)) throw new IllegalStateException(r8 + " has no " + name);
                put(stored, data, name, false, read(z, dexes.get(i)));
            }
            for (ZipEntry e : list(z)) {
                if (!e.isDirectory() && !e.getName().matches("classes\\d*\\.dex") && isJavaResource(e.getName())) javaRes.put(e.getName(), read(z, e));
            }
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

        // 4. Java resources, sorted
        javaRes.forEach((n, b) -> put(stored, data, n, false, b));

        write(out, stored, data);
        System.out.printf("ApkPackage: %s: %d dex, %d native libraries (%s), %d Java resources%n",
                out.getFileName(), data.keySet().stream().filter(n -> n.endsWith(".dex")).count(), libs.size(),
                String.join(",", abis), javaRes.size());
    }

    static int dexIndex(String n) {
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

    /** A native library once; the same name with other bytes from another AAR is an error. */
    static void add(Map<String, Content> into, String name, Content c) {
        Content old = into.putIfAbsent(name, c);
        if (old != null && !Arrays.equals(old.bytes(), c.bytes())) {
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
