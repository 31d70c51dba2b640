package org.facegate.household;

import java.util.ArrayList;
import java.util.List;
import org.facegate.detect.Box;
import org.facegate.match.FrameVoter;
import org.facegate.match.Identification;

/**
 * Follows faces from frame to frame (by box overlap) and gives each its own {@link FrameVoter}, so every face in view
 * gets a name only once several frames agree on it, and a face that walks off takes its votes with it.
 */
final class Tracker {
    static final int VOTES = 2, WINDOW = 3;
    /** Least overlap (IoU) between a face and the same face in the previous frame. */
    static final float SAME_FACE_IOU = 0.3f;

    /** One face in view: where it is, and the name confirmed so far (null while undecided). */
    record Label(Box box, String name, boolean decided) {}

    private static final class Track {
        Box box;
        final FrameVoter voter = new FrameVoter(VOTES, WINDOW);
        int frames;
    }

    private List<Track> tracks = new ArrayList<>();

    /** Adds one frame's faces and their identifications (same order); returns a label per face. */
    List<Label> frame(List<Box> boxes, List<Identification> ids) {
        List<Track> next = new ArrayList<>();
        List<Label> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            Track best = null;
            float bestIou = SAME_FACE_IOU;
            for (Track t : tracks) {
                float iou = t.box.iou(b);
                if (iou >= bestIou && !next.contains(t)) {
                    best = t;
                    bestIou = iou;
                }
            }
            if (best == null) best = new Track();
            best.box = b;
            best.frames++;
            String name = best.voter.add(ids.get(i));
            next.add(best);
            // "unknown" only once the window is full without agreement; before that the face is still being looked at
            out.add(new Label(b, name, name != null || best.frames >= WINDOW));
        }
        tracks = next;
        return out;
    }

    void reset() {
        tracks = new ArrayList<>();
    }
}
