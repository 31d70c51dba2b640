package org.facegate.convert.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.facegate.eval.ImageSource;
import org.facegate.image.RgbImage;

/** Images below a directory, decoded with ImageIO (JPEG and PNG are all the evaluation sets use). */
public final class ImageIoSource implements ImageSource {
    private final Path root;

    public ImageIoSource(Path root) {
        this.root = root;
    }

    @Override
    public RgbImage read(String relativePath) throws IOException {
        return read(root.resolve(relativePath));
    }

    /** Decodes one file; the exception names it when it is missing or not an image. */
    public static RgbImage read(Path file) throws IOException {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot decode image " + file + ": " + e.getMessage(), e);
        }
        if (img == null) throw new IOException("not a readable image: " + file);
        int w = img.getWidth(), h = img.getHeight();
        return new RgbImage(w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }
}
