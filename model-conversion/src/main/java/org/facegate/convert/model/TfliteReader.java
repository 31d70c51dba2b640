package org.facegate.convert.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.facegate.convert.ConversionException;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;

/**
 * Parses a .tflite file into the schema's object model and checks its structure before anything trusts it. A
 * flatbuffer has no checksum: a truncated file often fails while unpacking (offsets past the end), but a damaged
 * one can also unpack into nonsense. So every index (opcode, tensor, buffer) is range-checked and every constant
 * tensor's payload must be exactly as long as its shape and type say. Errors name the file and what is wrong.
 */
public final class TfliteReader {
    private TfliteReader() {}

    public static ModelT read(Path file) throws ConversionException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConversionException("cannot read model " + file + ": " + e, e);
        }
        return parse(bytes, file.toString());
    }

    /** @param name how errors refer to the bytes (usually the file path) */
    public static ModelT parse(byte[] bytes, String name) throws ConversionException {
        if (bytes.length < 8) {
            throw new ConversionException(name + ": " + bytes.length + " bytes, too short for a TFLite model (truncated?)");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        if (!Model.ModelBufferHasIdentifier(bb)) {
            throw new ConversionException(name + ": not a TFLite model (no TFL3 file identifier at byte 4)");
        }
        ModelT m;
        try {
            m = Model.getRootAsModel(bb).unpack();
        } catch (RuntimeException e) {
            // out-of-range offsets surface as IndexOutOfBounds/IllegalArgument/NegativeArraySize from the unpacker
            throw new ConversionException(name + ": truncated or corrupt TFLite flatbuffer (" + bytes.length
                    + " bytes; unpacking failed with " + e + ")", e);
        }
        check(m, name);
        return m;
    }

    private static void check(ModelT m, String name) throws ConversionException {
        SubGraphT[] subgraphs = m.getSubgraphs();
        if (subgraphs == null || subgraphs.length != 1) {
            throw new ConversionException(name + ": expected exactly 1 subgraph, found "
                    + (subgraphs == null ? 0 : subgraphs.length));
        }
        int opcodes = m.getOperatorCodes() == null ? 0 : m.getOperatorCodes().length;
        BufferT[] buffers = m.getBuffers();
        if (buffers == null || buffers.length == 0) throw new ConversionException(name + ": corrupt model, no buffers");
        SubGraphT g = subgraphs[0];
        TensorT[] tensors = g.getTensors();
        if (tensors == null || g.getOperators() == null) throw new ConversionException(name + ": corrupt model, empty subgraph");
        for (int i = 0; i < tensors.length; i++) checkTensor(tensors[i], i, buffers, name);
        int op = 0;
        for (OperatorT o : g.getOperators()) {
            if (o.getOpcodeIndex() < 0 || o.getOpcodeIndex() >= opcodes) {
                throw new ConversionException(name + ": corrupt model, operator " + op + " has opcode index "
                        + o.getOpcodeIndex() + " of " + opcodes);
            }
            checkIndices(o.getInputs(), tensors.length, true, name, "operator " + op + " input");
            checkIndices(o.getOutputs(), tensors.length, false, name, "operator " + op + " output");
            op++;
        }
        checkIndices(g.getInputs(), tensors.length, false, name, "subgraph input");
        checkIndices(g.getOutputs(), tensors.length, false, name, "subgraph output");
    }

    private static void checkTensor(TensorT t, int i, BufferT[] buffers, String name) throws ConversionException {
        long b = t.getBuffer();
        if (b < 0 || b >= buffers.length) {
            throw new ConversionException(name + ": corrupt model, tensor " + i + " (" + t.getName() + ") refers to buffer "
                    + b + " of " + buffers.length);
        }
        int[] data = buffers[(int) b].getData();
        if (data == null || data.length == 0) return;
        int size = TensorTypes.size(t.getType());
        long expected = TensorTypes.elements(t.getShape()) * size;
        if (size < 0 || data.length != expected) {
            throw new ConversionException(name + ": corrupt model, tensor " + i + " (" + t.getName() + ", "
                    + TensorTypes.name(t.getType()) + " " + java.util.Arrays.toString(t.getShape()) + ") has "
                    + data.length + " bytes of data, expected " + expected);
        }
    }

    /** Tensor indices must be in range; optional operator inputs are -1. */
    private static void checkIndices(int[] idx, int n, boolean optionalAllowed, String name, String what)
            throws ConversionException {
        if (idx == null) return;
        for (int t : idx) {
            if (t >= n || t < (optionalAllowed ? -1 : 0)) {
                throw new ConversionException(name + ": corrupt model, " + what + " refers to tensor " + t + " of " + n);
            }
        }
    }
}
