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
        for (Face f : faces) out.add(new FaceResult(f, embedder.embed(frame, alignment.transform(f))));
        return out;
    }

    /**
     * The one face a verification image is about: the largest, or null when there is none. For evaluation and
     * one-face photos; enrollment goes through the quality gate, which refuses several faces.
     */
    public FaceResult largest(RgbImage frame) {
        List<Face> faces = detector.detect(frame);
        Face best = null;
        for (Face f : faces) if (best == null || f.box().area() > best.box().area()) best = f;
        return best == null ? null : new FaceResult(best, embedder.embed(frame, alignment.transform(best)));
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
