package org.facegate.detect;

import java.util.ArrayList;
import java.util.List;
import org.facegate.image.RgbImage;

/**
 * Detects a second time in a crop around every face that is small in the frame. BlazeFace sees the whole frame at
 * 128x128, where a face of a large group photo spans about 20 pixels: its box is right but its keypoints are too
 * coarse to align by. Measured on the face-api demo group photo (sample1, middle face, head tilted): the face embedded
 * from the full photo and from a crop around it agreed only 0.20 (BlazeFace) and 0.74 (with face-mesh refinement),
 * against 0.997 for MTCNN, which works at full resolution. In the crop the face fills the detector's input as in a
 * selfie. Faces that are already large (selfie camera frames, LFW) pass through untouched.
 */
public final class ZoomingDetector implements FaceDetector {
    /** A face whose longer box side is below this fraction of the frame's longer side is detected again. */
    static final float SMALL = 0.25f;
    /** Crop side over the face's longer box side: the face with its head and some background, as in a selfie. */
    static final float CONTEXT = 2.2f;

    private final FaceDetector inner;

    /** @param inner the detector to run on the frame and on the crops; owned (closed) by this one */
    public ZoomingDetector(FaceDetector inner) {
        this.inner = inner;
    }

    @Override
    public List<Face> detect(RgbImage image) {
        List<Face> faces = inner.detect(image);
        float small = SMALL * Math.max(image.width(), image.height());
        List<Face> out = new ArrayList<>(faces.size());
        for (Face f : faces) out.add(Math.max(f.box().width(), f.box().height()) < small ? zoomed(image, f) : f);
        return out;
    }

    /** The face found again in a crop around it, in frame pixels; the first detection if the crop finds no match. */
    private Face zoomed(RgbImage image, Face f) {
        Box crop = f.box().squareCrop(CONTEXT, image.width(), image.height());
        if (crop.width() < 2 || crop.height() < 2) return f;
        int x0 = (int) crop.left(), y0 = (int) crop.top();
        Face best = null;
        float bestIou = 0.3f; // the same face, not a neighbour reaching into the crop
        for (Face c : inner.detect(image.crop(x0, y0, (int) crop.width(), (int) crop.height()))) {
            Face moved = new Face(c.box().translated(x0, y0), c.score(), c.landmarks().translated(x0, y0));
            float iou = moved.box().iou(f.box());
            if (iou > bestIou) {
                bestIou = iou;
                best = moved;
            }
        }
        return best != null ? best : f;
    }

    /** The wrapped detector (to reach its own methods, e.g. {@link MeshRefinedDetector#refine}). */
    public FaceDetector inner() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void close() {
        inner.close();
    }
}
