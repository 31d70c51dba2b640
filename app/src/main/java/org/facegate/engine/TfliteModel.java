package org.facegate.engine;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.facegate.inference.AdapterModel;
import org.facegate.inference.ElementType;
import org.facegate.inference.Placement;
import org.facegate.inference.TensorSpec;
import org.tensorflow.lite.DataType;
import org.tensorflow.lite.Delegate;
import org.tensorflow.lite.InterpreterApi;
import org.tensorflow.lite.Tensor;

/**
 * A model on TFLite 2.16.1: the port's calls mapped onto {@link InterpreterApi} and its {@link Tensor}s (an interface
 * in this build, which is why this class is compiled against this jar and no other). Owns its GPU delegate, if any,
 * and closes it after the interpreter.
 */
final class TfliteModel extends AdapterModel {
    private final TfliteRuntime runtime;
    private final InterpreterApi interpreter;
    private final Delegate delegate;
    private final Object[] inputs;
    private final Map<Integer, Object> outputs = new HashMap<>();

    TfliteModel(TfliteRuntime runtime, InterpreterApi interpreter, Delegate delegate, String name, Placement placement) {
        super(name, placement);
        this.runtime = runtime;
        this.interpreter = interpreter;
        this.delegate = delegate;
        this.inputs = new Object[interpreter.getInputTensorCount()];
        describe();
    }

    private void describe() {
        TensorSpec[] in = new TensorSpec[interpreter.getInputTensorCount()];
        for (int i = 0; i < in.length; i++) in[i] = spec(interpreter.getInputTensor(i));
        TensorSpec[] out = new TensorSpec[interpreter.getOutputTensorCount()];
        for (int i = 0; i < out.length; i++) out[i] = spec(interpreter.getOutputTensor(i));
        describe(in, out);
    }

    static TensorSpec spec(Tensor t) {
        Tensor.QuantizationParams q = t.quantizationParams();
        return new TensorSpec(t.name(), t.shape(), type(t.dataType()), q.getScale(), q.getZeroPoint());
    }

    static ElementType type(DataType t) {
        // by name, not a switch: a switch on another library's enum compiles to a synthetic class of its ordinals
        return ElementType.named(t.name());
    }

    @Override
    public void resizeInput(int index, int[] shape) {
        interpreter.resizeInput(index, shape);
        interpreter.allocateTensors();
        describe();
    }

    @Override
    public void run(ByteBuffer[] in, ByteBuffer[] out) {
        runtime.checkThread();
        checkRun(in, out);
        // Buffer's rewind: ByteBuffer's covariant override does not exist on API 26
        for (int i = 0; i < in.length; i++) inputs[i] = ((Buffer) in[i]).rewind();
        outputs.clear();
        for (int i = 0; i < out.length; i++) if (out[i] != null) outputs.put(i, ((Buffer) out[i]).rewind());
        interpreter.runForMultipleInputsOutputs(inputs, outputs);
    }

    @Override
    public void close() {
        runtime.checkThread();
        interpreter.close();
        if (delegate != null) TfliteRuntime.closeQuietly(delegate);
    }
}
