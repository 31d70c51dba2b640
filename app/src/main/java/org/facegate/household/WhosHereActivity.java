package org.facegate.household;

import android.os.Bundle;
import android.widget.TextView;
import java.util.ArrayList;
import java.util.List;
import org.facegate.R;
import org.facegate.camera.CameraFrame;
import org.facegate.detect.Box;
import org.facegate.engine.FaceModels;
import org.facegate.match.GalleryIndex;
import org.facegate.match.Identification;
import org.facegate.match.Matcher;
import org.facegate.pipeline.FaceResult;
import org.facegate.store.Gallery;
import org.facegate.ui.CameraActivity;
import org.facegate.ui.FaceOverlayView;

/**
 * "Who's here": every face in view, labeled with the person's name or "unknown", each name confirmed by facecore's
 * multi-frame agreement ({@link Tracker}). Open to anyone past the gate; names only, no management.
 */
public final class WhosHereActivity extends CameraActivity {
    private TextView names;
    // inference thread
    private final Tracker tracker = new Tracker();
    private GalleryIndex index;
    private Matcher matcher;
    private volatile boolean reload = true;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.whos_here_activity);
        names = findViewById(R.id.whos_here_names);
        attachCamera(findViewById(R.id.whos_here_camera));
    }

    @Override
    protected void onResume() {
        super.onResume();
        reload = true;          // people may have been added or renamed meanwhile
    }

    @Override
    protected Runnable analyze(FaceModels models, CameraFrame frame) {
        if (reload) {
            List<org.facegate.match.Person> people = new ArrayList<>();
            for (Gallery.Enrolled e : services.gallery().load(models.modelId).enrolled()) {
                people.add(new org.facegate.match.Person(e.person().name, e.samples()));
            }
            index = GalleryIndex.of(people);
            matcher = new Matcher(services.settings.securityLevel());
            tracker.reset();
            reload = false;
        }
        List<Box> boxes = new ArrayList<>();
        List<Identification> ids = new ArrayList<>();
        for (FaceResult f : models.pipeline.process(frame.image())) {
            boxes.add(f.face().box());
            ids.add(matcher.identify(f.embedding(), index));
        }
        List<Tracker.Label> labels = tracker.frame(boxes, ids);
        int width = frame.image().width(), height = frame.image().height();
        return () -> show(width, height, labels);
    }

    private void show(int width, int height, List<Tracker.Label> labels) {
        List<FaceOverlayView.Mark> marks = new ArrayList<>();
        List<String> line = new ArrayList<>();
        String unknown = getString(R.string.whos_here_unknown);
        // left to right on the screen, as the names are read: the preview is mirrored, so right to left in the frame
        List<Tracker.Label> sorted = new ArrayList<>(labels);
        sorted.sort((a, b) -> Float.compare(b.box().right(), a.box().right()));
        for (Tracker.Label l : sorted) {
            String text = l.name() != null ? l.name() : l.decided() ? unknown : "…";
            marks.add(new FaceOverlayView.Mark(l.box(), text, l.name() != null ? 0xFF43A047 : 0xFFFFFFFF));
            if (l.decided()) line.add(text);
        }
        overlay.show(width, height, marks);
        names.setText(labels.isEmpty() ? getString(R.string.whos_here_nobody) : String.join(", ", line));
    }
}
