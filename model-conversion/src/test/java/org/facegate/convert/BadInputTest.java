package org.facegate.convert;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.facegate.convert.model.Graph;
import org.facegate.convert.model.TfliteReader;
import org.facegate.convert.model.TfliteWriter;
import org.facegate.convert.quant.ActivationRanges;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.TensorT;

/** Every bad input gives a clear error naming the file, and no half-written output. */
public class BadInputTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void truncatedModel() throws Exception {
        byte[] src = TestModels.source();
        for (int length : new int[] {4, 1000, src.length / 2, src.length - 1024}) {
            String msg = failure(Arrays.copyOf(src, length), "cut.tflite");
            assertTrue(length + ": " + msg, msg.startsWith("cut.tflite: "));
            assertTrue(length + ": " + msg, msg.contains("truncated") || msg.contains("too short") || msg.contains("corrupt"));
        }
    }

    @Test
    public void notATfliteFile() {
        String msg = failure("just some text, not a model".getBytes(StandardCharsets.UTF_8), "notes.tflite");
        assertEquals("notes.tflite: not a TFLite model (no TFL3 file identifier at byte 4)", msg);
    }

    @Test
    public void corruptPayloadSize() throws Exception {
        Graph g = sourceGraph();
        int w = g.ops.get(0).getInputs()[1];
        g.setData(w, Arrays.copyOf(g.data(w), 100));
        String msg = failure(TfliteWriter.serialize(g.toModel()), "damaged.tflite");
        assertTrue(msg, msg.startsWith("damaged.tflite: corrupt model, tensor") && msg.contains("has 100 bytes of data"));
    }

    @Test
    public void unexpectedOp() throws Exception {
        Graph g = sourceGraph();
        g.ops.get(1).setOpcodeIndex(g.opcode(BuiltinOperator.TANH));
        String msg = failure(TfliteWriter.serialize(g.toModel()), "other.tflite");
        assertTrue(msg, msg.startsWith("other.tflite: unexpected op(s) [TANH]"));
    }

    @Test
    public void wrongInputShape() throws Exception {
        Graph g = sourceGraph();
        TensorT in = g.tensor(g.inputs()[0]);
        in.setShape(new int[] {2, 96, 96, 3});
        String msg = failure(TfliteWriter.serialize(g.toModel()), "small.tflite");
        assertEquals("small.tflite: wrong input shape: expected float32 [N, 112, 112, 3], found FLOAT32 [2, 96, 96, 3]", msg);
    }

    @Test
    public void integrityMismatchOfTheCachedSource() throws Exception {
        Path cache = tmp.newFolder("npm").toPath();
        Path copy = TestModels.sources().path(Converter.SOURCE_FILE);
        Path bad = cache.resolve(TestModels.npmCache().relativize(copy));
        Files.createDirectories(bad.getParent());
        byte[] b = Files.readAllBytes(copy);
        b[b.length / 2] ^= 1;
        Files.write(bad, b);
        try {
            SourceModels.of(TestModels.LOCK, cache).read(Converter.SOURCE_FILE);
            fail("a flipped bit must fail the pinned sha256");
        } catch (ConversionException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("integrity mismatch for source model " + bad));
        }
    }

    @Test
    public void staleCalibrationNamesTheFileAndTensor() throws Exception {
        ActivationRanges full = ActivationRanges.read(TestModels.RANGES);
        Map<String, ActivationRanges.TensorStats> some = new java.util.LinkedHashMap<>(full.stats());
        String dropped = some.keySet().iterator().next();
        some.remove(dropped);
        Path f = tmp.newFile("stale.txt").toPath();
        new ActivationRanges(List.of("stale"), some).write(f);
        try {
            new Converter(TestModels.source(), "src", ActivationRanges.read(f), f.toString()).convert(Variant.INT8);
            fail("a tensor without a range cannot be quantized");
        } catch (ConversionException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(f + " has no activation range for tensor '" + dropped + "'"));
        }
    }

    @Test
    public void aRefusedAppModelLeavesThePreviousDirectoryAsItWas() throws Exception {
        Path out = tmp.getRoot().toPath().resolve("app-models");
        Map<Variant, byte[]> v = TestModels.variants();
        AppModels.write(out, Map.of(Variant.INT8, v.get(Variant.INT8)), Map.of());
        byte[] sums = Files.readAllBytes(out.resolve(AppModels.SUMS));
        try {
            AppModels.write(out, Map.of(Variant.INT8_DYNAMIC, v.get(Variant.INT8_DYNAMIC)), Map.of());
            fail("the dynamic-range variant has ops the GPU delegate refuses");
        } catch (ConversionException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("mobilefacenet-int8-dynamic.tflite cannot ship"));
        }
        assertArrayEquals(sums, Files.readAllBytes(out.resolve(AppModels.SUMS)));
        try (Stream<Path> s = Files.list(tmp.getRoot().toPath())) {
            assertEquals("no temp files left", List.of(out), s.toList());
        }
    }

    private static Graph sourceGraph() throws Exception {
        return Graph.of(TfliteReader.parse(TestModels.source(), "source"));
    }

    /** The message of the conversion error for {@code bytes} named {@code name}. */
    private static String failure(byte[] bytes, String name) {
        try {
            new Converter(bytes, name, null, "none").convert(Variant.FLOAT32);
        } catch (ConversionException e) {
            return e.getMessage();
        }
        throw new AssertionError(name + " converted without error");
    }
}
