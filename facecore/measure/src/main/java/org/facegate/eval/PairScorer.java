package org.facegate.eval;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.facegate.embed.Embedding;
import org.facegate.pipeline.FaceResult;
import org.facegate.pipeline.FacePipeline;

/**
 * Runs a pipeline over the images of a pairs list (each image once, its central face) and scores every trial by
 * cosine similarity.
 * A trial with an image where no face was found scores NaN: the protocol counts it as an error.
 */
public final class PairScorer {
    private PairScorer() {}

    /** Scores of {@code pairs} in order; NaN where a face was not found. */
    public static double[] score(List<Pair> pairs, ImageSource images, FacePipeline pipeline, Progress progress) throws IOException {
        Set<String> unique = new LinkedHashSet<>();
        for (Pair p : pairs) {
            unique.add(p.first());
            unique.add(p.second());
        }
        Map<String, Embedding> emb = new HashMap<>();
        int done = 0;
        for (String path : unique) {
            FaceResult r = pipeline.central(images.read(path));
            if (r != null) emb.put(path, r.embedding());
            progress.update("embedding images", ++done, unique.size());
        }
        double[] scores = new double[pairs.size()];
        for (int i = 0; i < scores.length; i++) {
            Embedding a = emb.get(pairs.get(i).first()), b = emb.get(pairs.get(i).second());
            scores[i] = (a == null || b == null) ? Double.NaN : a.cosine(b);
        }
        return scores;
    }
}
