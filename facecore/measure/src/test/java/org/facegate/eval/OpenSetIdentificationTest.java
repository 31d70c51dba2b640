package org.facegate.eval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.facegate.embed.Embedding;
import org.facegate.match.Matcher;
import org.junit.Test;

public class OpenSetIdentificationTest {
    private static Embedding e(float... v) {
        return new Embedding(v);
    }

    // a and b have two images each, so either may be enrolled; c (one image) is only ever a stranger.
    // b's images are far apart (0.6), and b2 is closer to a than to b1: a misidentification when a is enrolled.
    // c lies between a and b: the margin decides whether it is taken for one of them.
    private final List<Embedding> emb = Arrays.asList(e(1, 0, 0), e(0.98f, 0.2f, 0), e(0, 1, 0), e(0.8f, 0.6f, 0), e(0.7f, 0.7f, 0.14f));
    private final List<String> who = Arrays.asList("a", "a", "b", "b", "c");

    @Test
    public void countsEveryProbeOfEveryTrialAsCorrectWrongOrFalseAlarm() {
        OpenSetIdentification o = new OpenSetIdentification(emb, who);
        assertEquals(2, o.enrollableIdentities());
        OpenSetIdentification.Result r = o.evaluate(2, 50, new Matcher(0.5f, 0f), 7);
        // each trial enrolls one image of a and one of b: two mated probes, one stranger (c)
        assertEquals(100, r.mated());
        assertEquals(50, r.nonMated());
        // every mated probe's best score clears 0.5, so without a margin each is identified, rightly or not:
        // b2 is taken for a whenever b1 was b's enrolled image
        assertEquals(100, r.correct() + r.misidentified());
        assertTrue(r.misidentified() > 0 && r.misidentified() < 100);
        // c scores about 0.7 against every enrolled image: above threshold, so with no margin it is always taken for someone
        assertEquals(50, r.falseAlarms());
    }

    @Test
    public void aMarginTurnsAmbiguousStrangersIntoUnknowns() {
        OpenSetIdentification o = new OpenSetIdentification(emb, who);
        OpenSetIdentification.Result none = o.evaluate(2, 50, new Matcher(0.5f, 0f), 7);
        OpenSetIdentification.Result wide = o.evaluate(2, 50, new Matcher(0.5f, 0.5f), 7);
        // the same seed draws the same galleries: the margin can only turn identifications into unknowns
        assertEquals(0, wide.falseAlarms());
        assertEquals(0, wide.misidentified());
        assertTrue(wide.correct() > 0 && wide.correct() < none.correct());
    }

    @Test
    public void theThresholdAtAnFpirIsTheLowestThatKeepsTheStrangerOut() {
        OpenSetIdentification o = new OpenSetIdentification(emb, who);
        float t = o.thresholdAtFpir(0, 2, 50, 0.5f, 7);
        // the stranger's best score is c.b2 = 0.98 / |c|, in every trial that enrolls b2
        assertEquals(0.9802f, t, 2e-4f);
        assertEquals(0, o.evaluate(2, 50, new Matcher(t, 0f), 7).falseAlarms());
    }

    @Test(expected = IllegalArgumentException.class)
    public void aGalleryLargerThanTheEnrollableIdentitiesIsRefused() {
        new OpenSetIdentification(emb, who).evaluate(3, 1, new Matcher(0.5f, 0f), 1);
    }
}
