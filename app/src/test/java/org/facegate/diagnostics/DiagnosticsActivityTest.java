package org.facegate.diagnostics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import android.content.ClipboardManager;
import android.content.Context;
import android.graphics.Bitmap;
import java.util.List;
import org.facegate.R;
import org.facegate.diagnostics.FrameTimings.Stage;
import org.facegate.engine.FaceModels;
import org.facegate.enroll.Enroller;
import org.facegate.enroll.QualityGate;
import org.facegate.enroll.QualityReport;
import org.facegate.gate.GateActivity;
import org.facegate.image.RgbImage;
import org.facegate.match.Matcher;
import org.facegate.match.SecurityLevel;
import org.facegate.settings.SettingsActivity;
import org.facegate.store.Role;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.facegate.testing.GroupPhoto;
import org.facegate.testing.Photos;
import org.facegate.testing.TestModels;
import org.junit.Test;

/**
 * The diagnostics screen after the gate has looked at the owner (the registry's group photo, liveness active: the
 * challenge runs on every frame): the report names the runtime, every model's placement, the camera, and where the
 * frames' time went, stage by stage, as measured; "Copy report" puts exactly that on the clipboard; owner only.
 */
public class DiagnosticsActivityTest extends AppTest {
    private long ownerLooked() throws Exception {
        Bitmap ada = new GroupPhoto().person(1, 2.5f, 480);
        createPin("Ada");
        long id;
        try (FaceModels m = TestModels.open()) {
            Enroller e = new Enroller(m.detector, m.embedder, QualityGate.DEFAULT, new Matcher(SecurityLevel.standard()));
            RgbImage img = Photos.rgb(ada);
            QualityReport r = e.check(img);
            id = enroll("Ada", Role.OWNER, true, List.of(e.sample(img, r)), m.modelId);
        }
        show(ada);
        GateActivity gate = start(GateActivity.class);
        Await.until(() -> "frames timed: " + services.timings.summary().frames() + ", " + statusOf(gate),
                () -> services.timings.summary().frames() >= 3 && services.timings.summary().millis(Stage.LIVENESS) > 0);
        controller(gate).pause().stop().destroy();
        return id;
    }

    @Test
    public void reportsWhatTheGateMeasuredAndCopiesIt() throws Exception {
        long id = ownerLooked();
        services.session.unlock(id, "Ada", Role.OWNER);
        SettingsActivity settings = start(SettingsActivity.class);
        settings.findViewById(R.id.settings_diagnostics).performClick();
        DiagnosticsActivity d = follow(settings, DiagnosticsActivity.class);
        String text = text(d, R.id.diagnostics_report);
        assertTrue(text, text.startsWith("FaceGate 0.1.0 (1) diagnostics"));
        assertTrue(text, text.contains("Face recognition: available"));
        assertTrue(text, text.matches("(?s).*Inference runtime: TFLite [0-9.]+ \\(desktop, DJL\\).*"));
        for (String model : List.of("face_detection_short_range.tflite: CPU", "face_landmark.tflite: CPU", "mobilefacenet-fp16.tflite: CPU")) {
            assertTrue(model + " in " + text, text.contains("  " + model));
        }
        assertTrue(text, text.matches("(?s).*Models, opened in [0-9]+ ms:.*"));
        assertTrue(text, text.contains("Camera: replay"));
        assertTrue(text, text.contains("Orientation: sensor at 270°, display at 0°, frames turned 270°"));
        assertTrue(text, text.matches("(?s).*Last [0-9]+ processed frames: [0-9.]+ per second.*"));
        FrameTimings.Summary s = services.timings.summary();
        for (Stage stage : Stage.values()) assertTrue(stage + " measured: " + text, s.millis(stage) > 0);
        // the attempt's first instruction was shown before its frame's identity check and challenge work were done
        assertTrue(text, text.matches("(?s).*Last attempt's first instruction: shown [0-9.]+ ms into its frame's [0-9.]+ ms of analysis \\(share 0\\.[0-9]+\\)\n.*"));

        d.findViewById(R.id.diagnostics_copy).performClick();
        ClipboardManager clipboard = (ClipboardManager) app.getSystemService(Context.CLIPBOARD_SERVICE);
        assertEquals(text, clipboard.getPrimaryClip().getItemAt(0).getText().toString());
    }

    @Test
    public void onlyTheOwnerSeesIt() {
        createPin("Ada");
        services.session.unlock(7, "Bea", Role.MEMBER);
        DiagnosticsActivity d = start(DiagnosticsActivity.class);
        assertTrue(d.isFinishing());
    }
}
