package org.facegate.inference.desktop;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.facegate.inference.AdapterModel;
import org.facegate.inference.ElementType;
import org.facegate.inference.ModelException;
import org.facegate.inference.Placement;
import org.facegate.inference.TensorSpec;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.Tensor;

/** A model on DJL's TFLite: the port's calls mapped onto {@link Interpreter} and its {@link Tensor} class. */
final class DesktopModel extends AdapterModel {
    private final Interpreter interpreter;
    private final Object[] inputs;
    private final Map<Integer, Object> outputs = new HashMap<>();

    /** @throws ModelException if a tensor has a type the port does not know */
    DesktopModel(Interpreter interpreter, String name, Placement placement) throws ModelException {
        super(name, placement);
        this.interpreter = interpreter;
        this.inputs = new Object[interpreter.getInputTensorCount()];
        try {
            describe();
        } catch (IllegalArgumentException e) {
            throw new ModelException(name + ": " + e.getMessage(), e);
        }
    }

    private void describe() {
        TensorSpec[] in = new TensorSpec[interpreter.getInputTensorCount()];
        for (int i = 0; i < in.length; i++) in[i] = spec(interpreter.getInputTensor(i));
        TensorSpec[] out = new TensorSpec[interpreter.getOutputTensorCount()];
        for (int i = 0; i < out.length; i++) out[i] = spec(interpreter.getOutputTensor(i));
        describe(in, out);
    }

    private static TensorSpec spec(Tensor t) {
        Tensor.QuantizationParams q = t.quantizationParams();
        return new TensorSpec(t.name(), t.shape(), ElementType.named(t.dataType().name()), q.getScale(), q.getZeroPoint());
    }

    @Override
    public void resizeInput(int index, int[] shape) {
        interpreter.resizeInput(index, shape);
        interpreter.allocateTensors();
        describe();
    }

    @Override
    public void run(ByteBuffer[] in, ByteBuffer[] out) {
        checkRun(in, out);
        for (int i = 0; i < in.length; i++) inputs[i] = in[i].rewind();
        outputs.clear();
        for (int i = 0; i < out.length; i++) if (out[i] != null) outputs.put(i, out[i].rewind());
        interpreter.runForMultipleInputsOutputs(inputs, outputs);
    }

    @Override
    public void close() {
        interpreter.close();
    }
}
