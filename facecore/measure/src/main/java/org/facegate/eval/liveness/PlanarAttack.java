package org.facegate.eval.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.facegate.image.RgbImage;
import org.facegate.liveness.Homography;

/**
 * Generates presentation-attack videos from one still photo: the photo is a flat sheet in front of a pinhole camera,
 * held still (static replay) or rotated, tilted and moved in 3-D as a plane, so every frame is the photo warped by
 * one homography; camera noise and blur are added on top. These are the attacks the active challenge must reject:
 * printed photos and photos on a flat screen, including an attacker who turns or tilts the photo on request.
 *
 * <p>A video is a function of time ({@link #frame}): a replay at a phone's processing rate renders only the frames
 * the phone would pick up ({@link FramePicker}). Pure Java (no AWT).
 */
public final class PlanarAttack {

    /** How the photo moves over the sequence. Angles are of the photo plane, in degrees. */
    public enum Motion {
        /** Held still: static replay. */
        STATIC,
        /** Turned about its vertical axis to 35 degrees and back, as if the face turned to its left. */
        TURN_LEFT,
        /** Turned about its vertical axis to -35 degrees and back. */
        TURN_RIGHT,
        /** Swung left and right, +-30 degrees, twice. */
        SWING,
        /** Tilted back about its horizontal axis to 55 degrees and back: squashes the eyes as a blink narrows them. */
        TILT,
        /** Its top tilted away from the camera to 35 degrees and back, as a face looking up foreshortens. */
        LOOK_UP,
        /** Its top tilted towards the camera to 35 degrees and back, as a face looking down foreshortens. */
        LOOK_DOWN,
        /** Nodded about its horizontal axis, +-30 degrees, twice. */
        NOD,
        /** Tilted back and forth quickly three times, up to 45 degrees: a series of fake blinks. */
        FLUTTER,
        /** Rotated in its own plane, +-25 degrees. */
        ROLL,
        /** Moved sideways and towards the camera. */
        MOVE,
        /** Hand-held wobble: small rotations about every axis and a drift. */
        SHAKE
    }

    /** What the camera adds. */
    public enum Degradation {
        NONE,
        /** Gaussian sensor noise, sigma 8 grey levels, new in every frame. */
        NOISE,
        /** A 5x5 box blur (out of focus). */
        BLUR,
        /** Noise, plus a 7x7 blur in every other pair of frames (motion blur of a shaky hand). */
        NOISE_AND_FLICKERING_BLUR
    }

    private PlanarAttack() {}

