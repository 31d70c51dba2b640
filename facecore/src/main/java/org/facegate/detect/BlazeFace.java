package org.facegate.detect;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
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
 * MediaPipe BlazeFace, the single-shot detector of ML Kit's face detection family, on TFLite. The frame is
 * letterboxed into the model's square input (any aspect ratio, nothing cropped), raw SSD outputs are decoded
 * against MediaPipe's anchors, scored with a sigmoid and merged with weighted NMS (repeats of a face averaged, a neighbour's face not). Each face gets six keypoints,
 * of which the eyes, nose tip and mouth centre feed alignment.
 */
public final class BlazeFace implements FaceDetector {
    /** The two published models: faces within ~2 m (selfie camera) or up to ~5 m. */
    public enum Range {
        SHORT("face_detection_short_range.tflite", 128, new int[] {8, 16, 16, 16}, true, 0.5f),
        FULL("face_detection_full_range.tflite", 192, new int[] {4}, false, 0.6f);

        final String file;
        final int inputSize;
        final int[] strides;
        final boolean interpolatedAnchor;
        final float defaultThreshold;

        Range(String file, int inputSize, int[] strides, boolean interpolatedAnchor, float defaultThreshold) {
            this.file = file;
            this.inputSize = inputSize;
            this.strides = strides;
            this.interpolatedAnchor = interpolatedAnchor;
            this.defaultThreshold = defaultThreshold;
        }

        /** The model file name, as pinned in facecore's checksum list. */
        public String file() {
            return file;
        }
    }

    /** MediaPipe's suppression overlap: one face per group of detections overlapping by more than this. */
    private static final float NMS_IOU = 0.3f;
    /**
     * Detections averaged into a face overlap its best one by more than this: the repeats of one face (0.8-1.0 on
     * LFW dev), not a neighbour's face behind it (see {@link Nms#weighted}).
     */
    private static final float MERGE_IOU = 0.7f;
    private static final int VALUES_PER_ANCHOR = 16;

    private final Range range;
    private final InferenceModel model;
    private final float threshold;
    private final float[] anchors; // (cx, cy) pairs in [0, 1]
    private final ByteBuffer input;
    private final FloatBuffer inputFloats;
    private final FloatBuffer regressors, scores; // views of the output buffers: [anchor][16] and [anchor]
    private final ByteBuffer[] inputs, outputs;
    private final double[] affine = new double[6];

    /** A detector with MediaPipe's default score threshold for the range. */
    public BlazeFace(ModelLoader loader, InferenceRuntime runtime, Range range) throws ModelException {
        this(loader, runtime, range, range.defaultThreshold);
    }

