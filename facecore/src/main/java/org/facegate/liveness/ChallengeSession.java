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
     * Challenges per active session while no face attempt has failed since the PIN, each drawn from all of
     * {@link Challenge#values()} (repeats allowed): 5^3 = 125 sequences. Each failed attempt adds one
     * ({@link #challengesAfter}).
     */
    public static final int ACTIVE_CHALLENGES = 3;
    /**
     * The share of blinks among the drawn challenges; the rest is shared evenly by the four head movements (7/32 each).
     * A replayed video of the owner that blinks between its movements passes every blink challenge (natural blinks
     * are ignored elsewhere, so it may blink as often as it likes) and a movement challenge when it is the video's
     * next movement: a challenge with probability {@code BLINK_ODDS + (1 - BLINK_ODDS) / 4}, the best any fixed video
     * can do (ReplayOdds, in facecore/measure, proves it against every video of up to 7 events). Uniform draws (1/5)
     * give 0.4 per challenge, 6.4% per 3-challenge attempt, which alone is nearly the 7% the whole run of attempts
     * before the PIN may have; 1/8 gives 11/32 per challenge, 4.06% per attempt and, with {@link #challengesAfter}'s
     * 4 and 5 challenges for the second and third attempt, 5.86% over the 3 attempts before the PIN
     * (`facegate liveness-eval --fixed-sequence`, docs/liveness.md). The blink stays in every draw: the sequences
     * are still all 125, at 6.88 bits per 3 challenges against 6.97 for uniform draws.
     */
    public static final double BLINK_ODDS = 1.0 / 8;
    /**
     * Put before the instruction after a miss ({@link #misses}). "Slowly" because a movement faster than the processed
     * frames is the miss measured most (docs/liveness.md, "Owner's time to unlock": the simulated owner at 6 processed
     * fps, 25 degrees in 400 ms, was refused 26% of 200 sessions, against 10% in 500 ms).
     */
    public static final String AGAIN = "Again, more slowly. ";

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

    /**
     * How many challenges an active attempt asks for after {@code failedAttempts} failed face attempts since the PIN was
     * last entered: {@link #ACTIVE_CHALLENGES}, and one more per failure. The owner pays the extra challenge only after
     * a failure (and until the next PIN); a replayed video, which fails most attempts, gets longer odds on each retry
     * ({@link #BLINK_ODDS}). The count must follow the failures since the PIN, not since the last unlock: the gate's
     * attempt limit counts so too, and resetting here would give an attacker who tries between the owner's unlocks
     * three attempts at the first attempt's odds.
     */
    public static int challengesAfter(int failedAttempts) {
        if (failedAttempts < 0) throw new IllegalArgumentException("failed attempts must be >= 0, got " + failedAttempts);
        return ACTIVE_CHALLENGES + failedAttempts;
    }

    /** The probability that one drawn challenge is {@code c} ({@link #BLINK_ODDS}, the rest shared by the movements). */
    public static double odds(Challenge c) {
        return c == Challenge.BLINK ? BLINK_ODDS : (1 - BLINK_ODDS) / Challenge.MOVEMENTS.length;
    }

    /** {@code count} challenges drawn independently, each with its {@link #odds}. */
    public static List<Challenge> randomOrder(Random random, int count) {
        if (count < 1) throw new IllegalArgumentException("count must be >= 1, got " + count);
        List<Challenge> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(random.nextDouble() < BLINK_ODDS ? Challenge.BLINK : Challenge.MOVEMENTS[random.nextInt(Challenge.MOVEMENTS.length)]);
        }
        return list;
    }

    /**
     * The unlock default with no failure since the PIN: {@link #ACTIVE_CHALLENGES} challenges drawn by
     * {@link #randomOrder}, {@link #MILLIS_PER_CHALLENGE} each, the identity checked on every frame.
     */
    public static ChallengeSession random(Random random, IdentityCheck identity) {
        return new ChallengeSession(randomOrder(random, ACTIVE_CHALLENGES), MILLIS_PER_CHALLENGE, identity, 1);
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
                    state = State.LIVE; // the last step stays, for its measurements
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
        step = c == Challenge.BLINK ? new BlinkStep(neutral, !passive) : new HeadMoveStep(c, neutral, index > 0 ? challenges.get(index - 1) : null);
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

    /**
     * The index of the challenge whose instruction shows now: the current one's, or the next one's as soon as the
     * current head movement is made and its parallax seen, while the session waits only for the frame that confirms
     * it (its hold, {@link HeadMoveStep#EVIDENCE_MILLIS}): the person reads the next instruction while that frame is
     * captured and processed, instead of after, so a person who reacts to it is not kept waiting for the hold
     * (docs/liveness.md, "Owner's time to unlock"). The decision is unchanged: the next challenge starts only when the
     * current one is confirmed. Should the hold fail, the current instruction shows again a frame later, and the next
     * one not again before the current is confirmed. A person takes 0.5 s or more to start on an instruction, so has
     * not moved on a preview taken back within a frame; one who did would end the session with
     * {@link Reason#WRONG_MOVEMENT}. {@code facegate liveness-eval --unlock-time} counts the previews taken back.
     */
    public int shown() {
        return state == State.RUNNING && step != null && step.confirming() && index + 1 < challenges.size() ? index + 1 : index;
    }

    /**
     * How often the current challenge's movement was made without counting ({@link HeadMoveStep#misses}); 0 for a blink,
     * before the first frame with a face and once decided.
     */
    public int misses() {
        return state == State.RUNNING && step != null ? step.misses() : 0;
    }

    /**
     * The sentence to show now ({@link #shown}), or for a passive session a neutral one; empty once decided. After a
     * {@link #misses miss} the current instruction is asked again, more slowly ({@link #AGAIN}): the person sees their
     * movement did not count while there is time to repeat it, instead of waiting for the time to run out.
     */
    public String instruction() {
        if (state != State.RUNNING) return "";
        if (passive) return "Look at the screen.";
        int shown = shown();
        return (shown == index && misses() > 0 ? AGAIN : "") + challenges.get(shown).instruction();
    }

    public List<Challenge> challenges() {
        return challenges;
    }

    /** Why the session ended as spoof; null otherwise. */
    public Reason reason() {
        return reason;
    }

    /** Numbers behind the reason ("TURN_LEFT: moved 22 deg, nose parallax counted 0.004 eye spans < 0.052"). */
    public String detail() {
        return detail;
    }

    /** The largest movement in the asked direction in the current (or last) head challenge, degrees; 0 otherwise. */
    public float bestMovement() {
        return step instanceof HeadMoveStep m ? m.bestMovement() : 0;
    }

    /**
     * For the current (or last) head challenge, on the frame where the pixels came closest to showing a head's
     * parallax: the parallax over the fraction of a head's asked for, and over three times the tracking residual (a
     * frame passes when both are at least 1); null for a blink or before the movement was made.
     */
    public float[] parallaxMargins() {
        if (!(step instanceof HeadMoveStep m)) return null;
        float[] c = m.closestToPassing();
        return c[0] == Float.NEGATIVE_INFINITY ? null : c;
    }

    /**
     * For the current (or last) head challenge step, the smaller of the two ratios of {@link #parallaxMargins} held on
     * every frame over the evidence time: at least 1 exactly when that step passed (the session may still have failed
     * it on identity); NaN for a blink or until the movement (15 degrees or more) has lasted the evidence time,
     * whatever its margin; negative infinity when no such time had a measurement on every frame.
     */
    public float heldMargin() {
        return step instanceof HeadMoveStep m ? m.heldMargin() : Float.NaN;
    }

    /** The blink detector of the current (or last) blink challenge, null otherwise: openness and correlations. */
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
