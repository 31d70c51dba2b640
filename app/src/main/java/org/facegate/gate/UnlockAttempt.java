package org.facegate.gate;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.facegate.detect.Box;
import org.facegate.detect.Face;
import org.facegate.diagnostics.FrameTimings;
import org.facegate.engine.FaceModels;
import org.facegate.image.LumaPlane;
import org.facegate.image.RgbImage;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;
import org.facegate.liveness.LivenessFrame;
import org.facegate.liveness.LivenessMode;
import org.facegate.match.GalleryIndex;
import org.facegate.match.Matcher;
import org.facegate.pipeline.FaceResult;
import org.facegate.store.Gallery;

/**
 * Face unlock, frame by frame. The face nearest the camera is identified against everyone enrolled (so a member who
 * may not unlock is recognized as themselves, not mistaken for someone who may) and must win the multi-frame vote
 * ({@link IdentityVote}: 2 of 3 frames); frames with a face and no agreement are one failed attempt, and so is every
 * other attempt that saw a face and did not open, however it ended ({@link GateDecision#failures}).
 *
 * <p>With liveness ({@link LivenessMode#PASSIVE} or {@link LivenessMode#ACTIVE}) every attempt is a facecore
 * {@link ChallengeSession} from the first frame with a face: the {@link org.facegate.liveness.LivenessAnalyzer} tracks
 * that face, the session asks for its challenges (a natural blink; or three challenges drawn at random from the blink
 * and four head movements, {@link #randomOrder}), and its identity check runs the vote on every frame, so the gate
 * opens only when the challenges are done by a face that stayed the person who may unlock throughout. Without liveness ({@link LivenessMode#OFF}) the
 * vote alone decides. Lives on the inference thread.
 */
public final class UnlockAttempt {
    /** How long a passive session waits for a natural blink (people blink every 2-10 s). */
    public static final long PASSIVE_MILLIS = 8000;

    /** What a frame led to. */
    public enum Kind {
        NO_FACE,
        /** Identifying (liveness off). */
        LOOKING,
        /** A liveness challenge is under way: show its instruction. */
        CHALLENGE,
        UNLOCK,
        /** Not recognized, or recognized as someone who may not unlock. */
        FAILED,
        /** Recognized, but the liveness check found a presentation attack ({@link Outcome#reason}). */
        SPOOF,
        /**
         * Recognized, but the challenge was not completed: not in time, the face left the view, or the head moved in a
         * direction that was not asked for (a user who misread left and right gets another attempt, like one who was
         * too slow).
         */
        TIMEOUT
    }

    /**
     * @param kind        the decision
     * @param person      who unlocked (UNLOCK), who was recognized (FAILED by someone who may not unlock, SPOOF,
     *                    TIMEOUT), else null
     * @param score       best similarity of the frame, or of the attempt when it ended
     * @param box         the face, in frame pixels (null without a face)
     * @param instruction the challenge to show (CHALLENGE), else null
     * @param reason      why liveness failed (SPOOF, TIMEOUT), or why a face nobody was recognized in ended early
     *                    (FAILED: FACE_LOST), else null
     * @param challenge   the challenge that was not completed (TIMEOUT), else null
     */
    public record Outcome(Kind kind, Gallery.Enrolled person, float score, Box box, Instruction instruction, ChallengeSession.Reason reason,
            Challenge challenge) {
        static Outcome of(Kind kind, Gallery.Enrolled person, float score, Box box) {
            return new Outcome(kind, person, score, box, null, null, null);
        }
    }

    /**
     * The challenge to do now ({@link ChallengeSession#shown}: the next one as soon as the current one awaits only its
     * confirming frame): its sentence, and which of how many it is (an attempt after a failure asks more than the
     * first: {@link ChallengeSession#challengesAfter}, so the owner sees why it takes longer).
     *
     * @param step  1 for the first challenge
     * @param steps the attempt's challenges (1 for the passive check)
     */
    public record Instruction(String text, int step, int steps) {}

