package org.facegate.convert;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.Map;
import org.facegate.convert.check.GpuDelegateOps;
import org.facegate.convert.check.OpHistogram;
import org.facegate.convert.model.Graph;
import org.facegate.convert.model.TfliteReader;
import org.facegate.inference.desktop.DesktopRuntime;
import org.facegate.tflite.EmbeddingModelInfo;
import org.junit.Test;
import org.tensorflow.lite.support.metadata.MetadataExtractor;
import org.tensorflow.lite.support.metadata.schema.NormalizationOptions;

/** Conversion of the real pinned MobileFaceNet into every variant, each checked by running it. */
public class ConversionTest {
    @Test
    public void float32IsABatchOneRewriteWithFusedPreluThatMatchesTheSource() throws Exception {
        Graph g = Graph.of(TfliteReader.parse(TestModels.variants().get(Variant.FLOAT32), "float32"));
        assertArrayEquals(new int[] {1, 112, 112, 3}, g.tensor(g.inputs()[0]).getShape());
        assertArrayEquals(new int[] {1, 112, 112, 3}, g.tensor(g.inputs()[0]).getShapeSignature());
        assertArrayEquals(new int[] {1, 192}, g.tensor(g.outputs()[0]).getShape());
        Map<String, Integer> ops = OpHistogram.of(g);
        assertEquals(Integer.valueOf(33), ops.get("PRELU v1"));
        assertEquals("no ABS/SUB/MUL/RELU left from the decomposed PReLU", 5, ops.size());
        double cos = RuntimeCheck.verify(Variant.FLOAT32, TestModels.variants().get(Variant.FLOAT32), TestModels.source(),
                TestModels.probes(), new DesktopRuntime(1));
        assertTrue("cosine to the source " + cos, cos >= 0.9999);
    }

    @Test
    public void everyQuantizedVariantRunsAndAgreesWithFloat32() throws Exception {
        byte[] reference = TestModels.variants().get(Variant.FLOAT32);
        for (Variant v : new Variant[] {Variant.FP16, Variant.INT8_DYNAMIC, Variant.INT8}) {
            double cos = RuntimeCheck.verify(v, TestModels.variants().get(v), reference, TestModels.probes(), new DesktopRuntime(1));
            assertTrue(v + " lowest cosine " + cos, cos >= RuntimeCheck.floor(v));
        }
    }

    @Test
    public void weightsHaveTheVariantsTypes() throws Exception {
        assertTrue(OpHistogram.of(graph(Variant.FP16)).get("DEQUANTIZE v3") > 100);
        assertEquals(Integer.valueOf(35), OpHistogram.of(graph(Variant.INT8_DYNAMIC)).get("CONV_2D v5"));
        assertEquals(Integer.valueOf(17), OpHistogram.of(graph(Variant.INT8_DYNAMIC)).get("DEPTHWISE_CONV_2D v6"));
        Map<String, Integer> int8 = OpHistogram.of(graph(Variant.INT8));
        assertEquals("one QUANTIZE after each float island", Integer.valueOf(3), int8.get("QUANTIZE v1"));
        assertTrue("fp16 weights of the float ops", int8.get("DEQUANTIZE v3") > 0);
        assertTrue(int8.get("CONV_2D v3") > 30);
        assertTrue("int8 size " + TestModels.variants().get(Variant.INT8).length, TestModels.variants().get(Variant.INT8).length <= 1_600_000);
    }

    @Test
    public void gpuDelegateTakesEveryOpOfTheGpuVariants() throws Exception {
        for (Variant v : new Variant[] {Variant.FLOAT32, Variant.FP16, Variant.INT8}) {
            assertEquals(v + " " + GpuDelegateOps.check(graph(v)), 0, GpuDelegateOps.check(graph(v)).size());
        }
        // hybrid kernels have op versions the delegate does not know
        assertFalse(GpuDelegateOps.check(graph(Variant.INT8_DYNAMIC)).isEmpty());
        // and the source's decomposed PReLU uses ABS, which is not on the documented list
        assertTrue(GpuDelegateOps.check(Graph.of(TfliteReader.parse(TestModels.source(), "source"))).stream()
                .anyMatch(i -> i.name().equals("ABS")));
    }

    @Test
    public void metadataReadsTheSameWithFacecoreAndTheSupportLibrary() throws Exception {
        for (Variant v : Variant.values()) {
            byte[] model = TestModels.variants().get(v);
            EmbeddingModelInfo info = EmbeddingModelInfo.read(ByteBuffer.wrap(model), v.fileName());
            assertEquals("MobileFaceNet", info.name());
            assertEquals("1.0.24-" + Converter.REVISION + "-" + v.id, info.version());
            assertEquals(127.5f, info.mean(), 0);
            assertEquals(128f, info.std(), 0);
            assertEquals(192, info.dimension());
            assertTrue(info.license().startsWith("MIT"));

            MetadataExtractor x = new MetadataExtractor(ByteBuffer.wrap(model));
            assertTrue(x.hasMetadata());
            assertTrue(x.isMinimumParserVersionSatisfied());
            assertEquals(info.name(), x.getModelMetadata().name());
            assertEquals(info.version(), x.getModelMetadata().version());
            assertEquals(info.author(), x.getModelMetadata().author());
            NormalizationOptions n = (NormalizationOptions) x.getInputTensorMetadata(0).processUnits(0).options(new NormalizationOptions());
            assertEquals(info.mean(), n.mean(2), 0);
            assertEquals(info.std(), n.std(0), 0);
            assertArrayEquals(new int[] {1, 192}, x.getOutputTensorShape(0));
        }
    }

    private static Graph graph(Variant v) throws Exception {
        return Graph.of(TfliteReader.parse(TestModels.variants().get(v), v.fileName()));
    }
}
