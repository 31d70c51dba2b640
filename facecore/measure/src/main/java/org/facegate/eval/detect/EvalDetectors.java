package org.facegate.eval.detect;

import org.facegate.detect.Detectors;
import org.facegate.detect.FaceDetector;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.tflite.ModelLoader;

/** The detectors a measurement can compare: the runtime's ({@link Detectors}) and MTCNN, which does not ship. */
public final class EvalDetectors {
    /** Every name {@link #open} accepts. */
    public static final String NAMES = Detectors.NAMES + ", mtcnn";

    private EvalDetectors() {}

    /**
     * Opens a detector by name.
     *
     * @throws IllegalArgumentException for an unknown name
     * @throws ModelException           if its model files are missing or fail their checksum
     */
    public static FaceDetector open(String name, ModelLoader loader, InferenceRuntime runtime) throws ModelException {
        if (name.equals("mtcnn")) return new Mtcnn(loader, runtime);
        try {
            return Detectors.open(name, loader, runtime);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown detector '" + name + "' (" + NAMES + ")", unknown);
        }
    }
}
