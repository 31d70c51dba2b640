package org.facegate.detect;

import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.tflite.ModelLoader;

/** The face detectors by name, and which one is the default. */
public final class Detectors {
    /**
     * The default for enrollment and verification: the most accurate on LFW dev through the full pipeline with
     * flip-averaged embeddings (`facegate eval`, 3000 pairs): blazeface+mesh 99.30%, TAR 98.73% at FAR 1e-3;
     * mtcnn 99.17%, 98.53%; blazeface 99.00%, 97.47%. It is also the fastest: ~2.5 ms detection + ~2.5 ms mesh
     * against ~14 ms for MTCNN on a 640x480 frame. (MTCNN is measurement code now: facecore-measure's
     * {@code org.facegate.eval.detect.EvalDetectors} opens it beside these.)
     */
    public static final String DEFAULT = "blazeface+mesh";

    /** Every name {@link #open} accepts. */
    public static final String NAMES = "blazeface+mesh, blazeface, blazeface-full";

    private Detectors() {}

    /**
     * Opens a detector by name.
     *
     * @throws IllegalArgumentException for an unknown name
     * @throws ModelException           if its model files are missing or fail their checksum
     */
    public static FaceDetector open(String name, ModelLoader loader, InferenceRuntime runtime) throws ModelException {
        switch (name) {
            case "blazeface+mesh":
                FaceDetector blaze = new BlazeFace(loader, runtime, BlazeFace.Range.SHORT);
                try {
                    // zoom at BlazeFace's level: the mesh then starts from precise keypoints, and no mesh runs on a misplaced crop
                    return new MeshRefinedDetector(new ZoomingDetector(blaze), new FaceMesh(loader, runtime));
                } catch (ModelException | RuntimeException | Error e) {
                    blaze.close();
                    throw e;
                }
            case "blazeface":
                return new BlazeFace(loader, runtime, BlazeFace.Range.SHORT);
            case "blazeface-full":
                return new BlazeFace(loader, runtime, BlazeFace.Range.FULL);
            default:
                throw new IllegalArgumentException("unknown detector '" + name + "' (" + NAMES + ")");
        }
    }
}
