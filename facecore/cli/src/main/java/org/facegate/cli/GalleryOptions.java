package org.facegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.facegate.detect.Detectors;
import org.facegate.eval.detect.EvalDetectors;
import org.facegate.match.SecurityLevel;
import picocli.CommandLine.Option;

/** Options shared by commands that use the models and the gallery. */
final class GalleryOptions {
    /** Where the gallery is unless --gallery says otherwise; its folder is created when missing. */
    static final Path DEFAULT_GALLERY = Paths.get(System.getProperty("user.home"), ".facegate", "gallery.db");

    @Option(names = "--gallery", description = "gallery database, in an existing folder (default: ~/.facegate/gallery.db)")
    Path gallery = DEFAULT_GALLERY;

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

    @Option(names = "--threads", description = "CPU threads for inference, 1 to the number of processors (default: ${DEFAULT-VALUE})")
    int threads = 1;

    Engine engine() throws CliException {
        return Engine.open(models, detector, threads, flip, embedder);
    }

    /**
     * The gallery, created when missing. A gallery given by path must be in an existing folder (a typo in it would
     * otherwise make a new empty gallery and answer "unknown person"); the default's folder is created.
     */
    SqliteGallery openGallery() throws CliException {
        Path dir = gallery.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            if (!gallery.equals(DEFAULT_GALLERY)) throw new CliException("no such folder for the gallery: " + dir);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new CliException("cannot create " + dir + " for the gallery: " + e.getMessage());
            }
        }
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
