package org.facegate.convert.rewrite;

import org.facegate.convert.ConversionException;
import org.facegate.convert.model.Compactor;
import org.facegate.convert.model.Graph;
import org.facegate.convert.model.TfliteReader;

/**
 * The float32 starting point of every variant: the source checked against {@link SourceContract}, batch fixed to
 * 1, PReLU fused, leftovers compacted away. Quantizers work on a fresh copy of this graph each.
 */
public final class FloatGraph {
    private FloatGraph() {}

    /** @param name file name for error messages */
    public static Graph of(byte[] source, String name) throws ConversionException {
        Graph g = Graph.of(TfliteReader.parse(source, name));
        int batch = SourceContract.check(g, name);
        BatchOne.apply(g, batch, name);
        PreluFusion.apply(g, name);
        Compactor.compact(g);
        g.toModel();
        return g;
    }
}
