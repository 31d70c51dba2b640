package org.facegate.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.facegate.image.RgbImage;

/**
 * Decodes image files for the desktop CLI, upright (the EXIF orientation applied) and at most {@link #MAX_SIDE}
 * pixels on a side, turning every failure into one clear sentence naming the file.
 */
public final class ImageFiles {
    /**
     * Longest side decoded: a larger image is subsampled while it is decoded (a 12000x9000 photo decoded whole needs
     * over 400 MB of int pixels, more than a 512 MB heap has). A face that fills 1/40 of a 4096-pixel photo still
     * has the eye distance the quality gate asks for.
     */
    static final int MAX_SIDE = 4096;
    /** More pixels than this is refused before decoding: a panorama has fewer, a decompression bomb more. */
    static final long MAX_PIXELS = 250_000_000L;

    private ImageFiles() {}

    /**
     * @throws CliException if the file is missing, is not an image, is a corrupt/truncated image, or claims more than
     *     {@link #MAX_PIXELS} pixels
     */
    public static RgbImage read(Path file) throws CliException {
        if (!Files.exists(file)) throw new CliException("no such file: " + file);
        if (Files.isDirectory(file)) throw new CliException("is a directory, not an image: " + file);
        BufferedImage img;
        try (InputStream raw = Files.newInputStream(file); ImageInputStream in = ImageIO.createImageInputStream(raw)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw new CliException("not an image (unrecognized format): " + file);
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            // a truncated JPEG decodes "successfully" with grey rows and only a warning: treat the warning as corruption
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in);
                long w = reader.getWidth(0), h = reader.getHeight(0);
                if (w * h > MAX_PIXELS) {
                    throw new CliException(String.format(java.util.Locale.ROOT, "image too large: %s is %dx%d pixels, more than %d million",
                            file, w, h, MAX_PIXELS / 1_000_000));
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) ((Math.max(w, h) + MAX_SIDE - 1) / MAX_SIDE);
                if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                img = reader.read(0, param);
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
        return ExifOrientation.of(file).upright(new RgbImage(w, h, img.getRGB(0, 0, w, h, null, 0, w)));
    }

    /** The image as a BufferedImage for drawing annotations. */
    public static BufferedImage toBuffered(RgbImage img) {
        BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        b.setRGB(0, 0, img.width(), img.height(), img.argb(), 0, img.width());
        return b;
    }
}
