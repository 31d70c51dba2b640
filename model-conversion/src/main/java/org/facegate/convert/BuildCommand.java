package org.facegate.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facegate.convert.eval.ProbeFaces;
import org.facegate.convert.quant.ActivationRanges;
import org.facegate.inference.desktop.DesktopRuntime;
import org.facegate.inference.InferenceRuntime;

/**
 * The build step: converts every variant (or takes them from the cache when source, calibration file and converter
 * code are unchanged), validates each by running it, and assembles the app's model directory.
 */
final class BuildCommand {
    private BuildCommand() {}

    static void run(Args a) throws Exception {
        Path lock = a.path("lock");
        Path models = a.path("models");
        Path rangesFile = a.path("ranges");
        SourceModels sources = SourceModels.of(lock, models);
        byte[] source = sources.read(Converter.SOURCE_FILE);
        byte[] ranges = readRanges(rangesFile);
        String key = ConversionCache.key(source, ranges, CodeFingerprint.of());
        ConversionCache cache = new ConversionCache(a.path("cache"));
        Map<Variant, byte[]> variants = cache.get(key);
        if (variants == null) {
            variants = convertAll(sources, models, source, rangesFile);
            cache.put(key, variants);
        } else {
            System.out.println("[model-conversion] up to date (cache " + key.substring(0, 12) + ")");
        }
        Map<Variant, byte[]> shipped = new EnumMap<>(Variant.class);
        for (String id : a.list("ship", "")) shipped.put(Variant.of(id), variants.get(Variant.of(id)));
        Map<String, byte[]> others = new LinkedHashMap<>();
        for (String name : a.list("ship-sources", "")) others.put(name, sources.read(name));
        others.put(SelfTestFace.FILE, SelfTestFace.bytes(sources));
        Path out = a.path("out");
        AppModels.write(out, shipped, others);
        System.out.println("[model-conversion] app models in " + out + ": " + shipped.keySet() + " + " + others.keySet());
    }

    /** Converts and runs every variant; the models are returned only when all passed. */
    static Map<Variant, byte[]> convertAll(SourceModels sources, Path npmCache, byte[] source, Path rangesFile) throws Exception {
        String sourceName = sources.path(Converter.SOURCE_FILE).toString();
        Converter c = new Converter(source, sourceName, ActivationRanges.read(rangesFile), rangesFile.toString());
        InferenceRuntime cpu = new DesktopRuntime(1);
        List<float[]> probes = ProbeFaces.crops(sources, npmCache, cpu);
        Map<Variant, byte[]> out = new EnumMap<>(Variant.class);
        for (Variant v : Variant.values()) {
            byte[] model = c.convert(v);
            byte[] reference = v == Variant.FLOAT32 ? source : out.get(Variant.FLOAT32);
            double cos = RuntimeCheck.verify(v, model, reference, probes, cpu);
            System.out.printf("[model-conversion] %s: %,d bytes, lowest cosine to %s over %d probe crops %.5f%n", v.fileName(),
                    model.length, v == Variant.FLOAT32 ? "the source" : "float32", probes.size(), cos);
            out.put(v, model);
        }
        return out;
    }

    private static byte[] readRanges(Path f) throws ConversionException {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new ConversionException("cannot read calibration file " + f + " (" + e.getMessage() + "); produce it with the calibrate command");
        }
    }
}