    private final Matcher matcher;
    private final List<Gallery.Enrolled> enrolled;
    private final GalleryIndex index;
    private final LivenessMode mode;
    private final Supplier<List<Challenge>> order;
    private final FrameTimings timings;
    /** Time spent in the identity check during the current session offer, nanoseconds. */
    private long identityNanos;
    private IdentityVote vote;
    // liveness: the running session and the last frame its identity check judged
    private ChallengeSession session;
    private RgbImage checkedImage;
    private Face checkedFace;
    private boolean checkedAnswer;

    private static final Random RANDOM = new SecureRandom();

    /**
     * The active check's challenges for an attempt after {@code failedAttempts} failed face attempts since the PIN:
     * {@link ChallengeSession#challengesAfter} of them, drawn by {@link ChallengeSession#randomOrder} from a
     * {@link SecureRandom}.
     */
    public static List<Challenge> randomOrder(int failedAttempts) {
        synchronized (RANDOM) {
            return ChallengeSession.randomOrder(RANDOM, ChallengeSession.challengesAfter(failedAttempts));
        }
    }

    /**
     * @param enrolled everyone with templates of the current model (identification runs against all of them)
     * @param order    the challenges of each active attempt, asked for when it starts ({@link #randomOrder} with the
     *                 failed attempts counted so far; tests inject a fixed one)
     * @param timings  receives the liveness stage's time of each frame (the challenge's own work, the identity
     *                 check's embedding left out: its model runs are timed as such)
     */
    public UnlockAttempt(Matcher matcher, List<Gallery.Enrolled> enrolled, LivenessMode mode, Supplier<List<Challenge>> order,
            FrameTimings timings) {
        this.matcher = matcher;
        this.enrolled = enrolled;
        List<org.facegate.match.Person> people = new ArrayList<>();
        for (Gallery.Enrolled e : enrolled) people.add(new org.facegate.match.Person(e.person().name, e.samples()));
        this.index = GalleryIndex.of(people);
        this.mode = mode;
        this.order = order;
        this.timings = timings;
        reset();
    }

    /** Whether anyone enrolled may unlock: if not, face unlock is pointless. */
    public boolean anyUnlocker() {
        for (Gallery.Enrolled e : enrolled) if (e.person().mayUnlock) return true;
        return false;
    }

    /**
     * Judges one camera frame.
     *
     * @param frame      as the camera source delivers it: upright, the camera's own (unmirrored) view, so a turn to
     *                   the subject's left is one in the image too
     * @param luma       the frame's luma plane, which liveness's pixel tracking reads; null to take it from the RGB
     * @param timeMillis its capture time, which times the challenges
     * @param started    with liveness on, given the attempt's first instruction (a {@link Kind#CHALLENGE} outcome) as
     *                   soon as the frame that starts the attempt showed a face, before that frame's identity check and
     *                   challenge work, which take most of its time: the person reads it sooner and is let in sooner
     *                   (docs/liveness.md, "Owner's time to unlock"). The attempt counts from that frame on
     *                   ({@link #abandon}), so showing it then is no free look.
     */
    public Outcome frame(FaceModels models, RgbImage frame, LumaPlane luma, long timeMillis, Consumer<Outcome> started) {
        return mode == LivenessMode.OFF ? still(models, frame) : live(models, frame, luma, timeMillis, started);
    }

    private Outcome still(FaceModels models, RgbImage frame) {
        FaceResult face = models.pipeline.largest(frame);
        if (face == null) return Outcome.of(Kind.NO_FACE, null, -1, null);
        Box box = face.face().box();
        switch (vote.add(face.embedding())) {
            case CONFIRMED:
                Gallery.Enrolled who = byName(vote.confirmed());
                return end(Outcome.of(who.person().mayUnlock ? Kind.UNLOCK : Kind.FAILED, who, who.person().mayUnlock ? vote.lastScore() : vote.bestScore(), box));
            case REFUSED:
                return end(Outcome.of(Kind.FAILED, null, vote.bestScore(), box));
            default:
                return Outcome.of(Kind.LOOKING, null, vote.lastScore(), box);
        }
    }

