package org.facegate.liveness;

import java.util.Arrays;
import org.facegate.detect.MeshLandmarks;
import org.facegate.image.LumaPlane;
import org.facegate.image.RgbImage;

/**
 * Depth parallax measured on the pixels, from a reference frame through every following frame, one step (one pair of
 * consecutive processed frames) at a time: textured points at the previous frame's landmarks (eye and mouth corners
 * and brows, which lie roughly in one plane, and the nose, which stands well in front of it) are followed into the
 * next frame with {@link PointTracker}; the homography that best maps the first group predicts where the nose points
 * would be if the face were flat, and the nose's offset from that prediction is the step's parallax. The steps add up.
 *
 * <p>Why steps, and not points followed from the reference frame: a phone processes 4-12 frames a second, and a head
 * turning at a natural speed turns 8-13 degrees between two frames at 6 fps. Points on the far side of the face and on
 * the nose tip then fail the tracker's round-trip check on some step, and a point followed from the reference is lost
 * for good: on synthetic heads at 6 fps five of the twelve anchors and three of the five nose points were gone by the
 * end of a 25 degree turn, and the rest showed a fifth of the head's parallax. Seeded afresh on every frame, a point
 * that fails one step is only missing from that step.
 *
 * <p>The mesh's own landmarks cannot measure parallax: the model places them where a 3-D face would have them, so a
 * photo turned 50 degrees as a plane gets landmarks with the parallax of a head turned 12 degrees (measured). They only
 * say where to start tracking; the tracked pixels of a flat photo follow one homography whatever the model believes.
 */
final class ParallaxTracker {
    /** Eye corners, mouth corners, brows: the face's front "plane". */
    static final int[] ANCHORS = {33, 133, 362, 263, 61, 291, 70, 105, 107, 336, 334, 300};
    /** Nose tip, ridge above it, and the two sides of the nostrils. */
    static final int[] NOSE = {1, 4, 5, 98, 327};
    /** Mean absolute grey-level difference above which a tracked point counts as lost. */
    static final float MAX_ERROR = 30f;
    /** Fewest anchors a plane is fitted to. */
    static final int MIN_ANCHORS = 6;
    /** Fewest nose points a step's parallax is measured on (one point's tracking error would be the measurement). */
    static final int MIN_NOSE = 2;

    /**
     * Sharpness ratio ({@link PointTracker#sharpness}) above which the sharper frame of a step is blurred to match.
     * Without it, on photo attacks under a flickering blur (10 LFW people x 10 motions x 4 degradations at 6 fps), a
     * tilted photo's nose showed 3.3 times the parallax both bounds of {@link HeadMoveStep} ask for on one frame; with
     * it, the closest any attack came was 0.38 of them.
     */
    static final float BLUR_RATIO = 1.25f;

    /**
     * Pyramid levels of the second tracking pass (every point again from where the anchors' homography puts it): that
     * guess is within a few pixels (the nose's parallax), and at the coarser levels a window covers the whole face and
     * the wall beside it. On synthetic heads (50 LFW people, 3 depths, 6 processed fps) the nose was lost on 54 of the
     * 1274 steps that turned 6 degrees or more with all 4 levels, on 39 with 2; with this alone 60 of the 600 sessions
     * were rejected instead of 64.
     */
    static final int WARPED_LEVELS = 2;
    /**
     * An anchor further from the homography than this many times the median anchor's distance is dropped and the
     * homography refitted ({@link #planeFit}; at most {@link #MAX_OUTLIERS}, only while more than {@link #MIN_INLIERS}
     * remain, and only beyond {@link #OUTLIER_FLOOR} eye spans). An anchor mis-tracked in one step under a flickering
     * blur gave a synthetic head's step an RMS anchor residual of 0.078 eye spans, and the residual bound of
     * {@link HeadMoveStep} (0.24) rose above a nose parallax of twice half a head's (0.195 against 0.090): rejected. With
     * this and {@link #WARPED_LEVELS}, 44 of the 600 sessions of 50 people at 6 fps were rejected instead of 64, and the
     * closest photo attack (25 people, 6 fps) stayed at 1.49 times both bounds on one frame, as before; at 4 fps it
     * rose from 0.69 (with {@link #WARPED_LEVELS} alone; 0.68 before both) to 0.72, as the drop lowers an attack's
     * residual too.
     */
    static final float OUTLIER_FACTOR = 3f;
    static final int MAX_OUTLIERS = 2, MIN_INLIERS = 8;
    static final float OUTLIER_FLOOR = 0.01f;

