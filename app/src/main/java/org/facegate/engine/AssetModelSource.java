package org.facegate.engine;

import android.content.res.AssetFileDescriptor;
import android.content.res.AssetManager;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.facegate.tflite.ModelSource;

/**
 * Model files memory-mapped straight out of the APK: the build stores {@code *.tflite} assets uncompressed, so
 * {@link AssetManager#openFd} gives their byte range inside the APK and nothing is copied onto the heap. The mapping
 * stays valid after the descriptor is closed.
 */
public final class AssetModelSource implements ModelSource {
    private final AssetManager assets;

    public AssetModelSource(AssetManager assets) {
        this.assets = assets;
    }

    @Override
    public ByteBuffer open(String fileName) throws IOException {
        AssetFileDescriptor fd;
        try {
            fd = assets.openFd(fileName);
        } catch (FileNotFoundException e) {
            // also what openFd throws for a compressed asset: tell the two apart for the build's sake
            try (InputStream ignored = assets.open(fileName)) {
                throw new IOException("model asset " + fileName + " is compressed in the APK; it must be stored (aapt2 -0 .tflite)", e);
            } catch (FileNotFoundException missing) {
                throw new FileNotFoundException("model asset " + fileName + " is not in the APK");
            }
        }
        try (AssetFileDescriptor f = fd; FileInputStream in = f.createInputStream()) {
            return in.getChannel().map(FileChannel.MapMode.READ_ONLY, f.getStartOffset(), f.getDeclaredLength());
        }
    }

    /** Reads a small asset (e.g. models.sha256) whole. */
    public InputStream openStream(String fileName) throws IOException {
        return assets.open(fileName);
    }
}
