package org.facegate.gate;

import org.facegate.embed.Embedding;
import org.facegate.match.FrameVoter;
import org.facegate.match.GalleryIndex;
import org.facegate.match.Identification;
import org.facegate.match.Matcher;

/**
 * Who is at the gate, frame by frame, by facecore's multi-frame agreement: a person is confirmed once {@link #VOTES}
 * of the last {@link #WINDOW} frames identify them, and {@link #WINDOW} frames without that refuse the attempt (a
 * passing resemblance in one frame opens nothing). Once confirmed, every further frame keeps the same rule ({@link
 * #VOTES} of the last {@link #WINDOW} still that person), so during a liveness challenge one poor frame (eyes shut in
 * a blink, a turned head) is forgiven while a different face is refused within two frames. Lives on the inference
 * thread.
 */
final class IdentityVote {
    /** Frames that must agree, out of how many. */
    static final int VOTES = 2, WINDOW = 3;

    enum State { PENDING, CONFIRMED, REFUSED }

    private final Matcher matcher;
    private final GalleryIndex index;
    private final FrameVoter voter = new FrameVoter(VOTES, WINDOW);
    private State state = State.PENDING;
    private String confirmed;
    private int frames;
    private float bestScore = -1, lastScore = -1;

    IdentityVote(Matcher matcher, GalleryIndex index) {
        this.matcher = matcher;
        this.index = index;
    }

    /** Adds the next frame's face. */
    State add(Embedding face) {
        if (state == State.REFUSED) return state;
        Identification id = matcher.identify(face, index);
        lastScore = id.score();
        bestScore = Math.max(bestScore, lastScore);
        String agreed = voter.add(id);
        frames++;
        if (confirmed == null) {
            if (agreed != null) {
                confirmed = agreed;
                state = State.CONFIRMED;
            } else if (frames >= WINDOW) {
                state = State.REFUSED;
            }
        } else if (!confirmed.equals(agreed)) {
            state = State.REFUSED;
        }
        return state;
    }

    /** Whether a face has been added. */
    boolean started() {
        return frames > 0;
    }

    State state() {
        return state;
    }

    /** The person the frames agreed on, null before. */
    String confirmed() {
        return confirmed;
    }

    /** Best similarity seen (what a failed attempt logs). */
    float bestScore() {
        return bestScore;
    }

    /** Similarity of the last frame. */
    float lastScore() {
        return lastScore;
    }
}
