package org.facegate.eval;

import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.facegate.detect.BlazeFace;
import org.facegate.embed.Normalization;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.pipeline.FacePipeline;
import org.facegate.testing.LfwImages;
import org.facegate.testing.TestData;
import org.junit.Test;

/** The standard LFW protocol on the dev set (5 folds, 3000 pairs) through the default pipeline. */
public class LfwAccuracyTest {
    @Test
    public void defaultPipelineReachesTheAccuracyFloor() throws Exception {
        Path lfw = TestData.lfw();
        List<Pair> pairs;
        try (InputStream in = Files.newInputStream(lfw.resolve("pairs.txt"))) {
            pairs = PairsFile.parse(in);
        }
        try (BlazeFace det = new BlazeFace(TestData.models(), TestData.cpu(), BlazeFace.Range.SHORT);
             TfliteEmbedder emb = new TfliteEmbedder(TestData.cpu().create(TestData.models().load("MobileFaceNet.tflite")),
                     "mobilefacenet", Normalization.FACENET, true)) {
            double[] scores = PairScorer.score(pairs, new LfwImages(lfw), new FacePipeline(det, emb), Progress.NONE);
            boolean[] same = new boolean[pairs.size()];
            int[] fold = new int[pairs.size()];
            for (int i = 0; i < same.length; i++) {
                same[i] = pairs.get(i).same();
                fold[i] = pairs.get(i).fold();
            }
            VerificationReport r = VerificationProtocol.evaluate(scores, same, fold, 5);
            System.out.println("LFW dev: " + r);
            assertTrue("accuracy " + r.accuracy(), r.accuracy() >= 0.992);
        }
    }
}
