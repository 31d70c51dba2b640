package org.facegate.liveness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.facegate.detect.MeshLandmarks;

/**
 * One active liveness check: a short sequence of {@link Challenge}s, each to be completed within the time limit,
 * fed frame by frame. The decision is {@link State#LIVE} only when every challenge was seen with evidence a flat
 * photo cannot give, on a face that stayed in view, moved continuously and passed the caller's identity check on
 * frames throughout.
 *
 * <ul>
 *   <li>Blink: both eyes close and reopen relative to their own surroundings ({@link BlinkDetector}); tilting a
 *       photo squashes eyes and surroundings alike and does not count.</li>
 *   <li>Turn: the head pose turns at least {@link #MIN_TURN_DEGREES} towards the requested side, and the pixels show
 *       depth parallax: tracked from the challenge's first frame, the nose has moved against the eye and mouth
 *       corners by at least half of what a head turned that far shows, and by at least three times the tracking's own
 *       residual, on two consecutive frames ({@link ParallaxTracker}). A photo turned or
 *       tilted as a plane is explained by one homography and fails with {@link Reason#PLANAR_MOTION}.</li>
 *   <li>Identity: {@link IdentityCheck} runs on every {@code identityEvery}-th frame with a face and on the frame
 *       that completes each challenge; one refusal ends the session ({@link Reason#IDENTITY}). Between checked frames
 *       the face must not jump or vanish ({@link Reason#FACE_JUMP}, {@link Reason#FACE_LOST}), so no photo can be
 *       swapped in.</li>
 * </ul>
 *
 * <p>Not thread-safe. Frames must be unmirrored camera frames, or left and right turns swap.
 */
public final class ChallengeSession {
    /** Time allowed per challenge. */
    public static final long MILLIS_PER_CHALLENGE = 5000;
    /** Minimum head turn, degrees of yaw from the challenge's first frame. */
    public static final float MIN_TURN_DEGREES = 15f;
    /**
     * Nose parallax per degree of yaw for a real head, eye spans: 0.0047, from the mesh's 3-D landmarks of the real
     * clip rotated in 3-D (a 15 degree turn moves the nose 0.07 eye spans against the eye and mouth corners).
     */
    static final float PARALLAX_PER_DEGREE = 0.0047f;
    /** Fraction of the expected parallax required (tracking and depth vary from face to face). */
    static final float PARALLAX_FRACTION = 0.5f;
    /** Nose parallax must exceed this multiple of the anchors' own tracking residual. */
    static final float PARALLAX_OVER_RESIDUAL = 3f;
    /** Consecutive frames the turn evidence must hold on. */
    static final int TURN_EVIDENCE_FRAMES = 2;
    /** Consecutive frames without a face that end the session. */
    static final int MAX_MISSING_FRAMES = 2;
    /** Largest move of the face centre between consecutive frames, in eye spans. */
    static final float MAX_JUMP_SPANS = 0.6f;
    /** Largest change of face size between consecutive frames (ratio). */
    static final float MAX_SCALE_JUMP = 1.3f;

    /** Where a session stands. */
    public enum State { RUNNING, LIVE, SPOOF }

    /** Why a session ended in {@link State#SPOOF}. */
    public enum Reason {
        TIMEOUT("challenge not completed in time"),
        NOT_COMPLETED("challenge not completed before the frames ended"),
        PLANAR_MOTION("head turn without depth parallax: motion explained by one plane"),
        FACE_LOST("face left the view during the challenge"),
        FACE_JUMP("face jumped between frames"),
        IDENTITY("identity check failed during the challenge");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final List<Challenge> challenges;
    private final long timeLimitMillis;
    private final IdentityCheck identity;
    private final int identityEvery;
    private final boolean passive;

    private State state = State.RUNNING;
    private Reason reason;
    private String detail = "";
    private int index;
    private long startMillis = -1;
    private int frames, missing;
    private LivenessFrame last;
    private MeshLandmarks previousMesh;
    // current challenge
    private BlinkDetector blink;
    private ParallaxTracker tracker;
    private float baseYaw;
    private int evidenceFrames;
    private boolean planarSeen;
    private float bestTurn, bestParallax = Float.NaN, bestParallaxRequired;

    /**
     * @param challenges     what to ask for, in order (not empty)
     * @param timeLimitMillis for the whole sequence, from the first frame with a face
     * @param identityEvery  run the identity check on every n-th frame with a face (1: all of them)
     */
    public ChallengeSession(List<Challenge> challenges, long timeLimitMillis, IdentityCheck identity, int identityEvery) {
        this(challenges, timeLimitMillis, identity, identityEvery, false);
    }

