package org.facegate.inference.desktop;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.facegate.inference.ElementType;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.ModelException;
import org.facegate.inference.Placement;
import org.facegate.inference.TensorSpec;
import org.tensorflow.lite.DataType;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.Tensor;

/** A model on DJL's TFLite: the port's calls mapped onto {@link Interpreter}. */
final class DesktopModel implements InferenceModel {
    private final Interpreter interpreter;
    private final String name;
    private final Placement placement;
    private final Object[] inputs;
    private final Map<Integer, Object> outputs = new HashMap<>();
    private TensorSpec[] inputSpecs, outputSpecs;

    DesktopModel(Interpreter interpreter, String name, Placement placement) throws ModelException {
        this.interpreter = interpreter;
        this.name = name;
        this.placement = placement;
        this.inputs = new Object[interpreter.getInputTensorCount()];
        describe();
    }

    private void describe() throws ModelException {
        inputSpecs = new TensorSpec[interpreter.getInputTensorCount()];
        for (int i = 0; i < inputSpecs.length; i++) inputSpecs[i] = spec(interpreter.getInputTensor(i));
        outputSpecs = new TensorSpec[interpreter.getOutputTensorCount()];
        for (int i = 0; i < outputSpecs.length; i++) outputSpecs[i] = spec(interpreter.getOutputTensor(i));
    }

    private TensorSpec spec(Tensor t) throws ModelException {
        Tensor.QuantizationParams q = t.quantizationParams();
        return new TensorSpec(t.name(), t.shape(), type(t.dataType()), q.getScale(), q.getZeroPoint());
    }

    private ElementType type(DataType t) throws ModelException {
        switch (t) {
            case FLOAT32: return ElementType.FLOAT32;
            case INT32: return ElementType.INT32;
            case UINT8: return ElementType.UINT8;
            case INT64: return ElementType.INT64;
            case BOOL: return ElementType.BOOL;
            case INT16: return ElementType.INT16;
            case INT8: return ElementType.INT8;
            case STRING: return ElementType.STRING;
            default: throw new ModelException(name + ": tensor type " + t + " is not supported");
        }
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
        try {
            describe();
        } catch (ModelException e) {
            throw new IllegalStateException(e.getMessage(), e); // the types were accepted when the model opened
        }
    }

    @Override
    public void run(ByteBuffer[] in, ByteBuffer[] out) {
        if (in.length != inputs.length || out.length != outputSpecs.length) {
            throw new IllegalArgumentException(name + ": " + inputs.length + " inputs and " + outputSpecs.length
                    + " outputs, given " + in.length + " and " + out.length);
        }
        for (int i = 0; i < in.length; i++) inputs[i] = in[i].rewind();
        outputs.clear();
        for (int i = 0; i < out.length; i++) if (out[i] != null) outputs.put(i, out[i].rewind());
        interpreter.runForMultipleInputsOutputs(inputs, outputs);
    }

    @Override
    public Placement placement() {
        return placement;
    }

    @Override
    public void close() {
        interpreter.close();
    }

    @Override
    public String toString() {
        return name + " on " + placement;
    }
}
