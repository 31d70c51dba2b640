package org.facegate.liveness;

import java.util.Locale;
import org.facegate.detect.MeshLandmarks;

/**
 * Whether the face of a session stayed one continuous face: it may not vanish for long ({@link ChallengeSession.Reason#FACE_LOST})
 * nor jump in place or size between the frames with a face ({@link ChallengeSession.Reason#FACE_JUMP}), so a photo cannot be
 * swapped in between two identity checks. The limits are rates, per 100 ms of capture time: a phone processes 4-12
 * frames a second with uneven gaps (it drops frames while one is processed), and a limit per frame would be four
 * times stricter at 12 fps than at 4.
 */
final class FaceContinuity {
    /**
     * Longest time without a face, ms, from the last frame with one: one dropped detection at 4 processed fps (a gap of
     * 250-330 ms) is forgiven, and so are up to four frames in a row at 12 fps (the limit was "more than two frames"
     * at 12 fps, 250 ms).
     */
    static final long MAX_MISSING_MILLIS = 400;
    /**
     * Largest move of the nose tip, eye spans per 100 ms between two frames with a face (0.6 per frame at 12 fps was
     * the per-frame limit). A fast real head turn moves the nose about 1.5 eye spans a second (25 degrees in 0.3 s, the
     * nose about one eye span in front of the neck's axis), a quarter of this.
     */
    static final float JUMP_SPANS_PER_100MS = 0.6f;
    /** Largest change of the face's size per 100 ms, as a ratio (1.3 per frame at 12 fps was the per-frame limit). */
    static final float SCALE_JUMP_PER_100MS = 1.3f;
    /**
     * Gaps shorter than this count as this long (jittered timestamps of consecutive frames may be a few ms apart), and
     * gaps longer than {@link #MAX_GAP_MILLIS} as that long: a face reappearing elsewhere after a long gap is still a
     * jump.
     */
    static final long MIN_GAP_MILLIS = 100, MAX_GAP_MILLIS = 400;

    private MeshLandmarks last;
    private long lastMillis;
    private String problem = "";

    /**
     * Takes the next frame.
     *
     * @return null when the face is still the same continuous face (or none was seen yet), otherwise why not
     *     ({@link #problem()} says more)
     */
    ChallengeSession.Reason offer(LivenessFrame frame) {
        if (!frame.hasFace()) {
            if (last == null || frame.timeMillis() - lastMillis <= MAX_MISSING_MILLIS) return null;
            problem = "no face for " + (frame.timeMillis() - lastMillis) + " ms";
            return ChallengeSession.Reason.FACE_LOST;
        }
        MeshLandmarks now = frame.mesh();
        if (last != null) {
            long gap = frame.timeMillis() - lastMillis;
            double units = Math.max(MIN_GAP_MILLIS, Math.min(MAX_GAP_MILLIS, gap)) / 100.0;
            float sa = FaceGeometry.eyeSpan(last), sb = FaceGeometry.eyeSpan(now);
            double maxScale = Math.pow(SCALE_JUMP_PER_100MS, units);
            double move = Math.hypot(last.x(MeshLandmarks.NOSE_TIP) - now.x(MeshLandmarks.NOSE_TIP),
                    last.y(MeshLandmarks.NOSE_TIP) - now.y(MeshLandmarks.NOSE_TIP)) / sa;
            if (sb > sa * maxScale || sa > sb * maxScale) {
                problem = String.format(Locale.ROOT, "size changed %.2fx in %d ms", sb / sa, gap);
                return ChallengeSession.Reason.FACE_JUMP;
            }
            if (move > JUMP_SPANS_PER_100MS * units) {
                problem = String.format(Locale.ROOT, "moved %.2f eye spans in %d ms", move, gap);
                return ChallengeSession.Reason.FACE_JUMP;
            }
        }
        last = now;
        lastMillis = frame.timeMillis();
        return null;
    }

    /** What the last refusal measured ("moved 1.40 eye spans in 83 ms"). */
    String problem() {
        return problem;
    }
}
