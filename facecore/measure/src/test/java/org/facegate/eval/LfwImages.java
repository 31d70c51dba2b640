package org.facegate.eval;

import java.nio.file.Path;
import org.facegate.testing.TestData;
import org.facegate.image.RgbImage;

/** LFW images by relative path, decoded with ImageIO. */
public final class LfwImages implements ImageSource {
    private final Path images;

    public LfwImages(Path lfw) {
        this.images = lfw.resolve("images");
    }

    @Override
    public RgbImage read(String relativePath) {
        return TestData.read(images.resolve(relativePath).toFile());
    }
}
