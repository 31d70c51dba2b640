package org.facegate.engine;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.facegate.inference.ElementType;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.inference.Placement;
import org.facegate.inference.TensorSpec;
import org.junit.Test;
import org.tensorflow.lite.DataType;
import org.tensorflow.lite.Delegate;
import org.tensorflow.lite.InterpreterApi;
import org.tensorflow.lite.Tensor;

/**
 * The Android adapter's own logic, on the JVM against TFLite 2.16.1's real interfaces ({@link InterpreterApi} and
 * {@link Tensor} are interfaces in this build; the adapter is compiled against exactly these) with test doubles in
 * place of the native interpreter and GPU delegate, which cannot load here: placement per model with its reason, GPU
 * refusal falling back to the CPU, tensor descriptions, run and close order, thread confinement. What the doubles
 * cannot show (the native code itself) the build's dex link check and the app's fallbacks cover.
 */
public class TfliteRuntimeTest {
    private final List<String> log = new ArrayList<>();

    /** A tensor as TFLite 2.16.1 describes one. */
    private static Tensor tensor(String name, DataType type, float scale, int zero, int... shape) {
        return new Tensor() {
            @Override public DataType dataType() { return type; }
            @Override public int numDimensions() { return shape.length; }
            @Override public int numBytes() { return numElements() * type.byteSize(); }
            @Override public int numElements() { int n = 1; for (int d : shape) n *= d; return n; }
            @Override public int[] shape() { return shape.clone(); }
            @Override public int[] shapeSignature() { return shape.clone(); }
            @Override public int index() { return 0; }
            @Override public String name() { return name; }
            @Override public Tensor.QuantizationParams quantizationParams() { return new Tensor.QuantizationParams(scale, zero); }
            @Override public ByteBuffer asReadOnlyBuffer() { throw new UnsupportedOperationException(); }
        };
    }

    /** An interpreter double: one float input [1,4], outputs [1,2] float and [1,3] int8; "runs" by writing known bytes. */
    private final class FakeInterpreter implements InterpreterApi {
        final InterpreterApi.Options options;
        Tensor in = tensor("input", DataType.FLOAT32, 0, 0, 1, 4);
        Map<Integer, Object> lastOutputs;
        Object[] lastInputs;

        FakeInterpreter(InterpreterApi.Options options) {
            this.options = options;
        }

        @Override public void run(Object input, Object output) { throw new UnsupportedOperationException("the adapter runs all outputs"); }
        @Override public void runForMultipleInputsOutputs(Object[] inputs, Map<Integer, Object> outputs) {
            lastInputs = inputs;
            lastOutputs = outputs;
            for (Map.Entry<Integer, Object> e : outputs.entrySet()) {
                ByteBuffer b = (ByteBuffer) e.getValue();
                assertEquals("outputs are handed over from position 0", 0, b.position());
                b.put((byte) (10 + e.getKey()));
            }
            log.add("run");
        }
        @Override public void allocateTensors() { log.add("allocate"); }
        @Override public void resizeInput(int i, int[] dims) { in = tensor("input", DataType.FLOAT32, 0, 0, dims); log.add("resize"); }
        @Override public void resizeInput(int i, int[] dims, boolean strict) { resizeInput(i, dims); }
        @Override public int getInputTensorCount() { return 1; }
        @Override public int getInputIndex(String name) { return 0; }
        @Override public Tensor getInputTensor(int i) { return in; }
        @Override public int getOutputTensorCount() { return 2; }
        @Override public int getOutputIndex(String name) { return 0; }
        @Override public Tensor getOutputTensor(int i) {
            int batch = in.shape()[0];
            return i == 0 ? tensor("embedding", DataType.FLOAT32, 0, 0, batch, 2) : tensor("logits", DataType.INT8, 0.05f, -3, batch, 3);
        }
        @Override public Long getLastNativeInferenceDurationNanoseconds() { return null; }
        @Override public void close() { log.add("interpreter.close"); }
    }

    /** A GPU double: a delegate per model, recording its precision and cache token. */
    private final class FakeGpu implements GpuSupport {
        @Override public String unavailableReason() { return null; }
        @Override public Delegate newDelegate(boolean precisionLossAllowed, String token) {
            log.add("delegate:" + token + (precisionLossAllowed ? ":fp16" : ":fp32"));
            return new Delegate() {
                @Override public long getNativeHandle() { return 42; }
                @Override public void close() { log.add("delegate.close"); }
            };
        }
        @Override public void close() { log.add("gpu.close"); }
    }

    private final AtomicReference<FakeInterpreter> last = new AtomicReference<>();

    /** Interpreters that accept every model, or refuse any with a delegate when {@code gpuRefuses}. */
    private TfliteRuntime.Interpreters interpreters(boolean gpuRefuses) {
        return (model, options) -> {
            if (gpuRefuses && !options.getDelegates().isEmpty()) {
                throw new IllegalArgumentException("Internal error: Failed to apply delegate: PRELU not supported");
            }
            FakeInterpreter i = new FakeInterpreter(options);
            last.set(i);
            return i;
        };
    }

    private static ByteBuffer model() {
        return ByteBuffer.allocateDirect(16);
    }

