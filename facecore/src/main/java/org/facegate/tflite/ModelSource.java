package org.facegate.tflite;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where model files come from: a directory on the desktop, memory-mapped assets on the phone. */
public interface ModelSource {
    /**
     * Returns the whole file as a buffer TFLite can use (direct or memory-mapped).
     *
     * @throws IOException if the file is missing or unreadable; the message names the file
     */
    ByteBuffer open(String fileName) throws IOException;
}