    /**
     * Largest round-trip error of a nose point, level-0 pixels, in a step where fewer than {@link #MIN_NOSE} nose points
     * came back within the tracker's own limit ({@link PointTracker#MAX_ROUND_TRIP}, 1 px, which the anchors keep). The
     * nose's window straddles a depth edge (the nose against its cheeks), which no single warp maps: in the step that
     * turns most (10-16 degrees between two frames at 5-6 processed fps) forward and backward tracking settled 1.5-5 px
     * apart while the grey levels still matched (mean difference 4-11), four of the five nose points were lost, and the
     * step, carrying about half of the movement's parallax, counted nothing. The simulated owner (`liveness-eval
     * --unlock-time --sessions 50 --process-fps 6`) was refused 14 times with PLANAR_MOTION, most at 0.81-0.99 of the
     * bound; with this fallback, 3, with or without {@link #NOSE_FALLBACK_BLUR} (admitting the points within 2 px in
     * every step: also 3; within 3 px: 2).
     *
     * <p>Only as a fallback, and only between frames of like sharpness ({@link #NOSE_FALLBACK_BLUR}). Admitted in every
     * step, the points within 2 px let a blurred flat photo through (Ed_Mekertichian turned right under a 5x5 blur at
     * 6 fps: 3 of 20 frame timings held 1.01-1.03 of the bound, against 0.98 at most at 1 px; as a fallback none of
     * those 20 changed). Taken as a fallback between frames of any sharpness, they let a photo attack through at 6 fps
     * (1 of 9600 in
     * `liveness-eval --attacks --faces 200`: David_McKiernan's print tilted under noise and a flickering 7x7 blur
     * passed the look-down, held 1.12): in the step where the 7x7 blur flickered on (one frame 3.3 times sharper
     * than the other), the anchors themselves tracked back a median 1.0 px, and four nose points readmitted at
     * 1.2-1.7 px "moved" 0.09 eye spans down the face, all counted up to the step's limit.
     */
    static final float NOSE_ROUND_TRIP = 2f;
    /**
     * The nose fallback ({@link #NOSE_ROUND_TRIP}) is taken only when neither frame of the step is more than this many
     * times sharper ({@link PointTracker#sharpness}, before the sharper is blurred to match) than the other: a frame
     * blurred by a shake or a flickering screen makes every point's tracking loose, not only the nose's at its depth
     * edge. The simulated owner's steps that needed the fallback (undegraded frames of a head seen every 200 ms, 48
     * movements) were at most 1.44 times sharper, the turning head's own texture changing; the accepted attack above,
     * 3.3. Frames blurred or noisy alike still take the fallback: with it, the generated attacks (noise, a steady 5x5
     * blur, noise with a flickering blur) and the flat photos of the synthetic-head runs ended as they do without it
     * at every rate measured (docs/liveness.md).
     */
    static final float NOSE_FALLBACK_BLUR = 2f;
    private static final int[] IDS = concat(ANCHORS, NOSE);
    /** The last frame's pyramid, and the one the next frame is written into (they alternate). */
    private PointTracker.Gray[] previous, spare;
    private MeshLandmarks previousMesh;
    /** Parallax so far along the eye line and up the face, eye spans; squared anchor residuals so far. */
    private double along, up, residualSquares;
    private int measured;

    /** @param luma the frame's luma plane, or null to take the grey levels from {@code image} */
    ParallaxTracker(RgbImage image, LumaPlane luma, MeshLandmarks mesh) {
        previous = PointTracker.pyramid(image, luma, null);
        previousMesh = mesh;
    }

    /**
     * Measures the step from the previous frame to this one: the points start at the previous frame's landmarks, and
     * the mesh's displacement of each gives its initial guess (the pixels decide where it ends up).
     *
     * @return whether this step was measured; one with too few points tracked adds nothing, and the sums stay as they were
     */
    boolean update(RgbImage image, LumaPlane luma, MeshLandmarks mesh) {
        PointTracker.Gray[] next = PointTracker.pyramid(image, luma, spare);
        boolean measured = step(previous, next, previousMesh, mesh);
        spare = previous;
        previous = next;
        previousMesh = mesh;
        return measured;
    }

