package org.facegate.detect;

import java.util.List;
import org.facegate.image.RgbImage;

/**
 * Finds every face in an image. Implementations own a TFLite interpreter: use one instance from one thread and
 * close it when done.
 */
public interface FaceDetector extends AutoCloseable {
    /** All faces found, highest score first; empty when there is none. */
    List<Face> detect(RgbImage image);

    /** A short identifier for reports ("blazeface-short", "mtcnn"). */
    String name();

    @Override
    void close();
}
