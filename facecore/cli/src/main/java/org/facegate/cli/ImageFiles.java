package org.facegate.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.facegate.image.RgbImage;

/** Decodes image files for the desktop CLI, turning every failure into one clear sentence naming the file. */
public final class ImageFiles {
    private ImageFiles() {}

    /**
     * @throws CliException if the file is missing, is not an image, or is a corrupt/truncated image
     */
    public static RgbImage read(Path file) throws CliException {
        if (!Files.exists(file)) throw new CliException("no such file: " + file);
        if (Files.isDirectory(file)) throw new CliException("is a directory, not an image: " + file);
        BufferedImage img;
        try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(file))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw new CliException("not an image (unrecognized format): " + file);
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            // a truncated JPEG decodes "successfully" with grey rows and only a warning: treat the warning as corruption
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in);
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
            if (!warnings.isEmpty()) throw new CliException("corrupt image " + file + ": " + warnings.get(0));
        } catch (NoSuchFileException e) {
            throw new CliException("no such file: " + file);
        } catch (IOException | RuntimeException e) {
            // ImageIO reports corrupt data as IIOException or, for some corruptions, runtime errors
            throw new CliException("corrupt image " + file + ": " + e.getMessage());
        }
        int w = img.getWidth(), h = img.getHeight();
        return new RgbImage(w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }

    /** The image as a BufferedImage for drawing annotations. */
    public static BufferedImage toBuffered(RgbImage img) {
        BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        b.setRGB(0, 0, img.width(), img.height(), img.argb(), 0, img.width());
        return b;
    }
}
