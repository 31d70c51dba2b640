package org.facegate.convert.eval;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.facegate.align.Aligner;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Embedder;
import org.facegate.embed.Embedding;
import org.facegate.embed.Normalization;
import org.facegate.eval.ImageSource;
import org.facegate.image.RgbImage;
import org.facegate.image.Sampler;
import org.facegate.pipeline.FacePipeline;

/**
 * Model inputs for calibration and checks: exactly what facecore's pipeline would feed the embedding model for
 * each image's central face (as {@link org.facegate.eval.PairScorer} picks it), found, aligned and sampled by
 * facecore itself: the pipeline runs with an {@link Embedder} that keeps the normalized crops instead of
 * embedding them. Each face gives its crop and its mirror image (flip averaging feeds both). Images without a
 * detected face are skipped.
 */
public final class AlignedCrops implements Embedder {
    private final Normalization norm;
    private final List<float[]> crops = new ArrayList<>();

    private AlignedCrops(Normalization norm) {
        this.norm = norm;
    }

    public static List<float[]> of(List<String> images, ImageSource source, FaceDetector detector, Normalization norm)
            throws IOException {
        AlignedCrops keeper = new AlignedCrops(norm);
        FacePipeline pipeline = new FacePipeline(detector, keeper);
        for (String path : images) pipeline.central(source.read(path));
        return keeper.crops;
    }

    @Override
    public Embedding embed(RgbImage source, double[] affine) {
        crops.add(crop(source, affine));
        crops.add(crop(source, Aligner.mirrored(affine)));
        return new Embedding(new float[] {1});
    }

    private float[] crop(RgbImage img, double[] affine) {
        FloatBuffer f = FloatBuffer.allocate(Aligner.SIZE * Aligner.SIZE * 3);
        Sampler.warpAffine(img, affine, Aligner.SIZE, Aligner.SIZE, norm.mean(), norm.std(), f);
        return f.array();
    }

    @Override
    public String modelId() {
        return "aligned-crops";
    }

    @Override
    public void close() {
        crops.clear();
    }
}
