package org.facegate.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Non-maximum suppression over scored faces. */
public final class Nms {
    private Nms() {}

    /** Keeps the highest-scoring face of every group overlapping by more than {@code iou}. */
    public static List<Face> hard(List<Face> faces, float iou) {
        List<Face> sorted = new ArrayList<>(faces);
        sorted.sort(Comparator.comparing(Face::score).reversed());
        List<Face> kept = new ArrayList<>();
        for (Face f : sorted) {
            boolean overlaps = false;
            for (Face k : kept) {
                if (k.box().iou(f.box()) > iou) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) kept.add(f);
        }
        return kept;
    }

    /**
     * Weighted NMS: the best remaining face suppresses every face overlapping it by more than {@code suppressIou},
     * and its box and keypoints become the score-weighted mean of those overlapping it by more than
     * {@code mergeIou} (itself included), with the best score. Averaging the detections of one face steadies its
     * box and landmarks, since dense SSD anchors fire several times per face.
     *
     * <p>MediaPipe merges everything it suppresses ({@code mergeIou == suppressIou}). That also averages in the
     * detections of a second face half hidden behind the first, and moves the keypoints off both: on an LFW photo
     * of a man with a woman's face overlapping his (IoU 0.6-0.7 with the best box, while the repeated detections of
     * one face overlap by 0.8-1.0), the merged eyes sat between the two faces. A {@code mergeIou} above
     * {@code suppressIou} averages only the detections of the same face and still reports one face per group.
     *
     * @param suppressIou overlap above which a face is dropped as part of the best one's group
     * @param mergeIou    overlap above which it is also averaged into the best one; at least {@code suppressIou}
     */
    public static List<Face> weighted(List<Face> faces, float suppressIou, float mergeIou) {
        if (mergeIou < suppressIou) throw new IllegalArgumentException("mergeIou " + mergeIou + " < suppressIou " + suppressIou);
        List<Face> remaining = new ArrayList<>(faces);
        remaining.sort(Comparator.comparing(Face::score).reversed());
        List<Face> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Face best = remaining.get(0);
            List<Face> merged = new ArrayList<>();
            List<Face> rest = new ArrayList<>();
            for (Face f : remaining) {
                float overlap = best.box().iou(f.box());
                if (f == best || overlap > mergeIou) merged.add(f);
                else if (overlap <= suppressIou) rest.add(f);
            }
            out.add(merge(best, merged));
            remaining = rest;
        }
        return out;
    }

    private static Face merge(Face best, List<Face> group) {
        double w = 0, l = 0, t = 0, r = 0, b = 0;
        double[] kp = new double[12];
        for (Face f : group) {
            double s = f.score();
            w += s;
            l += s * f.box().left();
            t += s * f.box().top();
            r += s * f.box().right();
            b += s * f.box().bottom();
            Point[] p = points(f.landmarks());
            for (int i = 0; i < 6; i++) {
                if (p[i] == null) continue;
                kp[2 * i] += s * p[i].x();
                kp[2 * i + 1] += s * p[i].y();
            }
        }
        Point[] bp = points(best.landmarks());
        Point[] m = new Point[6];
        for (int i = 0; i < 6; i++) m[i] = bp[i] == null ? null : new Point((float) (kp[2 * i] / w), (float) (kp[2 * i + 1] / w));
        Box box = new Box((float) (l / w), (float) (t / w), (float) (r / w), (float) (b / w));
        return new Face(box, best.score(), new Landmarks(m[0], m[1], m[2], m[3], m[4], m[5]));
    }

    private static Point[] points(Landmarks k) {
        return new Point[] {k.leftEye(), k.rightEye(), k.nose(), k.mouthLeft(), k.mouthRight(), k.mouthCenter()};
    }
}
