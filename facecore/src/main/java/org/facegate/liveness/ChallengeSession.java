package org.facegate.liveness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One active liveness check: a short sequence of {@link Challenge}s, fed frame by frame, each to be completed within
 * its own time limit. The session sequences the challenges and checks the identity; each challenge's own state lives
 * in its step ({@link BlinkStep}, {@link HeadMoveStep}), the face's continuity in {@link FaceContinuity}. The decision
 * is {@link State#LIVE} only when every challenge was seen with evidence a flat photo cannot give, on a face that
 * stayed in view, moved continuously and passed the caller's identity check on frames throughout.
 *
 * <ul>
 *   <li>Blink: both eyes close and reopen relative to their own surroundings, confirmed by the pixels
 *       ({@link BlinkDetector}).</li>
 *   <li>Head movements (turn left or right, look up or down): the pose moves {@link HeadMoveStep#MIN_DEGREES} the asked
 *       way and the tracked pixels show depth parallax ({@link HeadMoveStep}); a photo turned or tilted as a plane
 *       fails with {@link Reason#PLANAR_MOTION}.</li>
 *   <li>A head movement that was not asked for ends the session ({@link Reason#WRONG_MOVEMENT}, see
 *       {@link ChallengeStep}): a replayed video cannot wait for the right movement. Natural blinks outside a blink
 *       challenge are ignored.</li>
 *   <li>Identity: {@link IdentityCheck} runs on every {@code identityEvery}-th frame with a face and on the frame
 *       that completes each challenge; one refusal ends the session ({@link Reason#IDENTITY}). Between checked frames
 *       the face must not jump or vanish ({@link Reason#FACE_JUMP}, {@link Reason#FACE_LOST}), so no photo can be
 *       swapped in.</li>
 * </ul>
 *
 * <p>Limits are on capture time (the frames' timestamps), never on frame counts, so the decision does not depend on
 * how many frames a second the phone manages to process. Not thread-safe. Frames must be unmirrored camera frames,
 * or left and right turns swap.
 */
public final class ChallengeSession {
    /** Time allowed per challenge, from its first frame. */
    public static final long MILLIS_PER_CHALLENGE = 5000;
    /**
     * Challenges per active session, each drawn from all of {@link Challenge#values()} (repeats allowed): 5^3 = 125
     * sequences.
     */
    public static final int ACTIVE_CHALLENGES = 3;

    /** Where a session stands. */
    public enum State { RUNNING, LIVE, SPOOF }

    /** Why a session ended in {@link State#SPOOF}. */
    public enum Reason {
        TIMEOUT("challenge not completed in time"),
        NOT_COMPLETED("challenge not completed before the frames ended"),
        PLANAR_MOTION("head movement without depth parallax: motion explained by one plane"),
        WRONG_MOVEMENT("head moved in a direction that was not asked for"),
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
    private final long millisPerChallenge;
    private final IdentityCheck identity;
    private final int identityEvery;
    private final boolean passive;
    private final FaceContinuity continuity = new FaceContinuity();

    private State state = State.RUNNING;
    private Reason reason;
    private String detail = "";
    private int index, facesSeen;
    private HeadPose neutral;
    private ChallengeStep step;
    private long stepStartMillis = -1;

    /**
     * @param challenges         what to ask for, in order (not empty)
     * @param millisPerChallenge time for each challenge, from its first frame (the first challenge's: the first frame
     *                           with a face)
     * @param identityEvery      run the identity check on every n-th frame with a face (1: all of them)
     */
    public ChallengeSession(List<Challenge> challenges, long millisPerChallenge, IdentityCheck identity, int identityEvery) {
        this(challenges, millisPerChallenge, identity, identityEvery, false);
    }

    private ChallengeSession(List<Challenge> challenges, long millisPerChallenge, IdentityCheck identity, int identityEvery, boolean passive) {
        if (challenges.isEmpty()) throw new IllegalArgumentException("no challenges");
        if (identityEvery < 1) throw new IllegalArgumentException("identityEvery must be >= 1");
        if (millisPerChallenge <= 0) throw new IllegalArgumentException("time per challenge must be positive: " + millisPerChallenge);
        this.challenges = Collections.unmodifiableList(new ArrayList<>(challenges));
        this.millisPerChallenge = millisPerChallenge;
        this.identity = identity;
        this.identityEvery = identityEvery;
        this.passive = passive;
    }

    /** The challenges with {@link #MILLIS_PER_CHALLENGE} each and the identity checked on every frame. */
    public static ChallengeSession of(IdentityCheck identity, Challenge... challenges) {
        List<Challenge> list = new ArrayList<>();
        Collections.addAll(list, challenges);
        return new ChallengeSession(list, MILLIS_PER_CHALLENGE, identity, 1);
    }

    /** {@link #ACTIVE_CHALLENGES} challenges drawn independently and uniformly from every {@link Challenge}. */
    public static List<Challenge> randomOrder(Random random) {
        Challenge[] all = Challenge.values();
        List<Challenge> list = new ArrayList<>();
        for (int i = 0; i < ACTIVE_CHALLENGES; i++) list.add(all[random.nextInt(all.length)]);
        return list;
    }

    /** The unlock default: {@link #randomOrder}, {@link #MILLIS_PER_CHALLENGE} each, the identity checked on every frame. */
    public static ChallengeSession random(Random random, IdentityCheck identity) {
        return new ChallengeSession(randomOrder(random), MILLIS_PER_CHALLENGE, identity, 1);
    }

    /**
     * {@link LivenessMode#PASSIVE}: no instruction, a natural blink within {@code timeLimitMillis} (people blink every
     * 2-10 s; 8 s is a reasonable limit); the head may move as it likes.
     */
    public static ChallengeSession passive(IdentityCheck identity, long timeLimitMillis) {
        return new ChallengeSession(Collections.singletonList(Challenge.BLINK), timeLimitMillis, identity, 1, true);
    }

    /** Feeds the next frame; returns the state after it. Frames after the decision are ignored. */
    public State offer(LivenessFrame frame) {
        if (state != State.RUNNING) return state;
        Reason broken = continuity.offer(frame);
        if (broken != null) return fail(broken, continuity.problem());
        if (!frame.hasFace()) return stepStartMillis >= 0 && frame.timeMillis() - stepStartMillis > millisPerChallenge ? timeout() : state;
        if (neutral == null) {
            neutral = frame.pose();
            startStep(frame.timeMillis());
        }
        if (facesSeen++ % identityEvery == 0 && !identity.matches(frame.image(), frame.face())) {
            return fail(Reason.IDENTITY, "at " + (frame.timeMillis() - stepStartMillis) + " ms into " + current());
        }
        if (frame.timeMillis() - stepStartMillis > millisPerChallenge) return timeout();
        switch (step.offer(frame)) {
            case WRONG_MOVEMENT:
                return fail(Reason.WRONG_MOVEMENT, step.wrongMovement());
            case DONE:
                if (!identity.matches(frame.image(), frame.face())) return fail(Reason.IDENTITY, "on the frame completing " + current());
                index++;
                if (index == challenges.size()) {
                    step = null;
                    state = State.LIVE;
                } else {
                    startStep(frame.timeMillis());
                }
                return state;
            default:
                return state;
        }
    }

    private void startStep(long timeMillis) {
        Challenge c = challenges.get(index);
        step = c == Challenge.BLINK ? new BlinkStep(neutral, !passive) : new HeadMoveStep(c, neutral);
        stepStartMillis = timeMillis;
    }

    private State timeout() {
        Reason r = step.timeoutReason();
        String d = step.detail();
        return fail(r, r == Reason.TIMEOUT ? current() + " not seen within " + millisPerChallenge / 1000.0 + " s" + (d.isEmpty() ? "" : " (" + d + ")") : d);
    }

    /** Ends the session when the frames run out (a recorded clip): undecided counts as not live. */
    public State finish() {
        if (state != State.RUNNING) return state;
        if (step == null) return fail(Reason.FACE_LOST, "no face in any frame");
        Reason r = step.timeoutReason();
        String d = step.detail();
        if (r == Reason.PLANAR_MOTION) return fail(r, d);
        return fail(Reason.NOT_COMPLETED, current() + " not seen" + (d.isEmpty() ? "" : " (" + d + ")"));
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

    /** The challenge being asked for, or the one the session failed on; null once all are done. */
    public Challenge current() {
        return index < challenges.size() ? challenges.get(index) : null;
    }

    /** How many challenges are done. */
    public int completed() {
        return index;
    }

    /** The sentence to show now: the current challenge's, or for a passive session a neutral one. */
    public String instruction() {
        Challenge c = current();
        if (c == null || state != State.RUNNING) return "";
        return passive ? "Look at the screen." : c.instruction();
    }

    public List<Challenge> challenges() {
        return challenges;
    }

    /** Why the session ended as spoof; null otherwise. */
    public Reason reason() {
        return reason;
    }

    /** Numbers behind the reason ("TURN_LEFT: moved 22 deg, nose parallax 0.004 eye spans < 0.052"). */
    public String detail() {
        return detail;
    }

    /** The largest movement in the asked direction in the current (or last failed) head challenge, degrees; 0 otherwise. */
    public float bestMovement() {
        return step instanceof HeadMoveStep m ? m.bestMovement() : 0;
    }

    /**
     * For the current (or last failed) head challenge, on the frame where the pixels came closest to showing a head's
     * parallax: the parallax over half a head's, and over three times the tracking residual (a frame passes when both
     * are at least 1); null for a blink or before the movement was made.
     */
    public float[] parallaxMargins() {
        if (!(step instanceof HeadMoveStep m)) return null;
        float[] c = m.closestToPassing();
        return c[0] == Float.NEGATIVE_INFINITY ? null : c;
    }

    /** The blink detector of the current (or last failed) blink challenge, null otherwise: openness and correlations. */
    public BlinkDetector eyes() {
        return step instanceof BlinkStep b ? b.eyes() : null;
    }

    /** "live" or "spoof (reason: detail)" or "running". */
    public String describe() {
        if (state == State.LIVE) return "live";
        if (state == State.RUNNING) return "running";
        return "spoof (" + reason.text() + (detail.isEmpty() ? "" : ": " + detail) + ")";
    }
}
