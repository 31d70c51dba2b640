package org.facegate.eval;

import java.io.IOException;
import org.facegate.image.RgbImage;

/** Reads the images of an evaluation set by relative path (decoding differs between the JVM and Android). */
public interface ImageSource {
    RgbImage read(String relativePath) throws IOException;
}
