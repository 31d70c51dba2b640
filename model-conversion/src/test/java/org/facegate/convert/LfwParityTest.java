package org.facegate.convert;

import static org.junit.Assert.assertTrue;

import java.util.List;
import org.facegate.convert.eval.CropParity;
import org.facegate.convert.eval.EvalDetector;
import org.facegate.convert.eval.LfwSet;
import org.facegate.convert.eval.AlignedCrops;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Normalization;
import org.facegate.inference.desktop.DesktopRuntime;
import org.junit.Test;

/**
 * Parity on a small spread of LFW faces calibration did not see (the full evaluation is the report's job): the
 * rewrite equals the source, fp16 is indistinguishable from float32, int8 stays close.
 */
public class LfwParityTest {
    @Test
    public void variantsAgreeWithFloat32OnHeldOutFaces() throws Exception {
        LfwSet lfw = LfwSet.open(TestModels.lfw());
        List<String> images = new java.util.ArrayList<>();
        for (int i = 3; i < lfw.images().size(); i += 350) images.add(lfw.images().get(i));
        List<float[]> crops;
        try (FaceDetector d = EvalDetector.open(EvalDetector.DEFAULT, TestModels.npmCache(), new DesktopRuntime(1))) {
            crops = AlignedCrops.of(images, lfw.source(), d, Normalization.FACENET);
        }
        byte[] f32 = TestModels.variants().get(Variant.FLOAT32);
        CropParity source = CropParity.of(f32, TestModels.source(), crops);
        CropParity fp16 = CropParity.of(TestModels.variants().get(Variant.FP16), f32, crops);
        CropParity int8 = CropParity.of(TestModels.variants().get(Variant.INT8), f32, crops);
        System.out.println("LFW held-out parity over " + crops.size() + " crops: source " + source + ", fp16 " + fp16 + ", int8 " + int8);
        assertTrue("batch-1 rewrite vs source " + source, source.min() >= 0.9999);
        assertTrue("fp16 " + fp16, fp16.min() >= 0.999);
        assertTrue("int8 " + int8, int8.mean() >= 0.97);
    }
}
