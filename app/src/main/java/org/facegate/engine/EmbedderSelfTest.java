package org.facegate.engine;

import java.util.Locale;
import org.facegate.align.Aligner;
import org.facegate.embed.Embedding;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.image.RgbImage;
import org.facegate.inference.ModelException;
import org.facegate.inference.Placement;

/**
 * The GPU self-test of the embedding model, once each time the models open: the shipped face crop embedded on the GPU
 * delegate and on the CPU. The security levels' thresholds were calibrated on CPU float32 maths; a GPU driver that
 * computes differently (fp16 despite the option, a buggy kernel) would move every score, so below
 * {@link #MIN_COSINE} the CPU embedder is kept instead. Costs one CPU embedder opened and closed, and two embeddings.
 */
final class EmbedderSelfTest {
    /**
     * Least cosine between the GPU's and the CPU's embedding of the same face. The shipped fp16-weight model computed in
     * float32 agrees with the float32 model at cosine 1.00000 (model-conversion/REPORT.md); fp16 arithmetic typically
     * lands around 0.9999. 0.999 keeps any GPU that computes in float32 and refuses one that is clearly off.
     */
    static final double MIN_COSINE = 0.999;

    /** Opens the CPU reference embedder of the same model. */
    interface CpuEmbedder {
        TfliteEmbedder open() throws ModelException;
    }

    /** The embedder to keep, and what the test found (for the diagnostics). */
    record Outcome(TfliteEmbedder embedder, String note) {}

    private EmbedderSelfTest() {}

    /**
     * Runs the test when {@code embedder} is on the GPU; otherwise keeps it as it is.
     *
     * @param face the shipped aligned face crop, or null when it is missing (then the GPU cannot be checked: the CPU)
     * @return the GPU embedder if it agrees, else the CPU one (the other is closed)
     */
    static Outcome check(TfliteEmbedder embedder, CpuEmbedder cpu, RgbImage face) throws ModelException {
        if (embedder.placement().backend() != Placement.Backend.GPU) return new Outcome(embedder, "no GPU self-test: the embedder runs on the CPU");
        TfliteEmbedder reference;
        try {
            reference = cpu.open();
        } catch (ModelException | RuntimeException | Error e) {
            embedder.close();
            throw e;
        }
        if (face == null) {
            embedder.close();
            return new Outcome(reference, "the self-test face is missing, so the GPU cannot be checked: CPU instead");
        }
        double[] identity = {1, 0, 0, 0, 1, 0};
        double cosine;
        try {
            Embedding g = embedder.embed(face, identity), c = reference.embed(face, identity);
            cosine = g.cosine(c);
        } catch (RuntimeException | Error e) {
            embedder.close();
            reference.close();
            throw e;
        }
        String measured = String.format(Locale.ROOT, "cosine %.5f between GPU and CPU on the self-test face", cosine);
        if (cosine >= MIN_COSINE) {
            reference.close();
            return new Outcome(embedder, "GPU kept: " + measured);
        }
        embedder.close();
        return new Outcome(reference, "GPU refused: " + measured + " (below " + MIN_COSINE + "), CPU instead");
    }

    /** The shipped crop's bytes as an image, or null if they are not a 112x112 RGB crop. */
    static RgbImage face(byte[] rgb) {
        int n = Aligner.SIZE * Aligner.SIZE;
        if (rgb == null || rgb.length != 3 * n) return null;
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            argb[i] = 0xFF000000 | (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
        }
        return new RgbImage(Aligner.SIZE, Aligner.SIZE, argb);
    }
}
