package org.facegate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.facegate.eval.ImageSource;
import org.facegate.eval.Pair;
import org.facegate.eval.PairsFile;
import org.facegate.image.RgbImage;

/** A data set directory in LFW layout: {@code pairs.txt} and {@code images/<name>/<name>_NNNN.jpg}. */
final class LfwDirectory implements ImageSource {
    final Path root;

    LfwDirectory(Path root) throws CliException {
        this.root = root;
        if (!Files.isRegularFile(root.resolve("pairs.txt"))) throw new CliException("no pairs.txt in " + root);
        if (!Files.isDirectory(root.resolve("images"))) throw new CliException("no images/ directory in " + root);
    }

    List<Pair> pairs() throws CliException {
        try (InputStream in = Files.newInputStream(root.resolve("pairs.txt"))) {
            return PairsFile.parse(in);
        } catch (IOException e) {
            throw new CliException(root.resolve("pairs.txt") + ": " + e.getMessage());
        }
    }

    @Override
    public RgbImage read(String relativePath) throws IOException {
        try {
            return ImageFiles.read(root.resolve("images").resolve(relativePath));
        } catch (CliException e) {
            throw new IOException(e.getMessage());
        }
    }
}
