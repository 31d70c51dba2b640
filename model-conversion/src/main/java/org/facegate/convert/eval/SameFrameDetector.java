package org.facegate.convert.eval;

import java.util.List;
import org.facegate.detect.Face;
import org.facegate.detect.FaceDetector;
import org.facegate.image.RgbImage;

/**
 * Shares one detector's result among several pipelines that process the same frame, so comparing N embedding
 * variants through facecore's {@link org.facegate.pipeline.FacePipeline} costs one detection per image, not N, and
 * every variant sees exactly the same faces. The cache is keyed by frame identity and holds only the last frame.
 * Does not own the wrapped detector.
 */
public final class SameFrameDetector implements FaceDetector {
    private final FaceDetector detector;
    private RgbImage lastFrame;
    private List<Face> lastFaces;

    public SameFrameDetector(FaceDetector detector) {
        this.detector = detector;
    }

    @Override
    public List<Face> detect(RgbImage image) {
        if (image != lastFrame) {
            lastFaces = detector.detect(image);
            lastFrame = image;
        }
        return lastFaces;
    }

    @Override
    public String name() {
        return detector.name();
    }

    @Override
    public void close() {
        lastFrame = null;
        lastFaces = null;
    }
}
