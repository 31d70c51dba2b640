package org.facegate.gate;

import java.util.ArrayList;
import java.util.List;
import org.facegate.detect.Box;
import org.facegate.image.RgbImage;
import org.facegate.match.FrameVoter;
import org.facegate.match.GalleryIndex;
import org.facegate.match.Identification;
import org.facegate.match.Matcher;
import org.facegate.pipeline.FacePipeline;
import org.facegate.pipeline.FaceResult;
import org.facegate.store.Gallery;

/**
 * Face unlock, frame by frame. The face nearest the camera is identified against everyone enrolled (so a member who
 * may not unlock is recognized as themselves, not mistaken for someone who may); the gate opens when
 * {@link #VOTES} of the last {@link #WINDOW} frames agree on a person who may unlock and the liveness check says live
 * (while it is still undecided the attempt goes on; a spoof verdict fails it).
 * A window of frames with a face and no such agreement is one failed attempt (what the lockout counts): a passing
 * resemblance in one frame does not open the gate, and a single look that fails is one failure, not three.
 * Lives on the inference thread.
 */
public final class UnlockAttempt {
    /** Frames that must agree, out of how many; frames with a face that make one attempt. */
    public static final int VOTES = 2, WINDOW = 3, FRAMES_PER_ATTEMPT = WINDOW;

    /** What a frame led to. */
    public enum Kind { NO_FACE, LOOKING, UNLOCK, FAILED }

    /**
     * @param kind   the decision
     * @param person who unlocked (UNLOCK), or who was recognized but may not unlock (FAILED), else null
     * @param score  best similarity of the frame, or of the attempt when it failed
     * @param box    the face, in frame pixels (null without a face)
     */
    public record Outcome(Kind kind, Gallery.Enrolled person, float score, Box box) {}

    private final Matcher matcher;
    private final List<Gallery.Enrolled> enrolled;
    private final GalleryIndex index;
    private final LivenessCheck liveness;
    private final FrameVoter voter = new FrameVoter(VOTES, WINDOW);
    private int frames;
    private float bestScore = -1;

    /** @param enrolled everyone with templates of the current model (identification runs against all of them) */
    public UnlockAttempt(Matcher matcher, List<Gallery.Enrolled> enrolled, LivenessCheck liveness) {
        this.matcher = matcher;
        this.enrolled = enrolled;
        List<org.facegate.match.Person> people = new ArrayList<>();
        for (Gallery.Enrolled e : enrolled) people.add(new org.facegate.match.Person(e.person().name, e.samples()));
        this.index = GalleryIndex.of(people);
        this.liveness = liveness;
    }

    /** Whether anyone enrolled may unlock: if not, face unlock is pointless. */
    public boolean anyUnlocker() {
        for (Gallery.Enrolled e : enrolled) if (e.person().mayUnlock) return true;
        return false;
    }

    /** Judges one camera frame. */
    public Outcome frame(FacePipeline pipeline, RgbImage frame) {
        FaceResult face = pipeline.largest(frame);
        if (face == null) return new Outcome(Kind.NO_FACE, null, -1, null);
        Identification id = matcher.identify(face.embedding(), index);
        bestScore = Math.max(bestScore, id.score());
        LivenessCheck.Verdict live = id.known() ? liveness.check(frame, face.face()) : LivenessCheck.Verdict.UNDECIDED;
        if (live == LivenessCheck.Verdict.SPOOF) {
            float score = bestScore;
            reset();
            return new Outcome(Kind.FAILED, null, score, face.face().box());
        }
        String confirmed = voter.add(id);
        if (confirmed != null) {
            Gallery.Enrolled who = byName(confirmed);
            if (!who.person().mayUnlock || live == LivenessCheck.Verdict.LIVE) {
                float score = id.score();
                reset();
                return new Outcome(who.person().mayUnlock ? Kind.UNLOCK : Kind.FAILED, who, score, face.face().box());
            }
            // recognized, liveness still deciding (e.g. a challenge under way): the check sets its own time limit
            return new Outcome(Kind.LOOKING, null, id.score(), face.face().box());
        }
        if (++frames >= FRAMES_PER_ATTEMPT) {
            float score = bestScore;
            reset();
            return new Outcome(Kind.FAILED, null, score, face.face().box());
        }
        return new Outcome(Kind.LOOKING, null, id.score(), face.face().box());
    }

    /** Starts a new attempt. */
    public void reset() {
        voter.reset();
        liveness.reset();
        frames = 0;
        bestScore = -1;
    }

    private Gallery.Enrolled byName(String name) {
        for (Gallery.Enrolled e : enrolled) if (e.person().name.equals(name)) return e;
        throw new IllegalStateException("voted for unknown " + name);
    }
}
