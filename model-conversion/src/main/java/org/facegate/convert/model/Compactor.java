package org.facegate.convert.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.MetadataT;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.TensorT;

/**
 * Drops the tensors, buffers and operator codes no operator or graph input/output refers to any more, and
 * renumbers the rest in their original order. Rewrites leave such leftovers (a replaced float weight, the pieces
 * of a fused activation); without this they would still be stored in the file. Buffer 0 stays: by convention it
 * is the empty buffer of run-time tensors.
 */
public final class Compactor {
    private Compactor() {}

    public static void compact(Graph g) {
        int[] tensorMap = compactTensors(g);
        for (OperatorT op : g.ops) {
            op.setInputs(remap(op.getInputs(), tensorMap));
            op.setOutputs(remap(op.getOutputs(), tensorMap));
        }
        g.model().getSubgraphs()[0].setInputs(remap(g.inputs(), tensorMap));
        g.setOutputs(remap(g.outputs(), tensorMap));
        compactBuffers(g);
        compactOpcodes(g);
    }

    private static int[] compactTensors(Graph g) {
        boolean[] used = new boolean[g.tensors.size()];
        for (OperatorT op : g.ops) {
            for (int t : op.getInputs()) if (t >= 0) used[t] = true;
            for (int t : op.getOutputs()) used[t] = true;
        }
        for (int t : g.inputs()) used[t] = true;
        for (int t : g.outputs()) used[t] = true;
        int[] map = new int[used.length];
        List<TensorT> kept = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            map[i] = used[i] ? kept.size() : -1;
            if (used[i]) kept.add(g.tensors.get(i));
        }
        g.tensors.clear();
        g.tensors.addAll(kept);
        return map;
    }

    private static void compactBuffers(Graph g) {
        boolean[] used = new boolean[g.buffers.size()];
        used[0] = true;
        for (TensorT t : g.tensors) used[(int) t.getBuffer()] = true;
        MetadataT[] md = g.model().getMetadata();
        if (md != null) for (MetadataT m : md) used[(int) m.getBuffer()] = true;
        int[] map = new int[used.length];
        List<BufferT> kept = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            map[i] = used[i] ? kept.size() : -1;
            if (used[i]) kept.add(g.buffers.get(i));
        }
        g.buffers.clear();
        g.buffers.addAll(kept);
        for (TensorT t : g.tensors) t.setBuffer(map[(int) t.getBuffer()]);
        if (md != null) for (MetadataT m : md) m.setBuffer(map[(int) m.getBuffer()]);
        int[] mb = g.model().getMetadataBuffer();
        if (mb != null) {
            for (int i = 0; i < mb.length; i++) mb[i] = map[mb[i]];
        }
    }

    private static void compactOpcodes(Graph g) {
        boolean[] used = new boolean[g.opcodes.size()];
        for (OperatorT op : g.ops) used[(int) op.getOpcodeIndex()] = true;
        int[] map = new int[used.length];
        List<OperatorCodeT> kept = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            map[i] = used[i] ? kept.size() : -1;
            if (used[i]) kept.add(g.opcodes.get(i));
        }
        g.opcodes.clear();
        g.opcodes.addAll(kept);
        for (OperatorT op : g.ops) op.setOpcodeIndex(map[(int) op.getOpcodeIndex()]);
    }

    private static int[] remap(int[] idx, int[] map) {
        int[] r = new int[idx.length];
        for (int i = 0; i < idx.length; i++) r[i] = idx[i] < 0 ? idx[i] : map[idx[i]];
        return r;
    }
}
