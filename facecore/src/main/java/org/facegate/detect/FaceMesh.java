package org.facegate.detect;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.facegate.image.RgbImage;
import org.facegate.image.Sampler;
import org.facegate.inference.ElementType;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.inference.Placement;
import org.facegate.inference.TensorSpec;
import org.facegate.tflite.ModelLoader;

/**
 * MediaPipe Face Mesh ({@code face_landmark.tflite}): 468 3-D landmarks of one face, found in a region of
 * interest that a face detector gives. As in MediaPipe's face-landmark graph, the region is a square centred on
 * the detection box, {@link #ROI_SCALE} times its longer side, rotated so the detector's eyes lie on a horizontal
 * line; it is resampled to the model's 192x192 input with values in [0, 1], and the model's landmarks (input pixels)
 * are mapped back through the same transform. A second output, a logit, tells whether a face is there at all.
 *
 * <p>Not thread-safe (the input buffer is reused): one instance per thread, closed on that thread.
 */
public final class FaceMesh implements AutoCloseable {
    /** The model file, as pinned in facecore's checksum list. */
    public static final String MODEL = "face_landmark.tflite";
    /** Side of the region of interest relative to the longer side of the detection box (MediaPipe's 1.5). */
    public static final float ROI_SCALE = 1.5f;

    private static final int SIZE = 192;
    /** Input values in [0, 1], as MediaPipe feeds the model ([-1, 1] gives slightly worse LFW accuracy). */
    private static final float MEAN = 0f, STD = 255f;

    private final InferenceModel model;
    private final ByteBuffer input;
    private final FloatBuffer inputFloats;
    private final FloatBuffer landmarks, presence; // views of the two outputs this class reads
    private final ByteBuffer[] inputs, outputs;
    private final float[] raw = new float[3 * MeshLandmarks.COUNT];
    private final double[] affine = new double[6];

    /** @throws ModelException if the model is missing, fails its checksum or has unexpected tensors */
    public FaceMesh(ModelLoader loader, InferenceRuntime runtime) throws ModelException {
        this.model = runtime.open(loader.load(MODEL), MODEL, ModelOptions.FAST);
        try {
            TensorSpec in = model.input(0);
            if (!in.hasShape(1, SIZE, SIZE, 3) || in.type() != ElementType.FLOAT32) {
                throw new ModelException(MODEL + ": unexpected input " + in);
            }
            int lmIndex = -1, presenceIndex = -1;
            for (int i = 0; i < model.outputCount(); i++) {
                TensorSpec s = model.output(i);
                if (s.hasShape(1, 1, 1, 3 * MeshLandmarks.COUNT)) lmIndex = i;
                else if (s.hasShape(1, 1, 1, 1)) presenceIndex = i;
            }
            if (lmIndex < 0 || presenceIndex < 0) {
                throw new ModelException(MODEL + ": expected outputs [1,1,1," + 3 * MeshLandmarks.COUNT + "] and [1,1,1,1]");
            }
            // the other outputs (e.g. a face-flag duplicate in some exports) are not read
            outputs = new ByteBuffer[model.outputCount()];
            outputs[lmIndex] = model.output(lmIndex).allocate();
            outputs[presenceIndex] = model.output(presenceIndex).allocate();
            landmarks = outputs[lmIndex].asFloatBuffer();
            presence = outputs[presenceIndex].asFloatBuffer();
            input = in.allocate();
            inputFloats = input.asFloatBuffer();
            inputs = new ByteBuffer[] {input};
        } catch (ModelException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The mesh of a detected face: the region of interest is derived from its box and eye keypoints.
     *
     * @return landmarks in source-image pixels; check {@link MeshLandmarks#presence()} before trusting them
     */
    public MeshLandmarks run(RgbImage image, Face face) {
        Box b = face.box();
        Landmarks k = face.landmarks();
        float rotation = (float) Math.atan2(k.rightEye().y() - k.leftEye().y(), k.rightEye().x() - k.leftEye().x());
        float side = Math.max(b.width(), b.height()) * ROI_SCALE;
        return run(image, (b.left() + b.right()) / 2, (b.top() + b.bottom()) / 2, side, rotation);
    }

    /**
     * The mesh of the same face in the next video frame, without a detector: the region of interest is the previous
     * mesh's bounding box, {@link #ROI_SCALE} times its longer side, rotated to the line through the outer eye
     * corners (MediaPipe's tracking). When the returned presence drops, run the detector again.
     */
    public MeshLandmarks track(RgbImage image, MeshLandmarks previous) {
        Box b = previous.bounds();
        float rotation = (float) Math.atan2(previous.y(MeshLandmarks.LEFT_EYE_OUTER) - previous.y(MeshLandmarks.RIGHT_EYE_OUTER),
                previous.x(MeshLandmarks.LEFT_EYE_OUTER) - previous.x(MeshLandmarks.RIGHT_EYE_OUTER));
        return run(image, (b.left() + b.right()) / 2, (b.top() + b.bottom()) / 2, Math.max(b.width(), b.height()) * ROI_SCALE,
                rotation);
    }

    /**
     * The mesh in an explicit region of interest (e.g. one tracked from the previous frame's mesh).
     *
     * @param cx       centre of the square region, source pixels
     * @param cy       centre of the square region, source pixels
     * @param side     side of the region, source pixels
     * @param rotation angle of the region's x axis in radians, clockwise in the image (y down); 0 for upright
     */
    public MeshLandmarks run(RgbImage image, float cx, float cy, float side, float rotation) {
        double s = side / SIZE, cos = Math.cos(rotation) * s, sin = Math.sin(rotation) * s, h = SIZE / 2.0;
        // output (u, v) -> source: centre + R(rotation) * scale * ((u, v) - half)
        affine[0] = cos;
        affine[1] = -sin;
        affine[2] = cx - h * cos + h * sin;
        affine[3] = sin;
        affine[4] = cos;
        affine[5] = cy - h * sin - h * cos;
        ((Buffer) inputFloats).clear();
        Sampler.warpAffine(image, affine, SIZE, SIZE, MEAN, STD, inputFloats);
        model.run(inputs, outputs);

        ((Buffer) landmarks).rewind();
        landmarks.get(raw);
        float[] xyz = new float[raw.length];
        for (int i = 0; i < raw.length; i += 3) {
            double u = raw[i], v = raw[i + 1];
            xyz[i] = (float) (affine[0] * u + affine[1] * v + affine[2]);
            xyz[i + 1] = (float) (affine[3] * u + affine[4] * v + affine[5]);
            xyz[i + 2] = (float) (raw[i + 2] * s);
        }
        float logit = Math.max(-100f, Math.min(100f, presence.get(0)));
        return new MeshLandmarks(xyz, (float) (1 / (1 + Math.exp(-logit))));
    }

    /** Where the model runs. */
    public Placement placement() {
        return model.placement();
    }

    @Override
    public void close() {
        model.close();
    }
}
