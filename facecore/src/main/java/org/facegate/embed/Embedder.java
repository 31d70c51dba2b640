package org.facegate.embed;

import org.facegate.image.RgbImage;

/** Turns an aligned face into an embedding. One instance per thread; close it to free the interpreter. */
public interface Embedder extends AutoCloseable {
    /**
     * Embeds the face that {@code affine} (aligned-crop to source coordinates, see
     * {@link org.facegate.align.Aligner#transform}) maps out of {@code source}.
     */
    Embedding embed(RgbImage source, double[] affine);

    /** Identifies the model that produced embeddings, e.g. "mobilefacenet-float32@1"; stored with templates. */
    String modelId();

    @Override
    void close();
}
