package org.facegate.engine;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.facegate.inference.ElementType;
import org.facegate.inference.InferenceModel;
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
final class TfliteModel implements InferenceModel {
    private final TfliteRuntime runtime;
    private final InterpreterApi interpreter;
    private final Delegate delegate;
    private final String name;
    private final Placement placement;
    private final Object[] inputs;
    private final Map<Integer, Object> outputs = new HashMap<>();
    private TensorSpec[] inputSpecs, outputSpecs;

    TfliteModel(TfliteRuntime runtime, InterpreterApi interpreter, Delegate delegate, String name, Placement placement) {
        this.runtime = runtime;
        this.interpreter = interpreter;
        this.delegate = delegate;
        this.name = name;
        this.placement = placement;
        this.inputs = new Object[interpreter.getInputTensorCount()];
        describe();
    }

    private void describe() {
        inputSpecs = new TensorSpec[interpreter.getInputTensorCount()];
        for (int i = 0; i < inputSpecs.length; i++) inputSpecs[i] = spec(interpreter.getInputTensor(i));
        outputSpecs = new TensorSpec[interpreter.getOutputTensorCount()];
        for (int i = 0; i < outputSpecs.length; i++) outputSpecs[i] = spec(interpreter.getOutputTensor(i));
    }

    static TensorSpec spec(Tensor t) {
        Tensor.QuantizationParams q = t.quantizationParams();
        return new TensorSpec(t.name(), t.shape(), type(t.dataType()), q.getScale(), q.getZeroPoint());
    }

    static ElementType type(DataType t) {
        // by name, not a switch: a switch on another library's enum compiles to a synthetic class of its ordinals
        return ElementType.valueOf(t.name());
    }

    @Override
    public TensorSpec input(int index) {
        return inputSpecs[index];
    }

    @Override
    public int inputCount() {
        return inputSpecs.length;
    }

    @Override
    public TensorSpec output(int index) {
        return outputSpecs[index];
    }

    @Override
    public int outputCount() {
        return outputSpecs.length;
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
        if (in.length != inputs.length || out.length != outputSpecs.length) {
            throw new IllegalArgumentException(name + ": " + inputs.length + " inputs and " + outputSpecs.length
                    + " outputs, given " + in.length + " and " + out.length);
        }
        // Buffer's rewind: ByteBuffer's covariant override does not exist on API 26
        for (int i = 0; i < in.length; i++) inputs[i] = ((Buffer) in[i]).rewind();
        outputs.clear();
        for (int i = 0; i < out.length; i++) if (out[i] != null) outputs.put(i, ((Buffer) out[i]).rewind());
        interpreter.runForMultipleInputsOutputs(inputs, outputs);
    }

    @Override
    public Placement placement() {
        return placement;
    }

    @Override
    public void close() {
        runtime.checkThread();
        interpreter.close();
        if (delegate != null) TfliteRuntime.closeQuietly(delegate);
    }

    @Override
    public String toString() {
        return name + " on " + placement;
    }
}
