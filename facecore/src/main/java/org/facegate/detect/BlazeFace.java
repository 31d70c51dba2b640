package org.facegate.detect;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.facegate.image.RgbImage;
import org.facegate.image.Sampler;
import org.facegate.tflite.InterpreterFactory;
import org.facegate.tflite.ModelException;
import org.facegate.tflite.ModelLoader;
import org.tensorflow.lite.Interpreter;

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
    private final Interpreter interpreter;
    private final float threshold;
    private final float[] anchors; // (cx, cy) pairs in [0, 1]
    private final ByteBuffer input;
    private final float[][][] regressors;
    private final float[][][] scores;
    private final Map<Integer, Object> outputs = new HashMap<>();
    private final Object[] inputs = new Object[1];
    private final double[] affine = new double[6];

    /** A detector with MediaPipe's default score threshold for the range. */
    public BlazeFace(ModelLoader loader, InterpreterFactory factory, Range range) throws ModelException {
        this(loader, factory, range, range.defaultThreshold);
    }

    /** @param threshold minimum face probability in (0, 1) */
    public BlazeFace(ModelLoader loader, InterpreterFactory factory, Range range, float threshold) throws ModelException {
        this.range = range;
        this.threshold = threshold;
        this.interpreter = factory.create(loader.load(range.file));
        this.anchors = anchors(range);
        int n = anchors.length / 2;
        int[] inShape = interpreter.getInputTensor(0).shape();
        if (inShape.length != 4 || inShape[1] != range.inputSize || inShape[2] != range.inputSize || inShape[3] != 3) {
            throw new ModelException(range.file + ": unexpected input shape " + java.util.Arrays.toString(inShape));
        }
        int regIndex = interpreter.getOutputTensor(0).shape()[2] == VALUES_PER_ANCHOR ? 0 : 1;
        if (interpreter.getOutputTensor(regIndex).shape()[1] != n) {
            throw new ModelException(range.file + ": expected " + n + " anchors, model has "
                    + interpreter.getOutputTensor(regIndex).shape()[1]);
        }
        input = ByteBuffer.allocateDirect(4 * range.inputSize * range.inputSize * 3).order(ByteOrder.nativeOrder());
        regressors = new float[1][n][VALUES_PER_ANCHOR];
        scores = new float[1][n][1];
        outputs.put(regIndex, regressors);
        outputs.put(1 - regIndex, scores);
        inputs[0] = input;
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
        ((Buffer) input).clear();
        FloatBuffer fb = input.asFloatBuffer();
        Sampler.warpAffine(image, affine, size, size, 127.5f, 127.5f, fb);
        ((Buffer) input).rewind();
        interpreter.runForMultipleInputsOutputs(inputs, outputs);

        List<Face> raw = new ArrayList<>();
        float logit = (float) Math.log(threshold / (1 - threshold));
        float[][] reg = regressors[0];
        for (int i = 0; i < reg.length; i++) {
            float s = Math.max(-100f, Math.min(100f, scores[0][i][0]));
            if (s < logit) continue; // sigmoid is monotonic: compare logits, compute the probability only for hits
            float prob = (float) (1 / (1 + Math.exp(-s)));
            float ax = anchors[2 * i], ay = anchors[2 * i + 1];
            float[] r = reg[i];
            float cx = r[0] / size + ax, cy = r[1] / size + ay, w = r[2] / size, h = r[3] / size;
            Box box = new Box(unbox(cx - w / 2, side, padX), unbox(cy - h / 2, side, padY),
                    unbox(cx + w / 2, side, padX), unbox(cy + h / 2, side, padY));
            Point[] kp = new Point[4];
            for (int k = 0; k < 4; k++) {
                kp[k] = new Point(unbox(r[4 + 2 * k] / size + ax, side, padX), unbox(r[5 + 2 * k] / size + ay, side, padY));
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

    @Override
    public void close() {
        interpreter.close();
    }
}
