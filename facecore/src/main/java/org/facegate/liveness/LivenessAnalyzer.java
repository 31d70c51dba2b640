package org.facegate.liveness;

import java.util.List;
import org.facegate.detect.BlazeFace;
import org.facegate.detect.Box;
import org.facegate.detect.Face;
import org.facegate.detect.FaceDetector;
import org.facegate.detect.FaceMesh;
import org.facegate.detect.Landmarks;
import org.facegate.detect.MeshLandmarks;
import org.facegate.detect.Point;
import org.facegate.image.LumaPlane;
import org.facegate.image.RgbImage;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.tflite.ModelLoader;

/**
 * Turns camera frames into {@link LivenessFrame}s: BlazeFace finds the largest face once, then Face Mesh follows it
 * from frame to frame (MediaPipe's tracking: the region of interest comes from the previous mesh), falling back to
 * the detector when the mesh loses the face. About 2.5 ms per frame for the mesh on the desktop CPU, plus ~2.5 ms
 * when the detector runs.
 *
 * <p>Not thread-safe; one per camera stream. Call {@link #reset()} between sessions.
 */
public final class LivenessAnalyzer implements AutoCloseable {
    /** Mesh presence below which the face counts as lost. */
    public static final float MIN_PRESENCE = 0.5f;

    private final FaceDetector detector;
    private final FaceMesh mesh;
    private final boolean owns;
    private MeshLandmarks previous;

    /** Opens BlazeFace (short range) and Face Mesh; {@link #close()} closes them. */
    public static LivenessAnalyzer open(ModelLoader loader, InferenceRuntime runtime) throws ModelException {
        BlazeFace blaze = new BlazeFace(loader, runtime, BlazeFace.Range.SHORT);
        try {
            return new LivenessAnalyzer(blaze, new FaceMesh(loader, runtime), true);
        } catch (ModelException | RuntimeException | Error e) {
            blaze.close();
            throw e;
        }
    }

    /** Uses the caller's detector and mesh; {@code owns}: close them in {@link #close()}. */
    public LivenessAnalyzer(FaceDetector detector, FaceMesh mesh, boolean owns) {
        this.detector = detector;
        this.mesh = mesh;
        this.owns = owns;
    }

    /** Analyses the next frame of the stream. */
    public LivenessFrame analyze(RgbImage image, long timeMillis) {
        return analyze(image, null, timeMillis);
    }

    /**
     * Analyses the next frame of the stream, with the camera's luma plane of it (in {@code image}'s coordinates),
     * which the challenges' pixel tracking reads instead of converting the RGB; null: none.
     */
    public LivenessFrame analyze(RgbImage image, LumaPlane luma, long timeMillis) {
        MeshLandmarks m = null;
        if (previous != null) {
            m = mesh.track(image, previous);
            if (m.presence() < MIN_PRESENCE) m = null;
        }
        if (m == null) {
            Face best = null;
            List<Face> faces = detector.detect(image);
            for (Face f : faces) if (best == null || f.box().area() > best.box().area()) best = f;
            if (best != null) {
                m = mesh.run(image, best);
                if (m.presence() < MIN_PRESENCE) m = null;
            }
        }
        previous = m;
        if (m == null) return new LivenessFrame(timeMillis, image, null, null, Float.NaN, Float.NaN, null, luma);
        return new LivenessFrame(timeMillis, image, m, face(m), FaceGeometry.rightEar(m), FaceGeometry.leftEar(m), HeadPose.of(m), luma);
    }

    /** Forgets the tracked face (the next frame runs the detector). */
    public void reset() {
        previous = null;
    }

    /** A face record for the mesh: its bounds, presence, and five points (eye contour centres, nose tip, mouth corners). */
    static Face face(MeshLandmarks m) {
        Box b = m.bounds();
        Point le = m.mean(MeshLandmarks.rightEyeContour()), re = m.mean(MeshLandmarks.leftEyeContour());
        return new Face(b, m.presence(), Landmarks.ofFive(le, re, m.point(MeshLandmarks.NOSE_TIP), m.point(MeshLandmarks.MOUTH_LEFT),
                m.point(MeshLandmarks.MOUTH_RIGHT)));
    }

    @Override
    public void close() {
        if (!owns) return;
        try {
            detector.close();
        } finally {
            mesh.close();
        }
    }
}
