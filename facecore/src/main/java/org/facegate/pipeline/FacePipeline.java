package org.facegate.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.facegate.align.Alignment;
import org.facegate.detect.Face;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Embedder;
import org.facegate.image.RgbImage;

/**
 * Frame to embeddings: detect every face, align each to the 112x112 template, embed it. Owns neither stage:
 * the caller closes the detector and embedder. Not thread-safe (the stages reuse buffers).
 */
public final class FacePipeline {
    private final FaceDetector detector;
    private final Embedder embedder;
    private final Alignment alignment;

    /** The standard pipeline: landmark alignment. */
    public FacePipeline(FaceDetector detector, Embedder embedder) {
        this(detector, embedder, Alignment.LANDMARKS);
    }

    /** A pipeline with another alignment (benchmark baselines). */
    public FacePipeline(FaceDetector detector, Embedder embedder, Alignment alignment) {
        this.detector = detector;
        this.embedder = embedder;
        this.alignment = alignment;
    }

    /** All faces of the frame with their embeddings, highest detection score first. */
    public List<FaceResult> process(RgbImage frame) {
        List<Face> faces = detector.detect(frame);
        List<FaceResult> out = new ArrayList<>(faces.size());
        for (Face f : faces) out.add(embed(frame, f));
        return out;
    }

    /**
     * The face a camera frame is about: the largest (nearest the camera), or null when there is none. The gate
     * verifies this face; enrollment goes through the quality gate, which refuses a second face of similar size.
     */
    public FaceResult largest(RgbImage frame) {
        Face best = null;
        for (Face f : detector.detect(frame)) if (best == null || f.box().area() > best.box().area()) best = f;
        return embed(frame, best);
    }

    /**
     * The face nearest the image centre, or null when there is none: the labeled person of a face data set such
     * as LFW, whose photos are centred on them while a larger face sometimes stands nearby (picking the largest
     * face costs about one point of LFW accuracy).
     */
    public FaceResult central(RgbImage frame) {
        Face best = null;
        double bestDist = Double.MAX_VALUE;
        for (Face f : detector.detect(frame)) {
            double dx = (f.box().left() + f.box().right() - frame.width()) / 2.0;
            double dy = (f.box().top() + f.box().bottom() - frame.height()) / 2.0;
            if (dx * dx + dy * dy < bestDist) {
                bestDist = dx * dx + dy * dy;
                best = f;
            }
        }
        return embed(frame, best);
    }

    private FaceResult embed(RgbImage frame, Face face) {
        return face == null ? null : new FaceResult(face, embedder.embed(frame, alignment.transform(face)));
    }

    public Alignment alignment() {
        return alignment;
    }

    public FaceDetector detector() {
        return detector;
    }

    public Embedder embedder() {
        return embedder;
    }
}
