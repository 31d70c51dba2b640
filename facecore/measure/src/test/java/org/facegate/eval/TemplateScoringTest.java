package org.facegate.eval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.facegate.embed.Embedding;
import org.facegate.match.SecurityLevel;
import org.junit.Test;

/**
 * Templates of three different photos on LFW dev people with at least four (the first 60 such people, about 400
 * images): matching by the samples' mean lets fewer strangers past the one-to-one standard threshold than matching
 * by the best sample, without accepting fewer of the people's own photos at an equal false-accept rate.
 */
public class TemplateScoringTest {
    @Test
    public void theMeanTemplateKeepsStrangersOutBetterThanTheBestSample() throws Exception {
        LabeledEmbeddings lfw = new LabeledEmbeddings(60, 4);
        TemplateScoring scoring = new TemplateScoring(lfw.embeddings, lfw.identity);
        float threshold = SecurityLevel.standard().threshold();
        Calibration best = scoring.evaluate(3, TemplateScoring.Rule.BEST_SAMPLE).scores();
        TemplateScoring.Result template = scoring.evaluate(3, TemplateScoring.Rule.TEMPLATE);
        Calibration mean = template.scores();
        assertEquals(60, template.people());
        assertEquals(best.impostorTrials(), mean.impostorTrials());
        assertTrue("best sample FAR " + best.farAt(threshold) + ", template " + mean.farAt(threshold),
                mean.farAt(threshold) < best.farAt(threshold));
        double far = best.farAt(threshold);
        double tarMean = 1 - mean.frrAt(mean.thresholdAt(far)), tarBest = 1 - best.frrAt(threshold);
        assertTrue("TAR at equal FAR: template " + tarMean + ", best sample " + tarBest, tarMean >= tarBest);
        // one sample: the template is the sample, so every rule scores the same
        float[] one = scoring.evaluate(1, TemplateScoring.Rule.BEST_SAMPLE).scores().impostorScores(),
                oneTemplate = scoring.evaluate(1, TemplateScoring.Rule.TEMPLATE).scores().impostorScores();
        assertEquals(one.length, oneTemplate.length);
        for (int i = 0; i < one.length; i++) assertEquals(one[i], oneTemplate[i], 1e-5);
    }

    @Test(expected = IllegalArgumentException.class)
    public void aTemplateWithoutSamplesIsRefused() {
        new TemplateScoring(java.util.Collections.singletonList(new Embedding(new float[] {1, 0})), java.util.Collections.singletonList("ada"))
                .evaluate(0, TemplateScoring.Rule.TEMPLATE);
    }
}