    private ChallengeSession(List<Challenge> challenges, long timeLimitMillis, IdentityCheck identity, int identityEvery, boolean passive) {
        if (challenges.isEmpty()) throw new IllegalArgumentException("no challenges");
        if (identityEvery < 1) throw new IllegalArgumentException("identityEvery must be >= 1");
        this.challenges = Collections.unmodifiableList(new ArrayList<>(challenges));
        this.timeLimitMillis = timeLimitMillis;
        this.identity = identity;
        this.identityEvery = identityEvery;
        this.passive = passive;
    }

    /** The challenges with {@link #MILLIS_PER_CHALLENGE} each and the identity checked on every frame. */
    public static ChallengeSession of(IdentityCheck identity, Challenge... challenges) {
        List<Challenge> list = new ArrayList<>();
        Collections.addAll(list, challenges);
        return new ChallengeSession(list, MILLIS_PER_CHALLENGE * list.size(), identity, 1);
    }

    /** The unlock default: a blink and a turn to a random side, in random order. */
    public static ChallengeSession random(Random random, IdentityCheck identity) {
        List<Challenge> list = new ArrayList<>();
        list.add(Challenge.BLINK);
        list.add(random.nextBoolean() ? Challenge.TURN_LEFT : Challenge.TURN_RIGHT);
        if (random.nextBoolean()) Collections.reverse(list);
        return new ChallengeSession(list, MILLIS_PER_CHALLENGE * list.size(), identity, 1);
    }

    /**
     * {@link LivenessMode#PASSIVE}: no instruction, a natural blink within {@code timeLimitMillis} (people blink every
     * 2-10 s; 8 s is a reasonable limit).
     */
    public static ChallengeSession passive(IdentityCheck identity, long timeLimitMillis) {
        List<Challenge> list = new ArrayList<>();
        list.add(Challenge.BLINK);
        return new ChallengeSession(list, timeLimitMillis, identity, 1, true);
    }

    /** Feeds the next frame; returns the state after it. Frames after the decision are ignored. */
    public State offer(LivenessFrame frame) {
        if (state != State.RUNNING) return state;
        frames++;
        if (!frame.hasFace()) {
            if (startMillis >= 0 && ++missing > MAX_MISSING_FRAMES) return fail(Reason.FACE_LOST, missing + " frames without a face");
            if (startMillis >= 0 && frame.timeMillis() - startMillis > timeLimitMillis) return timeout();
            return state;
        }
        if (startMillis < 0) startMillis = frame.timeMillis();
        if (last != null && jumped(last.mesh(), frame.mesh())) {
            return fail(Reason.FACE_JUMP, missing > 0 ? "after " + missing + " frame(s) without a face" : "between consecutive frames");
        }
        missing = 0;
        previousMesh = last == null ? null : last.mesh();
        last = frame;
        if ((frames - 1) % identityEvery == 0 && !identity.matches(frame.image(), frame.face())) {
            return fail(Reason.IDENTITY, "at " + (frame.timeMillis() - startMillis) + " ms");
        }
        if (frame.timeMillis() - startMillis > timeLimitMillis) return timeout();
        if (progress(frame)) {
            if (!identity.matches(frame.image(), frame.face())) return fail(Reason.IDENTITY, "on the frame completing " + challenges.get(index));
            index++;
            blink = null;
            tracker = null;
            planarSeen = false;
            bestTurn = 0;
            evidenceFrames = 0;
            bestParallax = Float.NaN;
            if (index == challenges.size()) state = State.LIVE;
        }
        return state;
    }

    /** Whether this frame completes the current challenge. */
    private boolean progress(LivenessFrame frame) {
        Challenge c = challenges.get(index);
        if (c == Challenge.BLINK) {
            if (blink == null) blink = new BlinkDetector();
            return blink.add(frame.timeMillis(), frame.mesh(), frame.image(), frame.luma());
        }
        if (tracker == null) {
            tracker = new ParallaxTracker(frame.image(), frame.luma(), frame.mesh());
            baseYaw = frame.pose().yaw();
            return false;
        }
        tracker.update(frame.image(), frame.luma(), previousMesh, frame.mesh());
        float turn = (frame.pose().yaw() - baseYaw) * c.direction();
        bestTurn = Math.max(bestTurn, turn);
        if (turn < MIN_TURN_DEGREES) {
            evidenceFrames = 0;
            return false;
        }
        float parallax = tracker.parallax() * c.direction();
        float required = Math.max(PARALLAX_FRACTION * PARALLAX_PER_DEGREE * MIN_TURN_DEGREES, PARALLAX_FRACTION * PARALLAX_PER_DEGREE * turn);
        if (parallax >= required && parallax >= PARALLAX_OVER_RESIDUAL * tracker.anchorResidual()) {
            if (++evidenceFrames >= TURN_EVIDENCE_FRAMES) return true;
            return false;
        }
        evidenceFrames = 0;
        planarSeen = true;
        if (Float.isNaN(bestParallax) || parallax > bestParallax || Float.isNaN(parallax)) {
            bestParallax = parallax;
            bestParallaxRequired = required;
        }
        return false;
    }

