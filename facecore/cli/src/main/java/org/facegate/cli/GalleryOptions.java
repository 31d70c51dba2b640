package org.facegate.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.facegate.detect.Detectors;
import org.facegate.eval.detect.EvalDetectors;
import org.facegate.match.SecurityLevel;
import picocli.CommandLine.Option;

/** Options shared by commands that use the models and the gallery. */
final class GalleryOptions {
    @Option(names = "--gallery", description = "gallery database (default: ~/.facegate/gallery.db)")
    Path gallery = Paths.get(System.getProperty("user.home"), ".facegate", "gallery.db");

    @Option(names = "--models", description = "directory of the pinned npm packages with the detector models (default: the build's cache)")
    Path models = Engine.defaultModels();

    @Option(names = "--embedder", paramLabel = "FILE", description = "embedding model file with FaceGate's metadata "
            + "(a model-conversion variant) instead of the model the app ships; templates record its model id")
    Path embedder;

    @Option(names = "--detector", description = "face detector: " + EvalDetectors.NAMES + " (default: ${DEFAULT-VALUE})")
    String detector = Detectors.DEFAULT;

    @Option(names = "--level", description = "security level: relaxed, standard, strict (default: ${DEFAULT-VALUE})")
    String level = "standard";

    @Option(names = "--flip", negatable = true, description = "average the embeddings of the face and its mirror image (default: ${DEFAULT-VALUE})")
    boolean flip = true;

    @Option(names = "--threads", description = "CPU threads for inference (default: ${DEFAULT-VALUE})")
    int threads = 1;

    Engine engine() throws CliException {
        return Engine.open(models, detector, threads, flip, embedder);
    }

    SqliteGallery openGallery() throws CliException {
        return new SqliteGallery(gallery);
    }

    SecurityLevel securityLevel() throws CliException {
        try {
            return SecurityLevel.named(level);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
