package org.facegate.liveness;

import java.util.ArrayDeque;
import java.util.Deque;
import org.facegate.detect.MeshLandmarks;
import org.facegate.image.LumaPlane;
import org.facegate.image.RgbImage;

/**
 * Finds blinks in a stream of meshes: both eyes close and open again, relative to the rest of the face.
 *
 * <p>Openness is the eye aspect ratio measured in a recent reference frame's geometry ({@link FaceGeometry#rectifiedEar})
 * divided by the reference's own ratio, averaged over both eyes; the reference is the frame with the widest-open eyes
 * in the last {@link #WINDOW_MILLIS} whose head pose is within {@link #POSE_TOLERANCE_DEGREES} of the current one,
 * frozen while the eyes are closed. A photo tilted away from the camera narrows the
 * eyes in the image as a blink would, but it narrows their surroundings (brows, corners, cheeks) too, and the
 * rectification undoes it. On the real clip in {@code shared/eval/liveness} open eyes read 0.85-1.05 and closed ones
 * 0.4-0.55.
 *
 * <p>The mesh is a learned model, and on a photo tilted back it reads the narrowing eyes as closing ones (openness down
 * to 0.53 on tilted LFW photos). So a closure also needs pixel evidence ({@link EyeAppearance}): the eye regions of an
 * open-eyed frame (the widest-open since the head last moved: {@code retakesEyes}), mapped through the homography of
 * tracked points around them, must no longer match the current frame, in both eyes: one below
 * {@link #CORRELATION_CLOSED} (every blink on the real clip has a frame at 0.03 or less when every 12 fps frame is
 * seen, fully closed eyes read about -0.3) and the other below {@link #OTHER_EYE_CLOSED} (noise and blur decorrelate one
 * small eye of a photo at a time), while control regions (nose band, brows) still match as on open-eyed frames
 * ({@link #CONTROL_CLOSED}: noise and blur that decorrelate both eyes decorrelate these too; below
 * {@link #CONTROL_MIN} the mapping is not trusted at all).
 */
public final class BlinkDetector {
    /**
     * Openness below which the eyes count as closed (with the pixels confirming it). Open eyes read 0.85-1.05 on the
     * real clip, closed ones 0.4-0.55; the clip's shortest blinks close the eyes for about one 12 fps frame, and a phone
     * processing 8 frames a second may land only beside it: frame 42 of the clip read 0.64-0.71 on the original and
     * its altered copies. It was 0.65, set at 12 fps, where every blink is seen at its deepest. The mesh alone stops no
     * attack (the generated photo attacks read down to 0.28 at 8 fps): the pixels do ({@link #CORRELATION_CLOSED}, {@link #CONTROL_CLOSED}).
     */
    public static final float CLOSED_BELOW = 0.72f;
    /** Openness above which closed eyes count as open again. */
    public static final float OPEN_ABOVE = 0.8f;
    /** How far back the reference (open-eyed) frame may be. */
    public static final long WINDOW_MILLIS = 1500;
    /**
     * Largest yaw or pitch difference, degrees, between a frame and the reference its openness is measured against. The
     * mesh's eye aspect ratio changes with the pose: after a look-down challenge (a simulated owner, 6 fps) the
     * widest-open frame of the window was the head pitched down 36 degrees (ratio 0.34 against 0.26 frontal), so the
     * open frontal eyes read openness 0.61, below {@link #CLOSED_BELOW}, and once a blink closed them they never
     * counted as open again. In a fast movement the mesh's eyes also lag its pose: coming back from a look-down (8 fps)
     * a frame read at pitch -12.8 still had the pitched-down ratio 0.34; within 10 degrees of the blink's -4.3 it was
     * the reference, the reopened eyes read 0.73-0.78 and 2 of 50 simulated owners timed out (10 degrees). Within 5
     * degrees the references were 0.28 against 0.26 at rest; the simulated owner's blink itself moved the mesh's pose
     * by up to 2.2 degrees.
     */
    static final float POSE_TOLERANCE_DEGREES = 5f;
    /** Reference eye aspect ratio below which the eyes are too narrow to measure (already closed, or a profile). */
    static final float MIN_REFERENCE_EAR = 0.12f;
    /**
     * Eye-region correlation with the mapped open-eyed reference below which the pixels confirm a closure. Every blink
     * on the real clip has a frame at 0.03 or less when every 12 fps frame is seen; the closure seen half-way at 8 fps
     * ({@link #CLOSED_BELOW}) reads 0.25-0.32 (0.46 on the 0.6x smaller, darker copy: not caught). It was 0.25. A
     * photo under noise and a flickering blur decorrelates both eyes about as much (see {@link #CONTROL_CLOSED}).
     */
    public static final float CORRELATION_CLOSED = 0.35f;
    /**
     * Correlation below which the other eye must be at the same time: a blink closes both eyes, while noise and blur
     * decorrelate one small eye at a time. On the real clip the other eye reads 0.38 or less in every blink when every
     * 12 fps frame is seen (0.6x smaller and darker copy; 0.15 at full size), 0.40-0.47 on the closure seen half-way at
     * 8 fps; in the generated attacks of an earlier round (12 fps, docs/liveness.md) it stayed at 0.58 and up where one
     * eye fell below 0.25 on a frame the mesh read as closed.
     */
    public static final float OTHER_EYE_CLOSED = 0.5f;
    /** Control-region correlation (nose band, brows) below which the mapping is not trusted (no closure is counted on
     * that frame); 0.92 and up on the real clip, blurred and noisy copies included. */
    public static final float CONTROL_MIN = 0.7f;
    /**
     * Control-region correlation a closure needs besides: a blink changes the eyes and nothing around them, so the nose
     * band and brows match as well as on open-eyed frames. On the real clip replayed at 8 fps they read 0.93 and up on
     * every frame read closed or half-closed, on all its copies. The generated attack that came closest to a closure
     * once the eye bounds allowed half-seen blinks (William_Cocksedge's photo looking up under noise and a flickering
     * blur, 6 fps: eyes 0.35 and 0.46 where the mesh read 0.71 open, 0.003 short of a closure) had its controls at
     * 0.76: the degradation, not the eyes, had changed.
     */
    public static final float CONTROL_CLOSED = 0.85f;
    /**
     * Head speed, degrees per second of yaw or pitch between two frames, above which a frame is not kept as the eye
     * regions' reference: in a fast movement the mesh lags (coming back from a look-down its eyes kept the pitched-down
     * ratio, see {@link #POSE_TOLERANCE_DEGREES}), and a frame taken with the head coming back at 65 degrees a second
     * matched the head at rest only at 0.97; on the closed frame that followed the other eye read 0.52 and the blink was
     * lost (simulated owner, 6 fps). The simulated movements peak at 79 degrees a second (25 degrees in 500 ms); the
     * mesh's pose on the still real clip and its five altered copies (12 fps) moves at most 25 degrees a second between
     * frames (2.1 degrees in 83 ms; median 3-6). A still frame read as moving only has its successor, if open-eyed,
     * replace it.
     */
    static final float MOVING_DEGREES_PER_SECOND = 30f;

