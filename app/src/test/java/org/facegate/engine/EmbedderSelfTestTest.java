package org.facegate.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import androidx.test.core.app.ApplicationProvider;
import java.nio.ByteBuffer;
import org.facegate.inference.ElementType;
import org.facegate.inference.ForwardingModel;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.inference.Placement;
import org.facegate.testing.runtime.DesktopRuntimes;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/**
 * The GPU self-test on the real shipped models and the shipped face crop. There is no GPU here, so a runtime stands in
 * for one: it places every model that allows the GPU "on the GPU" and computes on the desktop CPU, optionally adding
 * noise to the outputs as a GPU that computes differently would.
 */
@RunWith(RobolectricTestRunner.class)
public class EmbedderSelfTestTest {
    /** A stand-in GPU: the CPU's results plus {@code noise} (relative to each output's magnitude). */
    static final class StandInGpu implements InferenceRuntime {
        private final InferenceRuntime cpu = DesktopRuntimes.create(2);
        private final float noise;

        StandInGpu(float noise) {
            this.noise = noise;
        }

        @Override
        public InferenceModel open(ByteBuffer model, String name, ModelOptions options) throws ModelException {
            InferenceModel m = cpu.open(model, name, options);
            if (!options.gpu()) return m;
            return new ForwardingModel(m) {
                @Override
                public void run(ByteBuffer[] inputs, ByteBuffer[] outputs) {
                    model.run(inputs, outputs);
                    for (int o = 0; o < outputs.length; o++) {
                        if (outputs[o] == null || model.output(o).type() != ElementType.FLOAT32) continue;
                        for (int i = 0; i < model.output(o).elements(); i++) {
                            float v = outputs[o].getFloat(4 * i);
                            outputs[o].putFloat(4 * i, v * (1 + noise * (float) Math.sin(i * 12.9898)));
                        }
                    }
                }

                @Override
                public Placement placement() {
                    return new Placement(Placement.Backend.GPU, "stand-in GPU");
                }
            };
        }

        @Override
        public String description() {
            return "stand-in GPU over " + cpu.description();
        }

        @Override
        public void close() {
            cpu.close();
        }
    }

    private static FaceModels open(float noise) throws ModelException {
        return FaceModels.open(new AssetModelSource(ApplicationProvider.getApplicationContext().getAssets()), new StandInGpu(noise));
    }

    @Test
    public void aGpuThatComputesLikeTheCpuIsKept() throws Exception {
        try (FaceModels m = open(0f)) {
            assertEquals(Placement.Backend.GPU, m.embedder.placement().backend());
            assertTrue(m.selfTest, m.selfTest.startsWith("GPU kept: cosine 1.00000"));
        }
    }

    @Test
    public void aGpuThatComputesDifferentlyLeavesTheEmbedderOnTheCpu() throws Exception {
        try (FaceModels m = open(0.2f)) {
            assertEquals(Placement.Backend.CPU, m.embedder.placement().backend());
            assertTrue(m.selfTest, m.selfTest.startsWith("GPU refused: cosine 0.9"));
            assertTrue(m.selfTest, m.selfTest.endsWith("(below 0.999), CPU instead"));
        }
    }

    @Test
    public void theShippedFaceIsAFaceTheModelsFind() throws Exception {
        // the crop is what alignment would feed the embedder: the detector finds one face filling it
        try (FaceModels m = org.facegate.testing.TestModels.open()) {
            byte[] rgb;
            try (java.io.InputStream in = new AssetModelSource(ApplicationProvider.getApplicationContext().getAssets())
                    .openStream(FaceModels.SELF_TEST_FACE)) {
                rgb = in.readAllBytes();
            }
            org.facegate.image.RgbImage face = EmbedderSelfTest.face(rgb);
            assertEquals(1, m.detector.detect(face).size());
            assertTrue(m.selfTest, m.selfTest.startsWith("no GPU self-test"));
        }
    }
}
