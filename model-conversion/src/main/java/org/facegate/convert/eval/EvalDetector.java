package org.facegate.convert.eval;

import java.nio.file.Path;
import org.facegate.detect.BlazeFace;
import org.facegate.detect.FaceDetector;
import org.facegate.eval.detect.Mtcnn;
import org.facegate.tflite.DirectoryModelSource;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.tflite.ModelLoader;

/** The face detectors calibration and the report can run facecore's pipeline with, by name. */
public final class EvalDetector {
    /** facecore's detector for the parity pipeline: BlazeFace short range. */
    public static final String DEFAULT = "blazeface";

    private EvalDetector() {}

    /** @throws IllegalArgumentException for a name other than blazeface or mtcnn */
    public static FaceDetector open(String name, Path npmCache, InferenceRuntime runtime) throws ModelException {
        ModelLoader loader = ModelLoader.withBuiltInHashes(DirectoryModelSource.npmCache(npmCache));
        switch (name) {
            case "blazeface":
                return new BlazeFace(loader, runtime, BlazeFace.Range.SHORT);
            case "mtcnn":
                return new Mtcnn(loader, runtime);
            default:
                throw new IllegalArgumentException("unknown detector '" + name + "' (blazeface, mtcnn)");
        }
    }
}