    private final Deque<long[]> times = new ArrayDeque<>();
    private final Deque<MeshLandmarks> meshes = new ArrayDeque<>();
    private final Deque<HeadPose> poses = new ArrayDeque<>();
    private MeshLandmarks reference;
    private boolean closed;
    private int blinks;
    private float openness = Float.NaN, correlation = Float.NaN, otherCorrelation = Float.NaN, controlCorrelation = Float.NaN;
    private EyeAppearance appearance;
    /** When the eye regions' reference was taken. */
    private Taken taken;
    private MeshLandmarks lastMesh;
    private HeadPose lastPose;
    private long lastMillis;

    /**
     * Adds the next frame's mesh.
     *
     * @return true when this frame completes a blink (the eyes reopened after a closure)
     */
    public boolean add(long timeMillis, MeshLandmarks mesh, RgbImage image) {
        return add(timeMillis, mesh, image, null);
    }

    /**
     * Adds the next frame's mesh, with the frame's luma plane for the pixel evidence (null: from the RGB pixels).
     *
     * @return true when this frame completes a blink (the eyes reopened after a closure)
     */
    public boolean add(long timeMillis, MeshLandmarks mesh, RgbImage image, LumaPlane luma) {
        while (!times.isEmpty() && timeMillis - times.peekFirst()[0] > WINDOW_MILLIS) {
            times.removeFirst();
            meshes.removeFirst();
            poses.removeFirst();
        }
        HeadPose pose = HeadPose.of(mesh);
        float ownEar = (FaceGeometry.rightEar(mesh) + FaceGeometry.leftEar(mesh)) / 2;
        if (!closed) {
            reference = null;
            float best = -1;
            var p = poses.iterator();
            for (MeshLandmarks m : meshes) {
                HeadPose q = p.next();
                if (!near(q, pose)) continue;
                float e = (FaceGeometry.rightEar(m) + FaceGeometry.leftEar(m)) / 2;
                if (e > best) {
                    best = e;
                    reference = m;
                }
            }
            if (reference == null || ownEar > best) reference = mesh;
        }
        times.addLast(new long[] {timeMillis});
        meshes.addLast(mesh);
        poses.addLast(pose);
        boolean moving = lastPose != null && timeMillis > lastMillis
                && Math.max(Math.abs(pose.yaw() - lastPose.yaw()), Math.abs(pose.pitch() - lastPose.pitch())) * 1000f / (timeMillis - lastMillis) > MOVING_DEGREES_PER_SECOND;
        lastPose = pose;
        lastMillis = timeMillis;
        if (appearance == null) {
            appearance = new EyeAppearance(image, luma, mesh);
            taken = new Taken(ownEar, pose, moving);
            correlation = 1;
            otherCorrelation = 1;
            controlCorrelation = 1;
        } else {
            correlation = appearance.update(image, luma, lastMesh, mesh);
            otherCorrelation = appearance.otherEye();
            controlCorrelation = appearance.control();
            if (!(controlCorrelation >= CONTROL_MIN)) {
                correlation = Float.NaN;
                otherCorrelation = Float.NaN;
            }
        }
        lastMesh = mesh;
        float refR = FaceGeometry.rightEar(reference), refL = FaceGeometry.leftEar(reference);
        if (Math.min(refR, refL) < MIN_REFERENCE_EAR) {
            openness = Float.NaN;
            return false;
        }
        openness = (FaceGeometry.rectifiedEar(reference, mesh, true) / refR + FaceGeometry.rectifiedEar(reference, mesh, false) / refL) / 2;
        boolean reopened = false;
        if (!closed && openness < CLOSED_BELOW && correlation < CORRELATION_CLOSED && otherCorrelation < OTHER_EYE_CLOSED
                && controlCorrelation >= CONTROL_CLOSED) {
            closed = true;
        } else if (closed && openness > OPEN_ABOVE) {
            closed = false;
            blinks++;
            reopened = true;
        }
        if (retakesEyes(ownEar, pose)) {
            appearance.retake(mesh);
            taken = new Taken(ownEar, pose, moving);
        }
        return reopened;
    }