    /** @param threshold minimum face probability in (0, 1) */
    public BlazeFace(ModelLoader loader, InferenceRuntime runtime, Range range, float threshold) throws ModelException {
        this.range = range;
        this.threshold = threshold;
        this.anchors = anchors(range);
        this.model = runtime.open(loader.load(range.file), range.file, ModelOptions.FAST);
        try {
            int n = anchors.length / 2;
            TensorSpec in = model.input(0);
            if (!in.hasShape(1, range.inputSize, range.inputSize, 3) || in.type() != ElementType.FLOAT32) {
                throw new ModelException(range.file + ": unexpected input " + in);
            }
            // the regressors (16 values per anchor) and the scores (1 per anchor) come in either order
            if (model.outputCount() != 2) throw new ModelException(range.file + ": expected 2 outputs, model has " + model.outputCount());
            int regIndex = model.output(0).dim(-1) == VALUES_PER_ANCHOR ? 0 : 1;
            TensorSpec reg = model.output(regIndex), score = model.output(1 - regIndex);
            if (!reg.hasShape(1, n, VALUES_PER_ANCHOR) || !score.hasShape(1, n, 1)) {
                throw new ModelException(range.file + ": expected outputs [1," + n + "," + VALUES_PER_ANCHOR + "] and [1," + n
                        + ",1] for its " + n + " anchors, model has " + reg + " and " + score);
            }
            input = in.allocate();
            inputFloats = input.asFloatBuffer();
            outputs = new ByteBuffer[2];
            outputs[regIndex] = reg.allocate();
            outputs[1 - regIndex] = score.allocate();
            regressors = outputs[regIndex].asFloatBuffer();
            scores = outputs[1 - regIndex].asFloatBuffer();
            inputs = new ByteBuffer[] {input};
        } catch (ModelException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * MediaPipe's SSD anchor layout for BlazeFace: consecutive layers of equal stride share one grid; each layer
     * contributes an anchor of aspect ratio 1 per cell, plus an interpolated-scale one for the short-range model.
     * Anchor sizes are fixed (1x1), so only centres are kept.
     */
    static float[] anchors(Range range) {
        List<Float> out = new ArrayList<>();
        int[] strides = range.strides;
        for (int layer = 0; layer < strides.length; ) {
            int perCell = 0;
            int last = layer;
            while (last < strides.length && strides[last] == strides[layer]) {
                perCell += range.interpolatedAnchor ? 2 : 1;
                last++;
            }
            int grid = (int) Math.ceil((double) range.inputSize / strides[layer]);
            for (int y = 0; y < grid; y++) {
                for (int x = 0; x < grid; x++) {
                    for (int k = 0; k < perCell; k++) {
                        out.add((x + 0.5f) / grid);
                        out.add((y + 0.5f) / grid);
                    }
                }
            }
            layer = last;
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    @Override
    public List<Face> detect(RgbImage image) {
        int size = range.inputSize;
        // letterbox: the longer side fills the input, the shorter is centred with black bars
        float side = Math.max(image.width(), image.height());
        float scale = side / size;
        float padX = (side - image.width()) / 2f, padY = (side - image.height()) / 2f;
        affine[0] = scale;
        affine[1] = 0;
        affine[2] = -padX;
        affine[3] = 0;
        affine[4] = scale;
        affine[5] = -padY;
        ((Buffer) inputFloats).clear();
        Sampler.warpAffine(image, affine, size, size, 127.5f, 127.5f, inputFloats);
        model.run(inputs, outputs);

        List<Face> raw = new ArrayList<>();
        float logit = (float) Math.log(threshold / (1 - threshold));
        int n = anchors.length / 2;
        for (int i = 0; i < n; i++) {
            float s = Math.max(-100f, Math.min(100f, scores.get(i)));
            if (s < logit) continue; // sigmoid is monotonic: compare logits, compute the probability only for hits
            float prob = (float) (1 / (1 + Math.exp(-s)));
            float ax = anchors[2 * i], ay = anchors[2 * i + 1];
            int r = i * VALUES_PER_ANCHOR;
            float cx = regressors.get(r) / size + ax, cy = regressors.get(r + 1) / size + ay;
            float w = regressors.get(r + 2) / size, h = regressors.get(r + 3) / size;
            Box box = new Box(unbox(cx - w / 2, side, padX), unbox(cy - h / 2, side, padY),
                    unbox(cx + w / 2, side, padX), unbox(cy + h / 2, side, padY));
            Point[] kp = new Point[4];
            for (int k = 0; k < 4; k++) {
                kp[k] = new Point(unbox(regressors.get(r + 4 + 2 * k) / size + ax, side, padX),
                        unbox(regressors.get(r + 5 + 2 * k) / size + ay, side, padY));
            }
            // keypoint 0 is the subject's right eye, which is image-left in an unmirrored frame
            raw.add(new Face(box, prob, Landmarks.ofFour(kp[0], kp[1], kp[2], kp[3])));
        }
        return Nms.weighted(raw, NMS_IOU, MERGE_IOU);
    }

    /** Maps a normalized model coordinate back to source pixels (undoes the letterbox on one axis). */
    private static float unbox(float normalized, float side, float pad) {
        return normalized * side - pad;
    }

    @Override
    public String name() {
        return range == Range.SHORT ? "blazeface-short" : "blazeface-full";
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
