package org.facegate.convert;

import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.facegate.convert.eval.ProbeFaces;
import org.facegate.convert.quant.ActivationRanges;
import org.facegate.inference.desktop.DesktopRuntime;

/**
 * The real inputs, shared by the test classes of one JVM: the pinned source model from the build's npm cache
 * ({@code facegate.models}), the committed calibration file, the converted variants and probe faces (each made
 * once, on first use).
 */
final class TestModels {
    static final Path LOCK = Path.of("models.lock");
    static final Path RANGES = Path.of("calibration/mobilefacenet-ranges.txt");
    private static Map<Variant, byte[]> variants;
    private static List<float[]> probes;

    private TestModels() {}

    static Path npmCache() {
        return Path.of(System.getProperty("facegate.models", System.getProperty("user.home") + "/.cache/facegate/npm"));
    }

    static SourceModels sources() throws ConversionException {
        return SourceModels.of(LOCK, npmCache());
    }

    static byte[] source() throws ConversionException {
        return sources().read(Converter.SOURCE_FILE);
    }

    static Converter converter() throws ConversionException {
        return new Converter(source(), Converter.SOURCE_FILE, ActivationRanges.read(RANGES), RANGES.toString());
    }

    static synchronized Map<Variant, byte[]> variants() throws ConversionException {
        if (variants == null) {
            Converter c = converter();
            variants = new EnumMap<>(Variant.class);
            for (Variant v : Variant.values()) variants.put(v, c.convert(v));
        }
        return variants;
    }

    /** A few aligned faces from the pinned sample photos (the quantized variants take ~0.5 s per inference here). */
    static synchronized List<float[]> probes() throws ConversionException {
        if (probes == null) probes = ProbeFaces.crops(sources(), npmCache(), new DesktopRuntime(1)).subList(0, 4);
        return probes;
    }

    /** The LFW dev set, skipping the calling test with a message when it is absent. */
    static Path lfw() {
        Path p = Path.of(System.getProperty("facegate.lfw", "../../shared/eval/lfw-dev"));
        assumeTrue("skipped: LFW dev set not found at " + p.toAbsolutePath(), Files.isRegularFile(p.resolve("pairs.txt")));
        return p;
    }
}