    private Outcome live(FaceModels models, RgbImage frame, LumaPlane luma, long timeMillis, Consumer<Outcome> started) {
        if (session == null) models.liveness.reset();       // each attempt finds its face afresh
        LivenessFrame f = models.liveness.analyze(frame, luma, timeMillis);
        Box box = f.hasFace() ? f.face().box() : null;
        if (session == null) {
            if (!f.hasFace()) return Outcome.of(Kind.NO_FACE, null, -1, null);
            session = mode == LivenessMode.ACTIVE
                    ? new ChallengeSession(order.get(), ChallengeSession.MILLIS_PER_CHALLENGE, (image, face) -> identity(models, image, face), 1)
                    : ChallengeSession.passive((image, face) -> identity(models, image, face), PASSIVE_MILLIS);
            started.accept(challenge(box));
        }
        identityNanos = 0;
        long t0 = System.nanoTime();
        ChallengeSession.State state = session.offer(f);
        timings.add(FrameTimings.Stage.LIVENESS, System.nanoTime() - t0 - identityNanos);
        String confirmed = vote.confirmed();
        Gallery.Enrolled who = confirmed == null ? null : byName(confirmed);
        if (state == ChallengeSession.State.RUNNING) return challenge(box);
        if (state == ChallengeSession.State.LIVE) {
            // the identity check refuses anyone who may not unlock, so a live session has one who may
            return end(who != null && who.person().mayUnlock ? Outcome.of(Kind.UNLOCK, who, vote.lastScore(), box)
                    : Outcome.of(Kind.FAILED, who, vote.bestScore(), box));
        }
        ChallengeSession.Reason reason = session.reason();
        Challenge unmet = session.current();
        if (who == null) {
            // nobody recognized yet, the face that left before it could be identified included: a failed look, or an
            // impostor could try poses and look-alike photos for free by turning away in time
            return end(new Outcome(Kind.FAILED, null, vote.bestScore(), box, null, reason, null));
        }
        if (!who.person().mayUnlock) return end(Outcome.of(Kind.FAILED, who, vote.bestScore(), box));
        boolean timedOut = reason == ChallengeSession.Reason.TIMEOUT || reason == ChallengeSession.Reason.NOT_COMPLETED
                || reason == ChallengeSession.Reason.FACE_LOST || reason == ChallengeSession.Reason.WRONG_MOVEMENT;
        return end(new Outcome(timedOut ? Kind.TIMEOUT : Kind.SPOOF, who, vote.bestScore(), box, null, reason, timedOut ? unmet : null));
    }

    /** The running session's instruction to show now. */
    private Outcome challenge(Box box) {
        Instruction shown = new Instruction(session.instruction(), session.shown() + 1, session.challenges().size());
        return new Outcome(Kind.CHALLENGE, null, vote.lastScore(), box, shown, null, null);
    }

    /** The session's identity check: the vote goes on, and someone who may not unlock is refused at once. */
    private boolean identity(FaceModels models, RgbImage image, Face face) {
        // the session asks again about the frame that completes a challenge: same frame, same answer
        if (image == checkedImage && face == checkedFace) return checkedAnswer;
        long t0 = System.nanoTime();
        IdentityVote.State s = vote.add(models.embed(image, face));
        identityNanos += System.nanoTime() - t0;
        checkedImage = image;
        checkedFace = face;
        checkedAnswer = s == IdentityVote.State.PENDING || (s == IdentityVote.State.CONFIRMED && byName(vote.confirmed()).person().mayUnlock);
        return checkedAnswer;
    }

    private Outcome end(Outcome o) {
        reset();
        return o;
    }

    /**
     * The attempt under way is given up (the gate closes or stops looking): a failed attempt if it saw a face, so that
     * leaving the gate in time is no free look either; null if it saw none. Starts a new attempt.
     */
    public Outcome abandon() {
        boolean sawFace = session != null || vote.started();
        float score = vote.bestScore();
        reset();
        return sawFace ? Outcome.of(Kind.FAILED, null, score, null) : null;
    }

    /** Starts a new attempt. */
    public void reset() {
        vote = new IdentityVote(matcher, index);
        session = null;
        checkedImage = null;
        checkedFace = null;
    }

    private Gallery.Enrolled byName(String name) {
        for (Gallery.Enrolled e : enrolled) if (e.person().name.equals(name)) return e;
        throw new IllegalStateException("voted for unknown " + name);
    }
}