    @Test
    public void aModelThatAllowsTheGpuGetsItsOwnDelegateWithItsPrecision() throws Exception {
        TfliteRuntime r = new TfliteRuntime(2, interpreters(false), new FakeGpu(), null);
        try (InferenceModel exact = r.open(model(), "mobilefacenet-fp16.tflite", ModelOptions.EXACT);
                InferenceModel fast = r.open(model(), "face_landmark.tflite", ModelOptions.FAST)) {
            assertEquals(Placement.Backend.GPU, exact.placement().backend());
            assertEquals("GPU delegate, fp32", exact.placement().detail());
            assertEquals("GPU delegate, fp16 allowed", fast.placement().detail());
            assertEquals(List.of("delegate:mobilefacenet-fp16.tflite:fp32", "delegate:face_landmark.tflite:fp16"), log);
            assertEquals(1, last.get().options.getDelegates().size());
            assertEquals(InterpreterApi.Options.TfLiteRuntime.FROM_APPLICATION_ONLY, last.get().options.getRuntime());
        }
        // each interpreter closes before its delegate
        assertEquals(List.of("interpreter.close", "delegate.close", "interpreter.close", "delegate.close"), log.subList(2, 6));
        r.close();
        assertEquals("gpu.close", log.get(log.size() - 1));
    }

    @Test
    public void aModelTheDelegateRefusesRunsOnTheCpuWithXnnpackAndSaysWhy() throws Exception {
        TfliteRuntime r = new TfliteRuntime(2, interpreters(true), new FakeGpu(), null);
        try (InferenceModel m = r.open(model(), "face_detection_short_range.tflite", ModelOptions.FAST)) {
            assertEquals(Placement.Backend.CPU, m.placement().backend());
            assertTrue(m.placement().detail(), m.placement().detail().startsWith("XNNPACK, 2 threads; GPU delegate refused it"));
            assertTrue(m.placement().detail(), m.placement().detail().contains("PRELU not supported"));
            assertTrue(last.get().options.getUseXNNPACK());
            assertTrue(last.get().options.getDelegates().isEmpty());
            assertEquals(2, last.get().options.getNumThreads());
            assertEquals("the refused delegate is closed at once", List.of("delegate:face_detection_short_range.tflite:fp16", "delegate.close"), log);
        }
        r.close();
    }

    @Test
    public void withoutAGpuOrWhenTheModelAsksForTheCpuNoDelegateIsMade() throws Exception {
        TfliteRuntime noGpu = new TfliteRuntime(1, interpreters(false), null, "this GPU is not on TFLite's compatibility list");
        try (InferenceModel m = noGpu.open(model(), "a.tflite", ModelOptions.EXACT)) {
            assertEquals("XNNPACK, 1 thread; this GPU is not on TFLite's compatibility list", m.placement().detail());
        }
        TfliteRuntime gpu = new TfliteRuntime(1, interpreters(false), new FakeGpu(), null);
        try (InferenceModel m = gpu.open(model(), "b.tflite", ModelOptions.CPU)) {
            assertEquals("XNNPACK, 1 thread; the model asks for the CPU", m.placement().detail());
        }
        assertFalse(log.toString(), log.stream().anyMatch(s -> s.startsWith("delegate")));
    }

    @Test
    public void describesTensorsAndRunsWithTheCallersBuffers() throws Exception {
        TfliteRuntime r = new TfliteRuntime(1, interpreters(false), null, null);
        try (InferenceModel m = r.open(model(), "m.tflite", ModelOptions.CPU)) {
            assertEquals(new TensorSpec("input", new int[] {1, 4}, ElementType.FLOAT32, 0, 0), m.input(0));
            assertEquals(new TensorSpec("logits", new int[] {1, 3}, ElementType.INT8, 0.05f, -3), m.output(1));
            assertEquals(16, m.input(0).byteSize());
            ByteBuffer in = m.input(0).allocate();
            in.position(8); // where the caller left it: the data starts at 0 all the same
            ByteBuffer logits = m.output(1).allocate();
            m.run(new ByteBuffer[] {in}, new ByteBuffer[] {null, logits});
            assertSame(in, last.get().lastInputs[0]);
            assertEquals(0, in.position());
            assertEquals("an output the caller does not read is not asked for", List.of(1), new ArrayList<>(last.get().lastOutputs.keySet()));
            assertEquals(11, logits.get(0));

            m.resizeInput(0, new int[] {2, 4});
            assertArrayEquals(new int[] {2, 4}, m.input(0).shape());
            assertArrayEquals("outputs follow the new input", new int[] {2, 3}, m.output(1).shape());
            assertEquals(List.of("run", "resize", "allocate"), log);
            try {
                m.run(new ByteBuffer[0], new ByteBuffer[2]);
                fail("ran without its input");
            } catch (IllegalArgumentException e) {
                assertEquals("m.tflite: 1 inputs and 2 outputs, given 0 and 2", e.getMessage());
            }
        }
    }

    @Test
    public void aModelTheRuntimeRefusesIsAModelExceptionNamingTheFile() {
        TfliteRuntime r = new TfliteRuntime(1, (model, options) -> {
            throw new IllegalArgumentException("ByteBuffer is not a valid TensorFlow Lite model flatbuffer");
        }, null, null);
        try {
            r.open(model(), "truncated.tflite", ModelOptions.FAST);
            fail("opened");
        } catch (ModelException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("truncated.tflite: the TFLite runtime refuses the model"));
        }
    }

    @Test
    public void everyCallStaysOnTheThreadThatMadeTheRuntime() throws Exception {
        TfliteRuntime r = new TfliteRuntime(1, interpreters(false), new FakeGpu(), null);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                r.open(model(), "a.tflite", ModelOptions.FAST);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "not-inference");
        other.start();
        other.join();
        assertTrue(String.valueOf(thrown.get()), thrown.get() instanceof IllegalStateException);
        assertTrue(thrown.get().getMessage(), thrown.get().getMessage().endsWith("not not-inference"));
        assertNull("no delegate was made off the thread", log.isEmpty() ? null : log);
    }

    @Test
    public void everyDataTypeOfTheShippedRuntimeHasAPortType() {
        for (DataType t : DataType.values()) assertEquals(t.name(), TfliteModel.type(t).name());
    }
}
