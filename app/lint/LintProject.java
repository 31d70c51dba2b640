import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the project.xml that Android Lint reads when it runs without Gradle: the app (Android: the expanded manifest,
 * every resource file, every source file, generated ones marked so, its classes, its compile classpath and the java.*
 * stubs of {@code LintSdk}) and the Java libraries of the project it ships (facecore, facecore's inference port: their
 * sources and classes), on which it depends. Lint wants each source file listed: a source directory is not searched.
 *
 * <pre>java LintProject.java --out FILE --sdk SDK_DIR --api API --app APP_DIR --manifest EXPANDED_MANIFEST
 *     --generated GENERATED_SOURCES_DIR --libraries NAME=DIR,NAME=DIR --classpath APP_COMPILE_CLASSPATH</pre>
 */
public class LintProject {
    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i], args[i + 1]);
        for (String k : List.of("--out", "--sdk", "--api", "--app", "--manifest", "--generated", "--libraries", "--classpath")) {
            if (!a.containsKey(k)) throw new IllegalArgumentException("missing " + k);
        }
        Path app = abs(a.get("--app")), sdk = abs(a.get("--sdk"));
        Map<String, Path> modules = new LinkedHashMap<>();
        for (String m : a.get("--libraries").split(",")) modules.put(m.substring(0, m.indexOf('=')), abs(m.substring(m.indexOf('=') + 1)));
        String api = a.get("--api");
        Path platform = sdk.resolve("platforms/android-" + api);
        Path androidJar = platform.resolve("android.jar").toRealPath();

        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<!-- Written by app/lint/LintProject.java in every build (mvn verify); not to be edited. -->\n");
        x.append("<project>\n");
        x.append("  <sdk dir=\"").append(sdk).append("\"/>\n");
        Path cache = abs(a.get("--out")).getParent().resolve("cache");
        Files.createDirectories(cache);
        x.append("  <cache dir=\"").append(cache).append("\"/>\n");

        String appModule = app + ":app";
        x.append("  <module name=\"").append(appModule).append("\" android=\"true\" library=\"false\" compile-sdk-version=\"")
                .append(api).append("\" javaLanguage=\"17\">\n");
        x.append("    <manifest file=\"").append(abs(a.get("--manifest"))).append("\"/>\n");
        for (Path f : files(app.resolve("src/main/res"), "")) {
            if (f.getParent().getParent().equals(app.resolve("src/main/res"))) x.append("    <resource file=\"").append(f).append("\"/>\n");
        }
        for (Path f : files(app.resolve("src/main/java"), ".java")) x.append("    <src file=\"").append(f).append("\"/>\n");
        for (Path f : files(abs(a.get("--generated")), ".java")) x.append("    <src file=\"").append(f).append("\" generated=\"true\"/>\n");
        x.append("    <classes dir=\"").append(app.resolve("target/classes")).append("\"/>\n");
        x.append("    <classpath file=\"").append(platform.resolve("java-api-26.jar")).append("\"/>\n");
        List<Path> libraries = new ArrayList<>();
        for (String e : a.get("--classpath").split(File.pathSeparator)) {
            Path p = abs(e);
            // the platform is the SDK's; the project's libraries are modules of their own; directories are the app's output
            if (!p.toString().endsWith(".jar") || !Files.isRegularFile(p) || p.toRealPath().equals(androidJar)
                    || modules.values().stream().anyMatch(p::startsWith)) continue;
            libraries.add(p);
            x.append("    <classpath file=\"").append(p).append("\"/>\n");
        }
        for (Map.Entry<String, Path> m : modules.entrySet()) {
            x.append("    <dep module=\"").append(m.getValue()).append(':').append(m.getKey()).append("\"/>\n");
        }
        x.append("  </module>\n");

        for (Map.Entry<String, Path> m : modules.entrySet()) {
            Path dir = m.getValue();
            x.append("  <module name=\"").append(dir).append(':').append(m.getKey()).append("\" android=\"false\" library=\"true\" javaLanguage=\"17\">\n");
            for (Path f : files(dir.resolve("src/main/java"), ".java")) x.append("    <src file=\"").append(f).append("\"/>\n");
            x.append("    <classes dir=\"").append(dir.resolve("target/classes")).append("\"/>\n");
            for (Path p : libraries) x.append("    <classpath file=\"").append(p).append("\"/>\n");
            for (Map.Entry<String, Path> other : modules.entrySet()) {
                if (other != m) x.append("    <classpath file=\"").append(other.getValue().resolve("target/classes")).append("\"/>\n");
            }
            x.append("  </module>\n");
        }
        x.append("</project>\n");

        Path out = abs(a.get("--out"));
        Files.createDirectories(out.getParent());
        Files.write(out, x.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println("[lint-project] " + out + ": " + (x.toString().split("<src ", -1).length - 1) + " sources, "
                + (x.toString().split("<resource ", -1).length - 1) + " resources, " + libraries.size() + " library jars");
    }

    private static Path abs(String p) {
        return Paths.get(p).toAbsolutePath().normalize();
    }

    /** Regular files under {@code dir} ending in {@code suffix}, sorted (so the file is the same from build to build). */
    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }
}
