package org.facegate.convert.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.facegate.convert.ConversionException;
import org.facegate.convert.SourceModels;
import org.facegate.detect.BlazeFace;
import org.facegate.embed.Normalization;
import org.facegate.tflite.DirectoryModelSource;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.tflite.ModelLoader;

/**
 * Aligned face crops from the sample photos pinned in models.lock (npm {@code @vladmandic/face-api}): real faces
 * that every build has, without the evaluation set, for checking converted models by running them.
 */
public final class ProbeFaces {
    /** The pinned sample photos. */
    public static final List<String> PHOTOS = List.of("sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg",
            "sample5.jpg", "sample6.jpg");

    private ProbeFaces() {}

    /** Each photo's central face and its mirror image, normalized for the embedding models. */
    public static List<float[]> crops(SourceModels sources, Path npmCache, InferenceRuntime factory) throws ConversionException {
        List<String> paths = new ArrayList<>();
        Path dir = null;
        for (String photo : PHOTOS) {
            sources.read(photo);
            Path p = sources.path(photo);
            dir = p.getParent();
            paths.add(p.getFileName().toString());
        }
        ModelLoader loader = ModelLoader.withBuiltInHashes(DirectoryModelSource.npmCache(npmCache));
        try (BlazeFace detector = new BlazeFace(loader, factory, BlazeFace.Range.SHORT)) {
            List<float[]> crops = AlignedCrops.of(paths, new ImageIoSource(dir), detector, Normalization.FACENET);
            if (crops.isEmpty()) throw new ConversionException("no face found in the sample photos " + PHOTOS + " in " + dir);
            return crops;
        } catch (ModelException | IOException e) {
            throw new ConversionException("cannot make probe faces: " + e.getMessage(), e);
        }
    }
}