    private static boolean jumped(MeshLandmarks a, MeshLandmarks b) {
        float sa = FaceGeometry.eyeSpan(a), sb = FaceGeometry.eyeSpan(b);
        if (sb > sa * MAX_SCALE_JUMP || sa > sb * MAX_SCALE_JUMP) return true;
        float dx = a.x(MeshLandmarks.NOSE_TIP) - b.x(MeshLandmarks.NOSE_TIP), dy = a.y(MeshLandmarks.NOSE_TIP) - b.y(MeshLandmarks.NOSE_TIP);
        return Math.hypot(dx, dy) > MAX_JUMP_SPANS * sa;
    }

    private State timeout() {
        if (planarSeen) return fail(Reason.PLANAR_MOTION, parallaxDetail());
        return fail(Reason.TIMEOUT, current() + " not seen within " + timeLimitMillis / 1000.0 + " s" + turnDetail());
    }

    /** Ends the session when the frames run out (a recorded clip): undecided counts as not live. */
    public State finish() {
        if (state != State.RUNNING) return state;
        if (planarSeen) return fail(Reason.PLANAR_MOTION, parallaxDetail());
        if (startMillis < 0) return fail(Reason.FACE_LOST, "no face in any frame");
        return fail(Reason.NOT_COMPLETED, current() + " not seen" + turnDetail());
    }

    private String parallaxDetail() {
        return String.format(Locale.ROOT, "%s: turned %.0f deg, nose parallax %.3f eye spans < %.3f", current(), bestTurn,
                bestParallax, bestParallaxRequired);
    }

    private String turnDetail() {
        Challenge c = current();
        return c == null || c == Challenge.BLINK ? "" : String.format(Locale.ROOT, " (turned %.0f of %.0f deg)", bestTurn, MIN_TURN_DEGREES);
    }

    private State fail(Reason r, String d) {
        state = State.SPOOF;
        reason = r;
        detail = d;
        return state;
    }

    public State state() {
        return state;
    }

    /** The challenge being asked for, null once decided or done. */
    public Challenge current() {
        return index < challenges.size() ? challenges.get(index) : null;
    }

    /** The sentence to show now: the current challenge's, or for a passive session a neutral one. */
    public String instruction() {
        Challenge c = current();
        if (c == null) return "";
        return passive ? "Look at the screen." : c.instruction();
    }

    public List<Challenge> challenges() {
        return challenges;
    }

    /** Why the session ended as spoof; null otherwise. */
    public Reason reason() {
        return reason;
    }

    /** Numbers behind the reason ("turned 22 deg, nose parallax 0.004 eye spans < 0.052"). */
    public String detail() {
        return detail;
    }

    /** The largest turn towards the requested side seen in the current (or last failed) turn challenge, degrees. */
    public float bestTurn() {
        return bestTurn;
    }

    /** The blink detector's openness on the last frame of a blink challenge, NaN otherwise. */
    public float openness() {
        return blink == null ? Float.NaN : blink.openness();
    }

    /** The blink detector's eye-region correlation on the last frame of a blink challenge, NaN otherwise. */
    public float correlation() {
        return blink == null ? Float.NaN : blink.correlation();
    }

    /** The blink detector's correlation of the other eye (the higher of the two) on the last frame of a blink
     * challenge, NaN otherwise. */
    public float otherEyeCorrelation() {
        return blink == null ? Float.NaN : blink.otherEyeCorrelation();
    }

    /** "live" or "spoof (reason: detail)" or "running". */
    public String describe() {
        if (state == State.LIVE) return "live";
        if (state == State.RUNNING) return "running";
        return "spoof (" + reason.text() + (detail.isEmpty() ? "" : ": " + detail) + ")";
    }
}
