package org.facegate.convert.check;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.facegate.convert.model.Graph;
import org.tensorflow.lite.schema.OperatorT;

/** How many ops of each builtin code (and version) a model has, e.g. {@code CONV_2D v3: 35}. */
public final class OpHistogram {
    private OpHistogram() {}

    /** Counts keyed by "NAME vVERSION", sorted by name. */
    public static Map<String, Integer> of(Graph g) {
        Map<String, Integer> h = new TreeMap<>();
        for (OperatorT op : g.ops) {
            h.merge(g.opName(op) + " v" + g.opcodes.get((int) op.getOpcodeIndex()).getVersion(), 1, Integer::sum);
        }
        return h;
    }

    /** One line: "ADD v1 ×12, CONV_2D v1 ×35, ...". */
    public static String format(Map<String, Integer> h) {
        StringJoiner j = new StringJoiner(", ");
        for (Map.Entry<String, Integer> e : h.entrySet()) j.add(e.getKey() + " ×" + e.getValue());
        return j.toString();
    }
}