    /**
     * A video of {@code frames} frames of the photo moving as {@code motion}, each {@code width x height}: the frames
     * {@link #frame} gives for indices 0 to {@code frames - 1}, spread over the whole motion.
     */
    public static List<RgbImage> video(RgbImage photo, Motion motion, Degradation degradation, int frames, int width, int height,
            long seed) {
        List<RgbImage> out = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) out.add(frame(photo, motion, degradation, frames == 1 ? 0 : (double) i / (frames - 1), i, width, height, seed));
        return out;
    }

    /**
     * One frame of the photo moving as {@code motion}, {@code width x height}.
     *
     * @param t     where in the motion, 0 (start) to 1 (end)
     * @param index the frame's capture index: the degradation's flicker follows it, and with {@code seed} it seeds the
     *              frame's noise, so a frame is the same whichever other frames are rendered
     */
    public static RgbImage frame(RgbImage photo, Motion motion, Degradation degradation, double t, int index, int width, int height, long seed) {
        return degrade(render(photo, pose(motion, t), width, height), degradation, index, seed);
    }

    /** Frame {@code index} of a video as the camera degrades it, its noise seeded by {@code seed} and the index. */
    static RgbImage degrade(RgbImage frame, Degradation degradation, int index, long seed) {
        return degrade(frame, degradation, index, Seeds.random(seed, Seeds.Use.NOISE, index));
    }

    /** Frame {@code index} of a video as the camera degrades it (noise drawn from {@code random}). */
    public static RgbImage degrade(RgbImage frame, Degradation degradation, int index, Random random) {
        switch (degradation) {
            case NOISE:
                return noise(frame, 8, random);
            case BLUR:
                return boxBlur(frame, 2);
            case NOISE_AND_FLICKERING_BLUR:
                return noise((index / 2) % 2 == 1 ? boxBlur(frame, 3) : frame, 8, random);
            default:
                return frame;
        }
    }

    /**
     * Pose of the photo at time {@code t} in [0, 1]: yaw, pitch, roll (degrees), x, y, depth offsets (photo heights). A
     * positive pitch brings the photo's top towards the camera.
     */
    static double[] pose(Motion motion, double t) {
        double s = Math.sin(Math.PI * t);
        switch (motion) {
            case STATIC:
                return new double[6];
            case TURN_LEFT:
                return new double[] {35 * s, 0, 0, 0, 0, 0};
            case TURN_RIGHT:
                return new double[] {-35 * s, 0, 0, 0, 0, 0};
            case SWING:
                return new double[] {30 * Math.sin(4 * Math.PI * t), 0, 0, 0, 0, 0};
            case TILT:
                return new double[] {0, 55 * s, 0, 0, 0, 0};
            case LOOK_UP:
                return new double[] {0, -35 * s, 0, 0, 0, 0};
            case LOOK_DOWN:
                return new double[] {0, 35 * s, 0, 0, 0, 0};
            case NOD:
                return new double[] {0, 30 * Math.sin(4 * Math.PI * t), 0, 0, 0, 0};
            case FLUTTER:
                return new double[] {0, 45 * Math.abs(Math.sin(3 * Math.PI * t)), 0, 0, 0, 0};
            case ROLL:
                return new double[] {0, 0, 25 * Math.sin(2 * Math.PI * t), 0, 0, 0};
            case MOVE:
                return new double[] {0, 0, 0, 0.25 * Math.sin(2 * Math.PI * t), 0.05 * s, -0.3 * s};
            case SHAKE:
                return new double[] {12 * Math.sin(2 * Math.PI * 2.1 * t), 9 * Math.sin(2 * Math.PI * 1.6 * t + 1),
                        5 * Math.sin(2 * Math.PI * 1.3 * t + 2), 0.05 * Math.sin(2 * Math.PI * 0.9 * t), 0.04 * Math.sin(2 * Math.PI * 1.7 * t),
                        0.08 * Math.sin(2 * Math.PI * 1.1 * t)};
            default:
                throw new IllegalArgumentException(motion.toString());
        }
    }

    /**
     * The photo-to-frame homography for a pose: a pinhole camera (focal length 0.8 frame widths, about a phone's front
     * camera) sees the photo, upright and frontal at rest, its height 3/4 of the frame's, rotated about its centre and
     * offset by the pose.
     */
    public static Homography homography(RgbImage photo, double[] pose, int width, int height) {
        double f = 0.8 * width;
        double z0 = 1;
        double s = 0.75 * height * z0 / (f * photo.height()); // photo pixels to plane units
        double yaw = Math.toRadians(pose[0]), pitch = Math.toRadians(pose[1]), roll = Math.toRadians(pose[2]);
        // R = Rz(roll) * Rx(pitch) * Ry(yaw); plane points (X, Y, 0)
        double cy = Math.cos(yaw), sy = Math.sin(yaw), cp = Math.cos(pitch), sp = Math.sin(pitch), cr = Math.cos(roll), sr = Math.sin(roll);
        double[][] ry = {{cy, 0, sy}, {0, 1, 0}, {-sy, 0, cy}};
        double[][] rx = {{1, 0, 0}, {0, cp, -sp}, {0, sp, cp}};
        double[][] rz = {{cr, -sr, 0}, {sr, cr, 0}, {0, 0, 1}};
        double[][] r = mul(rz, mul(rx, ry));
        double unit = 0.75 * height * z0 / f; // one photo height in plane units
        double tx = pose[3] * unit, ty = pose[4] * unit, tz = z0 + pose[5] * unit;
        // [r1 r2 t] applied to (X, Y, 1), X = s (u - pw/2), Y = s (v - ph/2); then K
        double[] m = new double[9];
        double hw = photo.width() / 2.0, hh = photo.height() / 2.0;
        for (int row = 0; row < 3; row++) {
            double a = r[row][0] * s, b = r[row][1] * s;
            double c = (row == 0 ? tx : row == 1 ? ty : tz) - a * hw - b * hh;
            m[3 * row] = a;
            m[3 * row + 1] = b;
            m[3 * row + 2] = c;
        }
        double cx = width / 2.0, cyy = height / 2.0;
        double[] k = new double[9];
        for (int col = 0; col < 3; col++) {
            k[col] = f * m[col] + cx * m[6 + col];
            k[3 + col] = f * m[3 + col] + cyy * m[6 + col];
            k[6 + col] = m[6 + col];
        }
        double n = k[8];
        for (int i = 0; i < 9; i++) k[i] /= n;
        return new Homography(k);
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }

    /** One frame: the photo under a pose over a plain grey-blue background (a wall), bilinear sampling. */
    public static RgbImage render(RgbImage photo, double[] pose, int width, int height) {
        Homography inv = homography(photo, pose, width, height).inverse();
        double[] m = inv.m();
        int[] src = photo.argb();
        int pw = photo.width(), ph = photo.height();
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double px = x + 0.5, py = y + 0.5;
                double w = m[6] * px + m[7] * py + m[8];
                int bg = wall(y, height);
                if (w <= 0) {
                    out[y * width + x] = bg;
                    continue;
                }
                double u = (m[0] * px + m[1] * py + m[2]) / w - 0.5, v = (m[3] * px + m[4] * py + m[5]) / w - 0.5;
                if (u < -0.5 || v < -0.5 || u > pw - 0.5 || v > ph - 0.5) {
                    out[y * width + x] = bg;
                    continue;
                }
                out[y * width + x] = bilinear(src, pw, ph, u, v);
            }
        }
        return new RgbImage(width, height, out);
    }

    /** The background of every generated frame: a plain grey-blue wall, lighter towards the bottom. */
    static int wall(int y, int height) {
        return 0xFF000000 | ((110 + y * 40 / height) << 16) | ((118 + y * 40 / height) << 8) | 130;
    }

    /** Pixel {@code (x, y)} of a {@code w x h} image, bilinearly interpolated, edges clamped. */
    static int bilinear(int[] px, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        int a = at(px, w, h, x0, y0), b = at(px, w, h, x0 + 1, y0), c = at(px, w, h, x0, y0 + 1), d = at(px, w, h, x0 + 1, y0 + 1);
        int rgb = 0xFF000000;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((a >> shift) & 0xFF) * (1 - fx) + ((b >> shift) & 0xFF) * fx;
            double bottom = ((c >> shift) & 0xFF) * (1 - fx) + ((d >> shift) & 0xFF) * fx;
            rgb |= ((int) Math.round(top * (1 - fy) + bottom * fy)) << shift;
        }
        return rgb;
    }

    private static int at(int[] px, int w, int h, int x, int y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        return px[y * w + x];
    }

    /** Standard normal quantiles: a fast table for per-pixel noise. */
    private static final float[] GAUSS = new float[4096];

    static {
        Random r = new Random(42);
        for (int i = 0; i < GAUSS.length; i++) GAUSS[i] = (float) r.nextGaussian();
    }

    /** Adds Gaussian noise of standard deviation {@code sigma} to every channel. */
    public static RgbImage noise(RgbImage img, double sigma, Random random) {
        int[] src = img.argb(), out = new int[img.width() * img.height()];
        for (int i = 0; i < out.length; i++) {
            int p = src[i], rgb = 0xFF000000;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int v = (int) Math.round(((p >> shift) & 0xFF) + GAUSS[random.nextInt(GAUSS.length)] * sigma);
                rgb |= Math.max(0, Math.min(255, v)) << shift;
            }
            out[i] = rgb;
        }
        return new RgbImage(img.width(), img.height(), out);
    }

    /** A (2r+1)x(2r+1) box blur, edges clamped. */
    public static RgbImage boxBlur(RgbImage img, int r) {
        int w = img.width(), h = img.height();
        int[] src = img.argb();
        int[] tmp = new int[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sr = 0, sg = 0, sb = 0;
                for (int k = -r; k <= r; k++) {
                    int p = src[y * w + Math.max(0, Math.min(w - 1, x + k))];
                    sr += (p >> 16) & 0xFF;
                    sg += (p >> 8) & 0xFF;
                    sb += p & 0xFF;
                }
                int i = 3 * (y * w + x);
                tmp[i] = sr;
                tmp[i + 1] = sg;
                tmp[i + 2] = sb;
            }
        }
        int n = (2 * r + 1) * (2 * r + 1);
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sr = 0, sg = 0, sb = 0;
                for (int k = -r; k <= r; k++) {
                    int i = 3 * (Math.max(0, Math.min(h - 1, y + k)) * w + x);
                    sr += tmp[i];
                    sg += tmp[i + 1];
                    sb += tmp[i + 2];
                }
                out[y * w + x] = 0xFF000000 | ((sr / n) << 16) | ((sg / n) << 8) | (sb / n);
            }
        }
        return new RgbImage(w, h, out);
    }
}