    /**
     * One step's parallax, added to the sums (a step with too few points tracked adds nothing). The anchors are tracked
     * from the mesh's guess of their motion and their homography fitted; then every point is tracked again from where
     * that homography puts it, its window warped by it ({@link PointTracker#track(PointTracker.Gray[], PointTracker.Gray[],
     * float[], float[], float[], float[], int)}), the homography fitted again to the anchors, and the nose measured
     * against it. A photo that tilts or turns far between two frames (36 degrees in one step, fluttering at 6 fps)
     * squashes the texture under square windows and biases them, and its nose "moved" up to 0.08 eye spans off a
     * homography fitted to biased anchors; warped, a photo's points land on its plane. The nose starts from the flat
     * prediction, not from the mesh's guess, which carries the mesh's belief in a 3-D face.
     */
    private boolean step(PointTracker.Gray[] from, PointTracker.Gray[] to, MeshLandmarks before, MeshLandmarks now) {
        float span = FaceGeometry.eyeSpan(before);
        int radius = Math.max(3, Math.min(12, Math.round(span / 12)));
        float[] start = FaceGeometry.points(before, IDS), there = FaceGeometry.points(now, IDS);
        // compare the two frames at the same blur
        float sharpFrom = PointTracker.sharpness(from[0], start, radius), sharpTo = PointTracker.sharpness(to[0], there, radius);
        if (sharpFrom > BLUR_RATIO * sharpTo) from = PointTracker.blurredTo(from, sharpTo, start, radius);
        else if (sharpTo > BLUR_RATIO * sharpFrom) to = PointTracker.blurredTo(to, sharpFrom, there, radius);
        float[] anchors = FaceGeometry.points(before, ANCHORS), first = new float[anchors.length];
        float[] err = PointTracker.track(from, to, anchors, guess(ANCHORS, before, now), first, radius);
        boolean[] lost = new boolean[ANCHORS.length];
        for (int i = 0; i < err.length; i++) lost[i] = !(err[i] <= MAX_ERROR);
        Homography rough = planeFit(anchors, first, lost, span);
        if (rough == null) return false;
        // every point again, from where the rough plane puts it, in windows shaped by it
        float[] flat = new float[start.length], warp = new float[2 * start.length], end = new float[start.length];
        double[] o = new double[2];
        for (int i = 0; i < IDS.length; i++) {
            rough.apply(start[2 * i], start[2 * i + 1], o);
            flat[2 * i] = (float) (o[0] - start[2 * i]);
            flat[2 * i + 1] = (float) (o[1] - start[2 * i + 1]);
            rough.inverseJacobian(start[2 * i], start[2 * i + 1], warp, 4 * i);
        }
        float[] roundTrip = new float[IDS.length];
        err = PointTracker.track(from, to, start, flat, warp, end, radius, WARPED_LEVELS, roundTrip);
        lost = lostPoints(err, roundTrip, Math.max(sharpFrom, sharpTo) <= NOSE_FALLBACK_BLUR * Math.min(sharpFrom, sharpTo));
        Homography h = planeFit(start, end, lost, span);
        if (h == null) return false;
        float ux = (before.x(MeshLandmarks.LEFT_EYE_OUTER) - before.x(MeshLandmarks.RIGHT_EYE_OUTER)) / span;
        float uy = (before.y(MeshLandmarks.LEFT_EYE_OUTER) - before.y(MeshLandmarks.RIGHT_EYE_OUTER)) / span;
        double a = 0, u = 0;
        int nn = 0;
        for (int i = ANCHORS.length; i < IDS.length; i++) {
            if (lost[i]) continue;
            h.apply(start[2 * i], start[2 * i + 1], o);
            double dx = end[2 * i] - o[0], dy = end[2 * i + 1] - o[1];
            a += dx * ux + dy * uy;
            // the face's up direction is the eye line turned a quarter turn (image y points down)
            u += dx * uy - dy * ux;
            nn++;
        }
        if (nn < MIN_NOSE) return false;
        along += a / nn / span;
        up += u / nn / span;
        double r = residual(h, start, end, lost, span);
        residualSquares += r * r;
        measured++;
        return true;
    }

    /**
     * Which points of the second pass are lost (arrays over the anchors, then the nose points): grey levels that do not
     * match ({@link #MAX_ERROR}) or a round trip beyond {@link PointTracker#MAX_ROUND_TRIP}; but with {@code fallback},
     * when that would keep fewer than {@link #MIN_NOSE} nose points, the nose points within {@link #NOSE_ROUND_TRIP}.
     */
    static boolean[] lostPoints(float[] err, float[] roundTrip, boolean fallback) {
        boolean[] lost = new boolean[IDS.length];
        int nose = 0;
        for (int i = 0; i < IDS.length; i++) {
            lost[i] = !tracked(err[i], roundTrip[i], PointTracker.MAX_ROUND_TRIP);
            if (i >= ANCHORS.length && !lost[i]) nose++;
        }
        if (fallback && nose < MIN_NOSE) {
            for (int i = ANCHORS.length; i < IDS.length; i++) lost[i] = !tracked(err[i], roundTrip[i], NOSE_ROUND_TRIP);
        }
        return lost;
    }

    /** Whether a point's grey levels match and it tracked back within {@code maxRoundTrip} (false for NaN). */
    private static boolean tracked(float err, float roundTrip, float maxRoundTrip) {
        return err <= MAX_ERROR && roundTrip <= maxRoundTrip;
    }

