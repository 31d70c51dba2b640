package org.facegate.convert.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.QuantizationParametersT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;

/**
 * An editable view of a single-subgraph TFLite model: tensors, operators, buffers and operator codes as growable
 * lists (the schema's object API holds fixed arrays), with the few queries graph rewrites need. Edits happen on
 * the lists; {@link #toModel()} writes them back. Tensors and buffers are addressed by index, as in the file;
 * {@link Compactor} drops whatever a rewrite left unused.
 */
public final class Graph {
    private final ModelT model;
    private final SubGraphT subgraph;
    public final List<TensorT> tensors;
    public final List<OperatorT> ops;
    public final List<BufferT> buffers;
    public final List<OperatorCodeT> opcodes;

    private Graph(ModelT model) {
        this.model = model;
        this.subgraph = model.getSubgraphs()[0];
        tensors = new ArrayList<>(Arrays.asList(subgraph.getTensors()));
        ops = new ArrayList<>(Arrays.asList(subgraph.getOperators()));
        buffers = new ArrayList<>(Arrays.asList(model.getBuffers()));
        opcodes = new ArrayList<>(Arrays.asList(model.getOperatorCodes()));
    }

    /** Wraps a model that {@link TfliteReader} validated (exactly one subgraph). */
    public static Graph of(ModelT model) {
        return new Graph(model);
    }

    /** The model with the edited lists written back. */
    public ModelT toModel() {
        subgraph.setTensors(tensors.toArray(new TensorT[0]));
        subgraph.setOperators(ops.toArray(new OperatorT[0]));
        model.setBuffers(buffers.toArray(new BufferT[0]));
        model.setOperatorCodes(opcodes.toArray(new OperatorCodeT[0]));
        return model;
    }

    public ModelT model() {
        return model;
    }

    public int[] inputs() {
        return subgraph.getInputs();
    }

    public int[] outputs() {
        return subgraph.getOutputs();
    }

    public void setOutputs(int[] outputs) {
        subgraph.setOutputs(outputs);
    }

    /** The builtin operator code of an op (the larger of the two schema fields, as TFLite reads it). */
    public int builtin(OperatorT op) {
        return builtinOf(opcodes.get((int) op.getOpcodeIndex()));
    }

    public static int builtinOf(OperatorCodeT c) {
        return Math.max(c.getBuiltinCode(), c.getDeprecatedBuiltinCode());
    }

    /** Schema name of an op's builtin code ("CONV_2D"). */
    public String opName(OperatorT op) {
        return BuiltinOperator.name(builtin(op));
    }

    /** Index of the operator code for {@code builtin} at version 1, added if the model has none yet. */
    public int opcode(int builtin) {
        return opcode(builtin, 1);
    }

    /**
     * Index of the operator code for {@code builtin} at {@code version}, added if the model has none yet. Ops of
     * one builtin may need different versions (an int8 and an fp16 DEQUANTIZE): each gets its own code.
     */
    public int opcode(int builtin, int version) {
        for (int i = 0; i < opcodes.size(); i++) {
            if (builtinOf(opcodes.get(i)) == builtin && opcodes.get(i).getVersion() == version) return i;
        }
        OperatorCodeT c = new OperatorCodeT();
        c.setBuiltinCode(builtin);
        // TFLite reads max(builtin_code, deprecated_builtin_code); codes below 127 go in both for old readers
        c.setDeprecatedBuiltinCode((byte) Math.min(builtin, 127));
        c.setVersion(version);
        opcodes.add(c);
        return opcodes.size() - 1;
    }

    public TensorT tensor(int index) {
        return tensors.get(index);
    }

    /** The constant payload of a tensor, or null when it is computed at run time. */
    public byte[] data(int tensor) {
        int[] d = buffers.get((int) tensors.get(tensor).getBuffer()).getData();
        return d == null || d.length == 0 ? null : Bytes.fromSchema(d);
    }

    public boolean isConstant(int tensor) {
        return tensor >= 0 && data(tensor) != null;
    }

    /** Gives a tensor its own new buffer holding {@code bytes} (never edits a buffer other tensors may share). */
    public void setData(int tensor, byte[] bytes) {
        tensors.get(tensor).setBuffer(addBuffer(bytes));
    }

    public int addBuffer(byte[] bytes) {
        BufferT b = new BufferT();
        if (bytes != null) b.setData(Bytes.toSchema(bytes));
        buffers.add(b);
        return buffers.size() - 1;
    }

    /** Adds a tensor with a new buffer ({@code data} null for a run-time tensor); returns its index. */
    public int addTensor(String name, byte type, int[] shape, byte[] data, QuantizationParametersT quantization) {
        TensorT t = new TensorT();
        t.setName(name);
        t.setType(type);
        t.setShape(shape.clone());
        t.setBuffer(addBuffer(data));
        if (quantization != null) t.setQuantization(quantization);
        tensors.add(t);
        return tensors.size() - 1;
    }

    /** A new operator (options may be null); the caller inserts it into {@link #ops} in execution order. */
    public OperatorT newOp(int builtin, int[] inputs, int[] outputs, BuiltinOptionsUnion options) {
        OperatorT op = new OperatorT();
        op.setOpcodeIndex(opcode(builtin));
        op.setInputs(inputs);
        op.setOutputs(outputs);
        if (options != null) op.setBuiltinOptions(options);
        return op;
    }

    /** Every op reading {@code tensor}, in execution order. */
    public List<OperatorT> consumers(int tensor) {
        List<OperatorT> c = new ArrayList<>();
        for (OperatorT op : ops) for (int i : op.getInputs()) if (i == tensor) {
            c.add(op);
            break;
        }
        return c;
    }

    /** True when {@code tensor} is read by more than the given op or is a graph output. */
    public boolean usedElsewhere(int tensor, OperatorT except) {
        for (int o : outputs()) if (o == tensor) return true;
        for (OperatorT op : consumers(tensor)) if (op != except) return true;
        return false;
    }
}
