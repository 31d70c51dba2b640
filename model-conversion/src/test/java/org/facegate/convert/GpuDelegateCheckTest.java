package org.facegate.convert;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.facegate.convert.check.GpuDelegateOps;
import org.facegate.convert.model.Graph;
import org.facegate.convert.model.TfliteReader;
import org.junit.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * The GPU delegate check on the real models where its rules matter: fp16 weights behind DEQUANTIZE (which an
 * earlier check took for run-time inputs with a batch dimension) and the op versions of int8 DEQUANTIZE.
 */
public class GpuDelegateCheckTest {
    @Test
    public void fp16WeightsBehindDequantizeAreConstantsToTheDelegate() throws Exception {
        Graph g = graph(Variant.FP16);
        OperatorT weights = fp16WeightDequantize(g);
        // the case an earlier check refused: a 4-d weight tensor whose first dimension is not 1, fed to a CONV_2D
        int[] shape = g.tensor(weights.getOutputs()[0]).getShape();
        assertEquals(4, shape.length);
        assertNotEquals(1, shape[0]);
        assertEquals(List.of(), GpuDelegateOps.check(g));

        // the fold is for constants only: the same tensor computed at run time is a batch-N input the delegate refuses
        g.tensor(weights.getInputs()[0]).setBuffer(0);
        List<GpuDelegateOps.Issue> issues = GpuDelegateOps.check(g);
        assertTrue(issues.toString(), issues.stream().anyMatch(i -> i.reason().equals("batch " + shape[0] + " (the delegate takes batch 1)")));
    }

    @Test
    public void blazeFaceWithFp16WeightsPasses() throws Exception {
        Graph g = Graph.of(TfliteReader.parse(TestModels.sources().read("face_detection_short_range.tflite"), "blazeface"));
        assertNotNull(fp16WeightDequantize(g));
        assertEquals(List.of(), GpuDelegateOps.check(g));
    }

    @Test
    public void int8DequantizeAboveVersion2IsRefused() throws Exception {
        Graph g = graph(Variant.INT8);
        assertEquals(List.of(), GpuDelegateOps.check(g));
        // the int8 variant's fp16-weight DEQUANTIZEs are version 3, its int8 ones version 2 (their own opcode)
        OperatorCodeT int8Dequantize = null;
        int runtime = 0;
        for (OperatorT op : g.ops) {
            if (g.builtin(op) != BuiltinOperator.DEQUANTIZE || g.isConstant(op.getInputs()[0])) continue;
            int8Dequantize = g.opcodes.get((int) op.getOpcodeIndex());
            runtime++;
        }
        assertNotNull(int8Dequantize);
        assertEquals(2, int8Dequantize.getVersion());
        int8Dequantize.setVersion(3);
        List<GpuDelegateOps.Issue> issues = GpuDelegateOps.check(g);
        assertEquals(issues.toString(), runtime, issues.size());
        assertTrue(issues.stream().allMatch(i -> i.reason().equals("the GPU delegate takes DEQUANTIZE up to version 2")));
    }

    private static Graph graph(Variant v) throws Exception {
        return Graph.of(TfliteReader.parse(TestModels.variants().get(v), v.fileName()));
    }

    /** A DEQUANTIZE of a FLOAT16 constant whose output feeds a CONV_2D, or null. */
    private static OperatorT fp16WeightDequantize(Graph g) {
        for (OperatorT op : g.ops) {
            if (g.builtin(op) != BuiltinOperator.DEQUANTIZE || !g.isConstant(op.getInputs()[0])
                    || g.tensor(op.getInputs()[0]).getType() != TensorType.FLOAT16) continue;
            for (OperatorT c : g.consumers(op.getOutputs()[0])) {
                if (g.builtin(c) == BuiltinOperator.CONV_2D) return op;
            }
        }
        return null;
    }
}