    /**
     * The homography of one step's kept anchors, refitted without outliers ({@link #OUTLIER_FACTOR}, which are marked
     * in {@code lost}). Null when fewer than {@link #MIN_ANCHORS} anchors were kept.
     */
    static Homography planeFit(float[] start, float[] end, boolean[] lost, float span) {
        Homography h = Homography.fitKept(start, end, lost, ANCHORS.length, MIN_ANCHORS);
        double[] sorted = new double[ANCHORS.length];
        for (int dropped = 0; h != null && dropped < MAX_OUTLIERS; dropped++) {
            // squared distances: their order and median are those of the distances
            double[] squares = anchorSquares(h, start, end, lost);
            int kept = 0, worst = -1;
            for (int i = 0; i < ANCHORS.length; i++) {
                if (lost[i]) continue;
                sorted[kept++] = squares[i];
                if (worst < 0 || squares[i] > squares[worst]) worst = i;
            }
            if (kept <= MIN_INLIERS) break;
            Arrays.sort(sorted, 0, kept);
            double median = sorted[kept / 2], floor = OUTLIER_FLOOR * span;
            if (!(squares[worst] > OUTLIER_FACTOR * OUTLIER_FACTOR * median && squares[worst] > floor * floor)) break;
            lost[worst] = true;
            h = Homography.fitKept(start, end, lost, ANCHORS.length, MIN_ANCHORS);
        }
        return h;
    }

    /** Each kept anchor's squared distance from where {@code h} puts it, pixels squared (0 for a lost one). */
    private static double[] anchorSquares(Homography h, float[] start, float[] end, boolean[] lost) {
        double[] o = new double[2], squares = new double[ANCHORS.length];
        for (int i = 0; i < ANCHORS.length; i++) {
            if (lost[i]) continue;
            h.apply(start[2 * i], start[2 * i + 1], o);
            squares[i] = (o[0] - end[2 * i]) * (o[0] - end[2 * i]) + (o[1] - end[2 * i + 1]) * (o[1] - end[2 * i + 1]);
        }
        return squares;
    }

    /**
     * Signed parallax so far in eye spans, along the eye line ({@code vertical} false: positive when the nose moved
     * towards the subject's left eye, image right in an unmirrored frame, relative to the flat-face prediction, as when
     * the subject turns to their left) or up the face ({@code vertical} true: positive towards the forehead, as when the
     * subject looks up); NaN before any step could be measured.
     */
    float parallax(boolean vertical) {
        return measured == 0 ? Float.NaN : (float) (vertical ? up : along);
    }

    /** The kept anchors' RMS distance from {@code h}, eye spans. */
    static double residual(Homography h, float[] start, float[] end, boolean[] lost, float span) {
        double[] squares = anchorSquares(h, start, end, lost);
        double rss = 0;
        int na = 0;
        for (int i = 0; i < ANCHORS.length; i++) {
            if (lost[i]) continue;
            rss += squares[i];
            na++;
        }
        return Math.sqrt(rss / na) / span;
    }

    /**
     * The anchors' own distance from their best homography over the steps so far (root of the summed squares, eye
     * spans): how well the tracking holds together. Nose parallax well above it is depth; nose "parallax" of the same
     * size is tracking error (blur, fast motion).
     */
    float anchorResidual() {
        return (float) Math.sqrt(residualSquares);
    }

    static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** The mesh's displacement of each landmark between two frames, x, y pairs; null without both meshes. */
    static float[] guess(int[] ids, MeshLandmarks before, MeshLandmarks now) {
        if (before == null || now == null) return null;
        float[] g = new float[2 * ids.length];
        for (int i = 0; i < ids.length; i++) {
            g[2 * i] = now.x(ids[i]) - before.x(ids[i]);
            g[2 * i + 1] = now.y(ids[i]) - before.y(ids[i]);
        }
        return g;
    }

    /**
     * The geometric parallax of two meshes measured the same way in one step (on landmarks instead of tracked pixels):
     * what a head of the mesh's depth shows, the basis of {@link HeadMoveStep}'s parallax per degree.
     */
    static float meshParallax(MeshLandmarks reference, MeshLandmarks current, boolean vertical) {
        float span = FaceGeometry.eyeSpan(reference);
        float ux = (reference.x(MeshLandmarks.LEFT_EYE_OUTER) - reference.x(MeshLandmarks.RIGHT_EYE_OUTER)) / span;
        float uy = (reference.y(MeshLandmarks.LEFT_EYE_OUTER) - reference.y(MeshLandmarks.RIGHT_EYE_OUTER)) / span;
        float dx = vertical ? uy : ux, dy = vertical ? -ux : uy;
        Homography h = Homography.fit(FaceGeometry.points(reference, ANCHORS), FaceGeometry.points(current, ANCHORS));
        double[] o = new double[2];
        double sum = 0;
        for (int i : NOSE) {
            h.apply(reference.x(i), reference.y(i), o);
            sum += (current.x(i) - o[0]) * dx + (current.y(i) - o[1]) * dy;
        }
        return (float) (sum / NOSE.length / span);
    }
}
