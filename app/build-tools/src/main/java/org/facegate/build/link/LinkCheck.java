package org.facegate.build.link;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jf.dexlib2.DexFileFactory;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.DexFile;
import org.jf.dexlib2.iface.MultiDexContainer;

/**
 * The link check of the shipped dex: what would fail to link on an API-26 device (see {@link Linker}) and the native
 * methods no library of an ABI binds (see {@link NativeBindings}), minus what the allowlist excuses with a reason (see
 * {@link Allowlist}).
 *
 * <pre>
 *   java -cp facegate-build-tools.jar:... org.facegate.build.link.LinkCheck --apks a.apk,b.apk [--apks ...]
 *        --signature android-api-level-26.signature --framework android-all-8.0.0.jar
 *        --allowlist link-allowlist.txt --report target/link-check.txt [--mode fail|report]
 * </pre>
 *
 * APKs whose dex is the same (the universal and per-ABI APKs of one build) are checked once. Prints the findings by kind, every one that is not excused (reference, caller, what ART would throw), and writes
 * all of them, excused ones with their reason, to the report. Exit status 1 in mode {@code fail} (the default) when a
 * finding is not excused or an allowlist entry excuses nothing; mode {@code report} prints the same and exits 0.
 */
public final class LinkCheck {

    /** The outcome: every finding, which entry excused it (or none), and the entries that excused nothing. */
    record Result(List<Finding> findings, Map<Finding, Allowlist.Entry> excused, List<Allowlist.Entry> unused,
                  int classes, int sites, Set<String> unverified) {
        List<Finding> unexcused() {
            return findings.stream().filter(f -> !excused.containsKey(f)).toList();
        }

        boolean passes() {
            return unexcused().isEmpty() && unused.isEmpty();
        }

        Map<Finding.Kind, Integer> byKind() {
            Map<Finding.Kind, Integer> m = new EnumMap<>(Finding.Kind.class);
            for (Finding f : findings) m.merge(f.kind(), 1, Integer::sum);
            return m;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[i + 1]);
        String mode = opt.getOrDefault("--mode", List.of("fail")).get(0);
        if (!mode.equals("fail") && !mode.equals("report")) throw new IllegalArgumentException("--mode fail|report, not " + mode);
        Allowlist allowlist = opt.containsKey("--allowlist") ? Allowlist.read(Path.of(opt.get("--allowlist").get(0))) : Allowlist.none();
        boolean ok = true;
        StringBuilder report = new StringBuilder();
        try (Platform platform = new Platform(Path.of(opt.get("--signature").get(0)), Path.of(opt.get("--framework").get(0)))) {
            Map<String, List<Path>> byDex = new LinkedHashMap<>();                   // dex sha256 -> APKs
            for (String list : opt.getOrDefault("--apks", List.of())) {
                for (String apk : list.split(",")) {
                    if (!apk.isBlank()) byDex.computeIfAbsent(dexSha256(Path.of(apk.strip())), k -> new ArrayList<>()).add(Path.of(apk.strip()));
                }
            }
            if (byDex.isEmpty()) throw new IllegalArgumentException("no --apks given");
            for (List<Path> apks : byDex.values()) {
                Map<String, Set<String>> symbols = new TreeMap<>();           // ABI -> JNI symbols all its APKs export
                for (Path apk : apks) {
                    NativeBindings.symbolsByAbi(apk).forEach((abi, s) -> symbols.merge(abi, s, (a, b) -> {
                        Set<String> both = new TreeSet<>(a);
                        both.retainAll(b);
                        return both;
                    }));
                }
                Result r = check(readApk(apks.get(0)), platform, allowlist, symbols);
                ok &= print(apks.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")),
                        r, allowlist, report);
            }
        }
        if (opt.containsKey("--report")) {
            Path out = Path.of(opt.get("--report").get(0));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report.toString());
            System.out.println("LinkCheck: every finding in " + out);
        }
        if (!ok) {
            if (mode.equals("fail")) {
                System.out.println("LinkCheck FAILED: the dex would not link on an API-26 device (see above). Fix the code, or"
                        + " for a reference that cannot run on a phone, add it with its reason to " + allowlist.file());
                System.exit(1);
            }
            System.out.println("LinkCheck: would fail; -Dfacegate.linkcheck=report only reports");
        }
    }

    /** The classes*.dex of an APK, in order. */
    static List<DexBackedDexFile> readApk(Path apk) throws IOException {
        MultiDexContainer<? extends DexBackedDexFile> c = DexFileFactory.loadDexContainer(apk.toFile(), null);
        List<String> names = new ArrayList<>(c.getDexEntryNames());
        names.sort(Comparator.comparingInt(LinkCheck::dexIndex));
        List<DexBackedDexFile> out = new ArrayList<>();
        for (String n : names) out.add(c.getEntry(n).getDexFile());
        if (out.isEmpty()) throw new IOException("no classes*.dex in " + apk);
        return out;
    }

    /** The sha256 of an APK's classes*.dex entries, in order: equal for APKs that ship the same code. */
    static String dexSha256(Path apk) throws IOException {
        try (ZipFile z = new ZipFile(apk.toFile())) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<String> names = z.stream().map(ZipEntry::getName).filter(n -> n.matches("classes\\d*\\.dex"))
                    .sorted(Comparator.comparingInt(LinkCheck::dexIndex)).toList();
            for (String n : names) {
                md.update(n.getBytes(StandardCharsets.UTF_8));
                try (InputStream in = z.getInputStream(z.getEntry(n))) {
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int dexIndex(String entry) {
        String n = entry.substring(entry.lastIndexOf(File.separatorChar) + 1);
        return n.equals("classes.dex") ? 1 : Integer.parseInt(n.replaceAll("\\D", ""));
    }

    /** Links the dex and binds its native methods to each ABI's exported symbols (none given: no native check). */
    static Result check(List<? extends DexFile> dex, Platform platform, Allowlist allowlist,
                        Map<String, Set<String>> symbolsByAbi) throws IOException {
        Linker linker = new Linker(platform);
        List<Finding> findings = new ArrayList<>(linker.link(dex));
        symbolsByAbi.forEach((abi, symbols) -> findings.addAll(NativeBindings.unbound(dex, abi, symbols)));
        Map<Finding, Allowlist.Entry> excused = new LinkedHashMap<>();
        List<Allowlist.Entry> used = new ArrayList<>();
        for (Finding f : findings) {
            Allowlist.Entry e = allowlist.excuse(f);
            if (e != null) {
                excused.put(f, e);
                used.add(e);
            }
        }
        List<Allowlist.Entry> unused = allowlist.entries().stream().filter(e -> !used.contains(e)).toList();
        return new Result(findings, excused, unused, linker.classes(), linker.sites(), linker.unverified());
    }

    /** Prints the summary and every unexcused finding (grouped: reference and caller once, with a count); true if it passes. */
    static boolean print(String name, Result r, Allowlist allowlist, StringBuilder report) {
        String head = String.format("LinkCheck: %s: %d classes, %d references linked against the API-26 platform: %d findings %s,"
                + " %d excused by %d allowlist entries, %d not excused", name, r.classes(), r.sites(), r.findings().size(),
                r.byKind(), r.excused().size(), r.excused().values().stream().distinct().count(), r.unexcused().size());
        System.out.println(head);
        report.append(head).append('\n');
        Map<String, Integer> groups = new TreeMap<>();
        for (Finding f : r.findings()) {
            Allowlist.Entry e = r.excused().get(f);
            groups.merge((e == null ? "NOT EXCUSED " : "excused ") + f + (e == null ? "" : "  [allowlist line " + e.line() + ": " + e.reason() + "]"), 1, Integer::sum);
        }
        groups.forEach((g, n) -> {
            String line = g + (n > 1 ? "  x" + n : "");
            report.append(line).append('\n');
            if (g.startsWith("NOT EXCUSED")) System.out.println("LinkCheck: " + line);
        });
        for (Finding.Kind k : r.byKind().keySet()) {
            if (!k.allowlistable || r.unexcused().stream().anyMatch(f -> f.kind() == k)) System.out.println("LinkCheck:   " + k + " = " + k.meaning);
        }
        if (!r.unverified().isEmpty()) {
            String line = "LinkCheck: " + r.unverified().size() + " platform members resolved, but no class file declares them,"
                    + " so their static-ness is unchecked: " + r.unverified();
            System.out.println(line);
            report.append(line).append('\n');
        }
        for (Allowlist.Entry e : r.unused()) {
            String line = "LinkCheck: allowlist " + allowlist.file() + " " + e + " excuses nothing in " + name + ": remove it";
            System.out.println(line);
            report.append(line).append('\n');
        }
        return r.passes();
    }
}
