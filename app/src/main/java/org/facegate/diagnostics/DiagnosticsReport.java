package org.facegate.diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.facegate.camera.CameraGeometry;
import org.facegate.camera.CameraSetup;

/**
 * What a user sends with a bug report, and the first thing anyone needs on a new phone: the device, the inference
 * runtime and where each model runs (and why), how long the models took to open, where the time of the last processed
 * frames went, and the camera's setup. {@link #format} is the text the screen shows and "Copy report" copies.
 *
 * @param app            "FaceGate 0.1.0 (1)"
 * @param device         the phone
 * @param modelReport    the engine's report: the runtime on its first line, then one line per model (file: where it
 *                       runs, and why) and the GPU self-test's finding; null before the models were first opened
 * @param openMillis     what opening the models took, or -1 before they were first opened
 * @param unavailable    why face recognition cannot run in this process, or null
 * @param camera         the last camera screen's camera, or null before one started
 * @param displayDegrees the display's rotation now (the frames' turn follows it)
 * @param frames         the last processed frames
 */
public record DiagnosticsReport(String app, Device device, String modelReport, long openMillis, String unavailable, CameraSetup camera,
        int displayDegrees, FrameTimings.Summary frames) {

    /**
     * The phone.
     *
     * @param model    manufacturer and model, "Google Pixel 7"
     * @param android  release and API level, "14 (API 34)"
     * @param abis     supported ABIs, preferred first
     * @param pageSize memory page size, bytes (16384 on 16 KB-page devices, where 4 KB-aligned native libraries fail to load)
     */
    public record Device(String model, String android, List<String> abis, long pageSize) {}

    /** The same report with other measurements (the screenshots fix them, so that two runs draw the same image). */
    public DiagnosticsReport withMeasurements(long openMillis, FrameTimings.Summary frames) {
        return new DiagnosticsReport(app, device, modelReport, openMillis, unavailable, camera, displayDegrees, frames);
    }

    /** The report as text, one fact per line. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(app).append(" diagnostics\n\n");
        sb.append("Device: ").append(device.model()).append('\n');
        sb.append("Android: ").append(device.android()).append('\n');
        sb.append("ABIs: ").append(String.join(", ", device.abis())).append('\n');
        sb.append("Memory page size: ").append(device.pageSize() > 0 ? device.pageSize() + " bytes" : "unknown (sysconf refused)").append("\n\n");

        sb.append("Face recognition: ").append(unavailable == null ? "available" : "unavailable: " + unavailable).append('\n');
        if (modelReport == null) {
            sb.append("Inference runtime: not started yet (no camera screen has opened the models in this process)\n");
        } else {
            String[] lines = modelReport.split("\n");
            sb.append("Inference runtime: ").append(lines[0]).append('\n');
            sb.append("Models, opened in ").append(openMillis).append(" ms:\n");
            // the liveness analyzer opens its own detector and mesh: the same line twice, said once with a count
            Map<String, Integer> counted = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) counted.merge(lines[i], 1, Integer::sum);
            for (Map.Entry<String, Integer> e : counted.entrySet()) {
                sb.append("  ").append(e.getKey()).append(e.getValue() > 1 ? " (x" + e.getValue() + ")" : "").append('\n');
            }
        }
        sb.append('\n');

        if (frames.frames() == 0) {
            sb.append("Frames: none processed yet (look at the gate, then come back)\n");
        } else {
            sb.append(String.format(Locale.ROOT, "Last %d processed frames: %.1f per second; mean ms per frame:\n", frames.frames(), frames.fps()));
            for (FrameTimings.Stage s : FrameTimings.Stage.values()) row(sb, s.label, frames.millis(s));
            row(sb, "other", frames.otherMillis());
            row(sb, "total", frames.totalMillis());
            sb.append("(detect, mesh, embed: the models' runs; liveness: the challenge's own tracking; other: the rest of the "
                    + "analysis, preparing images and matching)\n");
            if (!Double.isNaN(frames.firstInstructionMillis())) {
                // the share docs/liveness.md's time to unlock rests on ("The first instruction, as soon as the face is found")
                sb.append(String.format(Locale.ROOT, "Last attempt's first instruction: shown %.1f ms into its frame's %.1f ms of analysis (share %.2f)\n",
                        frames.firstInstructionMillis(), frames.firstFrameMillis(), frames.firstInstructionMillis() / frames.firstFrameMillis()));
            }
        }
        sb.append('\n');

        if (camera == null) {
            sb.append("Camera: not started yet\n");
        } else {
            sb.append("Camera: ").append(camera.cameraId()).append(", analysis ").append(camera.analysis()).append(", preview ")
                    .append(camera.preview()).append('\n');
            sb.append("Orientation: sensor at ").append(camera.sensorDegrees()).append("°, display at ").append(displayDegrees)
                    .append("°, frames turned ").append(CameraGeometry.frameRotation(camera.sensorDegrees(), displayDegrees, true))
                    .append("°\n");
            sb.append("Focus: ").append(camera.focus()).append('\n');
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, double millis) {
        sb.append(String.format(Locale.ROOT, "  %-9s %7.1f\n", label, millis));
    }
}
