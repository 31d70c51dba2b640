package org.facegate.testing;

import android.graphics.Bitmap;
import java.util.ArrayList;
import java.util.List;
import org.facegate.detect.Box;
import org.facegate.detect.Face;
import org.facegate.engine.FaceModels;

/**
 * The registry's group photo {@code sample1.jpg} (three women) cut into camera-like frames of one woman each, for tests
 * that must run without LFW: person 0, 1, 2 from left to right.
 */
public final class GroupPhoto {
    public final Bitmap photo;
    /** Face boxes, left to right. */
    public final List<Box> faces = new ArrayList<>();

    public GroupPhoto() throws Exception {
        photo = Photos.bitmap(Photos.sample(1));
        try (FaceModels m = TestModels.open()) {
            for (Face f : m.detector.detect(Photos.rgb(photo))) faces.add(f.box());
        }
        faces.sort((a, b) -> Float.compare(a.left(), b.left()));
        if (faces.size() != 3) throw new AssertionError("expected 3 faces in sample1.jpg, found " + faces.size());
    }

    /**
     * A frame of person {@code i}: a square {@code margin} face widths wide around the face, scaled to
     * {@code size} pixels (different margins and sizes give different, equally valid views of the same face).
     */
    public Bitmap person(int i, float margin, int size) {
        Box b = faces.get(i);
        float cx = (b.left() + b.right()) / 2, cy = (b.top() + b.bottom()) / 2, half = b.width() * margin / 2;
        int left = Math.max(0, Math.round(cx - half)), top = Math.max(0, Math.round(cy - half));
        int right = Math.min(photo.getWidth(), Math.round(cx + half)), bottom = Math.min(photo.getHeight(), Math.round(cy + half));
        Bitmap crop = Bitmap.createBitmap(photo, left, top, right - left, bottom - top);
        return Bitmap.createScaledBitmap(crop, size, Math.round(size * (bottom - top) / (float) (right - left)), true);
    }
}