    /**
     * Whether this frame becomes the eye regions' reference for the next frames: only an open-eyed one (openness above
     * {@link #OPEN_ABOVE}, no closure under way), and then when its eyes are open wider than the reference's (the
     * widest-open frame makes the clearest contrast with closed eyes), or when the reference no longer serves: the
     * control regions did not match on this frame, the head is more than {@link #POSE_TOLERANCE_DEGREES} from the
     * reference's pose, or the reference was taken in a fast movement ({@link #MOVING_DEGREES_PER_SECOND}). Not
     * otherwise: eyes narrower than the reference's at the same pose may be closing (the mirrored clip's long closure,
     * 8 fps, begins with a frame read 0.81 open whose eyes matched the reference at 0.51; taken as the reference, it
     * left the closed eyes after it at 0.24-0.30 and the blink unseen under the bound of 0.25 then; under 0.35 it would
     * pass, but only by luck).
     *
     * <p>Before, the reference was retaken only when wider or when the previous frame's control had failed, and then on
     * this frame whatever its eyes showed. After a head movement it was a frame of the head still coming back, 4 to 7
     * degrees from the blink's pose (on the closed frame the other eye read 0.52 and 0.58, control 0.85-0.95), or the
     * closed-eyed frame itself: 5 of the 7 blink timeouts of 50 simulated owners at 6 fps (the other 2: no processed
     * frame on the closed eyes).
     */
    private boolean retakesEyes(float ownEar, HeadPose pose) {
        if (closed || !(openness > OPEN_ABOVE)) return false;
        return ownEar > taken.ear() || !(appearance.control() >= CONTROL_MIN) || !near(pose, taken.pose()) || taken.moving();
    }

    /** The eye regions' reference frame: its eye aspect ratio and pose, and whether the head was moving fast then. */
    private record Taken(float ear, HeadPose pose, boolean moving) {}

    /** Whether two poses are within {@link #POSE_TOLERANCE_DEGREES} of yaw and of pitch. */
    private static boolean near(HeadPose a, HeadPose b) {
        return Math.abs(a.yaw() - b.yaw()) <= POSE_TOLERANCE_DEGREES && Math.abs(a.pitch() - b.pitch()) <= POSE_TOLERANCE_DEGREES;
    }

    /** The last frame's openness (1 as open as the reference, about 0.5 closed), NaN when it could not be measured. */
    public float openness() {
        return openness;
    }

    /** The last frame's eye-region correlation with the open-eyed reference, the lower of the two eyes (1 unchanged),
     * NaN when not tracked or when the control regions show the mapping is off. */
    public float correlation() {
        return correlation;
    }

    /** The same for the other eye (the higher of the two correlations). */
    public float otherEyeCorrelation() {
        return otherCorrelation;
    }

    /**
     * The last frame's control-region correlation (nose band, brows; 1 unchanged, and on the first frame), NaN when the
     * homography could not be tracked (too many points lost).
     */
    public float controlCorrelation() {
        return controlCorrelation;
    }

    /**
     * How close the last frame's pixels came to confirming a closure: the smallest of the eyes' distances below their
     * bounds ({@link #CORRELATION_CLOSED} for the eye that changed more, {@link #OTHER_EYE_CLOSED} for the other) and
     * the control regions' above theirs ({@link #CONTROL_CLOSED}); the pixels confirm one when all three are above 0
     * (the controls' at 0 too), the openness aside. NaN when the mapping was not trusted ({@link #CONTROL_MIN}).
     * For measurement: how far an attack stayed from the rule {@link #add} applies.
     */
    public float closureMargin() {
        return Math.min(Math.min(CORRELATION_CLOSED - correlation, OTHER_EYE_CLOSED - otherCorrelation), controlCorrelation - CONTROL_CLOSED);
    }

    /** Whether the eyes are closed now (since openness fell below {@link #CLOSED_BELOW} with the pixels confirming it, until it rose above {@link #OPEN_ABOVE}). */
    public boolean closed() {
        return closed;
    }

    /** Blinks completed so far. */
    public int blinks() {
        return blinks;
    }
}
