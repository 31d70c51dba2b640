package org.facegate.gate;

import org.facegate.detect.Face;
import org.facegate.image.RgbImage;

/**
 * The gate's seam for presentation-attack detection: asked about every frame whose face matched, before the gate
 * opens. facecore's liveness package is being written; until it is wired in here, {@link #NONE} lets every matched
 * face through, so a photo of the owner opens the gate. Called on the inference thread.
 */
public interface LivenessCheck {
    /** What a check concluded so far. */
    enum Verdict {
        /** A live face: the gate may open. */
        LIVE,
        /** A photo, screen or mask: the attempt fails. */
        SPOOF,
        /** Needs more frames (e.g. a head-turn challenge in progress). */
        UNDECIDED
    }

    /** Judges the face in one frame; frames of one attempt come in order. */
    Verdict check(RgbImage frame, Face face);

    /** A new attempt begins (forget earlier frames). */
    void reset();

    /** No liveness check (the default until facecore's liveness package lands). */
    LivenessCheck NONE = new LivenessCheck() {
        @Override
        public Verdict check(RgbImage frame, Face face) {
            return Verdict.LIVE;
        }

        @Override
        public void reset() {}
    };
}
