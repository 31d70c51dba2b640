package org.facegate.testing;

import static org.junit.Assume.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;
import org.facegate.image.RgbImage;
import org.facegate.inference.desktop.DesktopRuntime;
import org.facegate.tflite.DirectoryModelSource;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.tflite.ModelLoader;

/** Real inputs for tests: the pinned models fetched by the build, LFW images from ../shared when present. */
public final class TestData {
    private TestData() {}

    /** The unpacked npm packages ({@code facegate.models}, set by the build). */
    public static Path modelCache() {
        String p = System.getProperty("facegate.models", System.getProperty("user.home") + "/.cache/facegate/npm");
        return Paths.get(p);
    }

    public static ModelLoader models() {
        return ModelLoader.withBuiltInHashes(DirectoryModelSource.npmCache(modelCache()));
    }

    public static InferenceRuntime cpu() {
        return new DesktopRuntime(1);
    }

    /** A pinned model, checksum-verified and opened on {@link #cpu()}. */
    public static InferenceModel open(String file) throws ModelException {
        return cpu().open(models().load(file), file, ModelOptions.EXACT);
    }

    /** The LFW development set, skipping the calling test with a message when it is absent. */
    public static Path lfw() {
        Path p = Paths.get(System.getProperty("facegate.lfw", "../../shared/eval/lfw-dev"));
        assumeTrue("skipped: LFW dev set not found at " + p.toAbsolutePath() + " (CI has it)",
                Files.isRegularFile(p.resolve("pairs.txt")));
        return p;
    }

    /** LFW image {@code n} (1-based) of a person. */
    public static RgbImage lfwImage(String name, int n) {
        return read(lfw().resolve("images").resolve(name).resolve(String.format("%s_%04d.jpg", name, n)).toFile());
    }

    /** Decodes an image file with ImageIO (test-side only; the CLI has its own decoder with error handling). */
    public static RgbImage read(File f) {
        try {
            BufferedImage img = ImageIO.read(f);
            if (img == null) throw new IOException("not an image: " + f);
            return of(img);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RgbImage of(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        return new RgbImage(w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }

    public static BufferedImage toBuffered(RgbImage img) {
        BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        b.setRGB(0, 0, img.width(), img.height(), img.argb(), 0, img.width());
        return b;
    }
}
