package org.facegate.diagnostics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.facegate.camera.CameraSetup;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/** The report's text from given facts (Robolectric only because the frame turn comes from CameraGeometry). */
@RunWith(RobolectricTestRunner.class)
public class DiagnosticsReportTest {
    private static final DiagnosticsReport.Device PHONE = new DiagnosticsReport.Device("Google Pixel 7", "14 (API 34)",
            List.of("arm64-v8a", "armeabi-v7a"), 16384);

    private static FrameTimings.Summary frames() {
        FrameTimings t = new FrameTimings();
        for (int i = 0; i < 30; i++) {
            t.begin();
            t.add(FrameTimings.Stage.DETECT, 4_000_000);
            t.add(FrameTimings.Stage.EMBED, 9_000_000);
            if (i == 20) t.firstInstruction(4_500_000);
            t.frameDone(3_000_000, 20_000_000, 200L * i);
        }
        return t.summary();
    }

    @Test
    public void aPhoneThatHasBeenLooking() {
        String text = new DiagnosticsReport("FaceGate 0.1.0 (1)", PHONE,
                "TFLite 2.16.1 (Android), GPU delegate, CPU 2 threads\n"
                        + "face_detection_short_range.tflite: GPU (fp16 allowed)\n"
                        + "face_detection_short_range.tflite: GPU (fp16 allowed)\n"
                        + "mobilefacenet-fp16.tflite: CPU (GPU refused the model: op X, CPU instead)\n"
                        + "no GPU self-test: the embedder runs on the CPU",
                412, null, new CameraSetup("1", "640x480", "1440x1080", 270, "fixed focus (no continuous mode listed)"), 90, frames()).format();
        assertTrue(text, text.startsWith("FaceGate 0.1.0 (1) diagnostics\n"));
        assertTrue(text, text.contains("Device: Google Pixel 7\nAndroid: 14 (API 34)\nABIs: arm64-v8a, armeabi-v7a\nMemory page size: 16384 bytes\n"));
        assertTrue(text, text.contains("Face recognition: available\n"));
        assertTrue(text, text.contains("Inference runtime: TFLite 2.16.1 (Android), GPU delegate, CPU 2 threads\nModels, opened in 412 ms:\n"
                + "  face_detection_short_range.tflite: GPU (fp16 allowed) (x2)\n  mobilefacenet-fp16.tflite: CPU (GPU refused the model: op X, CPU instead)\n"
                + "  no GPU self-test: the embedder runs on the CPU\n"));
        assertTrue(text, text.contains("Camera: 1, analysis 640x480, preview 1440x1080\n"));
        assertTrue("landscape: a 270-degree front sensor's frames need no turn: " + text,
                text.contains("Orientation: sensor at 270°, display at 90°, frames turned 0°\n"));
        assertTrue(text, text.contains("Last 30 processed frames: 5.0 per second; mean ms per frame:\n"));
        assertTrue(text, text.contains("Last attempt's first instruction: shown 4.5 ms into its frame's 20.0 ms of analysis (share 0.23)\n"));
        assertTrue(text, text.contains("  convert       3.0\n  detect        4.0\n  mesh          0.0\n  embed         9.0\n  liveness      0.0\n"
                + "  other         7.0\n  total        23.0\n"));
    }

    @Test
    public void beforeAnythingWasOpenedAndWhenFaceRecognitionCannotRun() {
        DiagnosticsReport.Device unknownPages = new DiagnosticsReport.Device("Google Pixel 7", "14 (API 34)", List.of("arm64-v8a"), -1);
        String text = new DiagnosticsReport("FaceGate 0.1.0 (1)", unknownPages, null, -1, "the face models cannot be opened on this phone: dlopen failed",
                null, 0, new FrameTimings().summary()).format();
        assertTrue(text, text.contains("Face recognition: unavailable: the face models cannot be opened on this phone: dlopen failed\n"));
        assertTrue(text, text.contains("Inference runtime: not started yet"));
        assertTrue(text, text.contains("Memory page size: unknown (sysconf refused)\n"));
        assertTrue(text, text.contains("Camera: not started yet\n"));
        assertTrue(text, text.contains("Frames: none processed yet"));
    }

    @Test
    public void measurementsCanBeReplacedAndNothingElseChanges() {
        DiagnosticsReport r = new DiagnosticsReport("FaceGate 0.1.0 (1)", PHONE, "TFLite x\nm: CPU", 9, null, null, 0, new FrameTimings().summary());
        DiagnosticsReport fixed = r.withMeasurements(400, frames());
        assertEquals(400, fixed.openMillis());
        assertEquals(30, fixed.frames().frames());
        assertEquals(r.modelReport(), fixed.modelReport());
        assertEquals(r.device(), fixed.device());
    }
}
