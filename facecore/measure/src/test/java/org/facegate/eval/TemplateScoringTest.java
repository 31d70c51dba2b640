package org.facegate.eval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.facegate.embed.Embedding;
import org.facegate.match.SecurityLevel;
import org.facegate.testing.Pipelines;
import org.facegate.testing.TestData;
import org.junit.Test;

/**
 * Templates of three different photos on LFW dev people with at least four (the first 60 such people, about 400
 * images): matching by the samples' mean lets fewer strangers past the one-to-one standard threshold than matching
 * by the best sample, without accepting fewer of the people's own photos at an equal false-accept rate.
 */
public class TemplateScoringTest {
    @Test
    public void theMeanTemplateKeepsStrangersOutBetterThanTheBestSample() throws Exception {
        Path images = TestData.lfw().resolve("images");
        String[] people = images.toFile().list();
        Arrays.sort(people);
        List<Embedding> emb = new ArrayList<>();
        List<String> who = new ArrayList<>();
        try (Pipelines p = new Pipelines()) {
            int taken = 0;
            for (String person : people) {
                File[] files = images.resolve(person).toFile().listFiles();
                if (files.length < 4) continue;
                Arrays.sort(files);
                for (File f : files) {
                    emb.add(p.pipeline.central(TestData.read(f)).embedding());
                    who.add(person);
                }
                if (++taken == 60) break;
            }
        }
        TemplateScoring scoring = new TemplateScoring(emb, who);
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
