package org.facegate.align;

import org.facegate.detect.Box;
import org.facegate.detect.Face;

/** How a detected face becomes the embedder's square input. */
public enum Alignment {
    /** Similarity transform from the landmarks to the 112x112 template: what FaceGate uses. */
    LANDMARKS {
        @Override
        public double[] transform(Face face) {
            return Aligner.transform(face.landmarks());
        }
    },
    /**
     * The detector's box stretched to the square input, no landmarks: what comparable apps do. Kept as the baseline
     * that benchmarks measure FaceGate against (~89.5% on LFW against ~99% aligned).
     */
    STRETCHED_BOX {
        @Override
        public double[] transform(Face face) {
            Box b = face.box();
            return new double[] {b.width() / Aligner.SIZE, 0, b.left(), 0, b.height() / Aligner.SIZE, b.top()};
        }
    };

    /** Affine map from 112x112 crop coordinates to source-image coordinates. */
    public abstract double[] transform(Face face);
}
