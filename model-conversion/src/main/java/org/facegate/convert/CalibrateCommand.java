package org.facegate.convert;

import java.nio.file.Path;
import java.util.List;
import org.facegate.convert.eval.AlignedCrops;
import org.facegate.convert.eval.EvalDetector;
import org.facegate.convert.eval.LfwSet;
import org.facegate.convert.model.TfliteWriter;
import org.facegate.convert.quant.ActivationRanges;
import org.facegate.convert.quant.Calibrator;
import org.facegate.convert.rewrite.FloatGraph;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Normalization;
import org.facegate.inference.desktop.DesktopRuntime;

/**
 * {@code calibrate}: activation statistics of the float model over aligned LFW faces, written to the committed
 * statistics file. Every {@code --step}-th image of the set's image list (a spread over people and folds),
 * its central face through facecore's detector and aligner, and its mirror image.
 */
final class CalibrateCommand {
    private CalibrateCommand() {}

    static void run(Args a) throws Exception {
        Path models = a.path("models");
        SourceModels sources = SourceModels.of(a.path("lock"), models);
        byte[] source = sources.read(Converter.SOURCE_FILE);
        byte[] floatModel = TfliteWriter.serialize(FloatGraph.of(source, sources.path(Converter.SOURCE_FILE).toString()).toModel());
        LfwSet lfw = LfwSet.open(a.path("lfw"));
        int step = a.integer("step", 7);
        String detectorName = a.get("detector", EvalDetector.DEFAULT);
        DesktopRuntime cpu = new DesktopRuntime(1);
        List<String> images = lfw.every(step);
        List<float[]> crops;
        try (FaceDetector detector = EvalDetector.open(detectorName, models, cpu)) {
            crops = AlignedCrops.of(images, lfw.source(), detector, Normalization.FACENET);
        }
        System.out.println("[model-conversion] calibrating on " + crops.size() + " crops from " + images.size() + " images");
        ActivationRanges r = Calibrator.measure(floatModel, crops, cpu, List.of(
                "Activation statistics of the float32 MobileFaceNet graph (batch 1, PReLU fused) converted from",
                Converter.SOURCE_FILE + " sha256 " + SourceModels.sha256(source) + ".",
                "Made by: ConvertMain calibrate --lfw <lfw-dev> --step " + step + " --detector " + detectorName
                        + " (see model-conversion/REPORT.md).",
                crops.size() + " crops: the central face of every " + step + "th of the " + lfw.images().size()
                        + " images of pairs.txt (" + images.size() + " images), aligned, and its mirror image."));
        Path out = a.path("out");
        r.write(out);
        System.out.println("[model-conversion] wrote " + r.stats().size() + " tensor ranges to " + out);
    }
}
