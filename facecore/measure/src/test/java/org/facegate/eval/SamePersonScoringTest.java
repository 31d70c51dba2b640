package org.facegate.eval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Collections;
import org.facegate.embed.Embedding;
import org.facegate.enroll.SamePerson;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The same-person rule of enrollment against the rules it was chosen over, on LFW dev people with at least four
 * images (the first 60 such people, about 400 images): a sample scored against a mean that includes it passes for
 * anyone; against the mean of the others, a stranger's photos brought in equal numbers pass far more often than
 * with every pair compared; and the rule's threshold keeps one stranger's photo out about as well as the standard
 * security level keeps a stranger's face out.
 */
public class SamePersonScoringTest {
    private static SamePersonScoring scoring;

    @BeforeClass
    public static void embed() throws Exception {
        LabeledEmbeddings lfw = new LabeledEmbeddings(60, 4);
        scoring = new SamePersonScoring(lfw.embeddings, lfw.identity);
    }

    @Test
    public void aMeanThatIncludesTheSampleMakesTwoStrangersLookAlike() {
        Calibration c = scoring.sets(2, SamePersonScoring.Rule.INCLUDING_ITSELF).oneStranger();
        // cos(a, (a + b) / |a + b|) = sqrt((1 + cos(a, b)) / 2): 0.71 for unrelated faces
        assertEquals("median stranger score", 0.71, c.thresholdAt(0.5), 0.03);
        assertTrue("strangers accepted: " + c.farAt(SamePerson.THRESHOLD), c.farAt(SamePerson.THRESHOLD) > 0.99);
    }

    @Test
    public void comparingEveryPairKeepsBalancedMixesOutWhereTheLeaveOneOutTemplateDoesNot() {
        float t = SamePerson.THRESHOLD;
        Calibration pairwise = scoring.sets(4, SamePersonScoring.Rule.PAIRWISE).balancedMix();
        Calibration leaveOneOut = scoring.sets(4, SamePersonScoring.Rule.LEAVE_ONE_OUT).balancedMix();
        assertEquals(60 * 59, pairwise.impostorTrials());
        assertTrue("leave-one-out accepts two people 2 + 2: " + leaveOneOut.farAt(t), leaveOneOut.farAt(t) > 0.01);
        assertTrue("pairwise " + pairwise.farAt(t) + ", leave-one-out " + leaveOneOut.farAt(t), pairwise.farAt(t) < leaveOneOut.farAt(t) / 10);
    }

    @Test
    public void theThresholdKeepsOneStrangerOutAsTheStandardLevelDoes() {
        SamePersonScoring.Sets two = scoring.sets(2, SamePersonScoring.Rule.PAIRWISE);
        assertNull("no balanced mix of two samples", two.balancedMix());
        Calibration c = two.oneStranger();
        assertTrue("FAR " + c.farAt(SamePerson.THRESHOLD), c.farAt(SamePerson.THRESHOLD) < 3e-3);
        assertTrue("FRR " + c.frrAt(SamePerson.THRESHOLD), c.frrAt(SamePerson.THRESHOLD) < 0.05);
        // a photo added to a person enrolled from one: the same trials as a pair of two
        Calibration join = scoring.joining(1);
        assertEquals(c.farAt(SamePerson.THRESHOLD), join.farAt(SamePerson.THRESHOLD), 1e-3);
    }

    @Test(expected = IllegalArgumentException.class)
    public void aSetOfOneIsNoSet() {
        new SamePersonScoring(Collections.singletonList(new Embedding(new float[] {1, 0})), Collections.singletonList("ada"))
                .sets(1, SamePersonScoring.Rule.PAIRWISE);
    }
}
