package org.facegate.convert;

import java.nio.file.Path;
import java.util.List;
import org.facegate.convert.check.GpuDelegateOps;
import org.facegate.convert.check.OpHistogram;
import org.facegate.convert.model.Graph;
import org.facegate.convert.model.TfliteReader;

/** {@code ops <file.tflite>...}: prints each model's op histogram and the ops the GPU delegate would refuse. */
final class OpsCommand {
    private OpsCommand() {}

    static void run(String[] files) throws ConversionException {
        if (files.length == 0) throw new IllegalArgumentException("ops needs .tflite files");
        for (String f : files) {
            Graph g = Graph.of(TfliteReader.read(Path.of(f)));
            List<GpuDelegateOps.Issue> issues = GpuDelegateOps.check(g);
            System.out.println(f + ": " + g.ops.size() + " ops: " + OpHistogram.format(OpHistogram.of(g)));
            System.out.println("  GPU delegate: " + (issues.isEmpty() ? "every op supported" : issues.size() + " refused: " + issues));
        }
    }
}
