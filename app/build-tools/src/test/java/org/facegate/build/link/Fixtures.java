package org.facegate.build.link;

import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.origin.Origin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jf.dexlib2.DexFileFactory;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;

/** Real fixtures for the link check: Java sources compiled by javac, dexed by d8 (min-api 26) as the build does. */
final class Fixtures {
    static final Path PLATFORM = Path.of(System.getProperty("facegate.platform.dir", "target/platform"));
    /** the framework the app compiles against (API 34): fixtures may call what API 26 does not have */
    static final Path FRAMEWORK_34 = PLATFORM.resolve("android-all-34.jar");

    private Fixtures() {}

    static Platform platform() throws IOException {
        return new Platform(PLATFORM.resolve("android-api-level-26.signature"), PLATFORM.resolve("android-all-26.jar"));
    }

    /**
     * Compiles the sources (path inside the source tree -> text) into a new directory under dir; fails on an error. The
     * given classpath comes before the API-34 framework, so a stub may stand in for a framework class.
     */
    static Path compile(Path dir, String name, Map<String, String> sources, Path... classpath) throws IOException {
        Path src = dir.resolve(name + "-src"), out = dir.resolve(name);
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString(), "-cp",
                String.join(File.pathSeparator, Stream.concat(Stream.of(classpath), Stream.of(FRAMEWORK_34)).map(Path::toString).toList())));
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path f = src.resolve(s.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, s.getValue());
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, args.toArray(new String[0]));
        if (rc != 0) throw new IllegalStateException("javac failed on " + sources.keySet());
        return out;
    }

    /** d8 --release --min-api 26 of every class file under the directories, as one dex (the app's platform: API 34 + JDK). */
    static DexBackedDexFile dex(Path dir, Path... classDirs) throws Exception {
        Path out = Files.createTempDirectory(dir, "dex");
        List<String> args = new ArrayList<>(List.of("--release", "--min-api", "26", "--lib", FRAMEWORK_34.toString(),
                "--lib", System.getProperty("java.home"), "--output", out.toString()));
        for (Path d : classDirs) {
            try (Stream<Path> s = Files.walk(d)) {
                s.filter(p -> p.toString().endsWith(".class")).sorted().forEach(p -> args.add(p.toString()));
            }
        }
        D8.run(D8Command.parse(args.toArray(new String[0]), Origin.root()).build());
        return DexFileFactory.loadDexFile(out.resolve("classes.dex").toFile(), Opcodes.forApi(26));
    }
}
