package org.facegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.tflite.DirectoryModelSource;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;

/**
 * An embedding model given as a file ({@code --embedder}), e.g. another model-conversion variant. Its sha256 is not
 * pinned: what makes it usable is FaceGate's metadata, which says how to feed it and which model id its templates
 * carry, so a gallery never mixes its templates with another model's.
 */
final class EmbedderFile {
    private EmbedderFile() {}

    /**
     * @throws ModelException if the file is missing or unreadable, not a TFLite model, truncated, without FaceGate's
     *     metadata, or not shaped like an embedding model; the message names the file
     */
    static TfliteEmbedder open(Path file, InferenceRuntime runtime, boolean flip) throws ModelException {
        if (!Files.exists(file)) throw new ModelException("no such embedding model file: " + file);
        if (!Files.isRegularFile(file)) throw new ModelException("embedding model is not a file: " + file);
        try {
            return TfliteEmbedder.describedBy(DirectoryModelSource.map(file), file.toString(), runtime, flip);
        } catch (IOException e) {
            throw new ModelException("cannot read embedding model " + file + ": " + e.getMessage(), e);
        }
    }
}
