package org.facegate.match;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.facegate.embed.Embedding;
import org.facegate.testing.Pipelines;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** Verification and identification on real LFW faces. */
public class MatcherTest {
    private static Pipelines p;
    private static List<Person> household;

    @BeforeClass
    public static void enroll() throws Exception {
        org.facegate.testing.TestData.lfw();
        p = new Pipelines();
        household = Arrays.asList(
                new Person("colin", Arrays.asList(p.lfw("Colin_Powell", 40), p.lfw("Colin_Powell", 49))),
                new Person("tony", Collections.singletonList(p.lfw("Tony_Blair", 18))), // one-shot
                new Person("david", Arrays.asList(p.lfw("David_Beckham", 1), p.lfw("David_Beckham", 9))));
    }

    @AfterClass
    public static void close() {
        if (p != null) p.close();
    }

    @Test
    public void verifiesTheOwnerOnAnotherPhotoAndRejectsAStranger() {
        Matcher m = new Matcher(SecurityLevel.standard());
        assertTrue(m.verify(p.lfw("Colin_Powell", 133), household.get(0)).accepted());
        Verification stranger = m.verify(p.lfw("Hugo_Chavez", 27), household.get(0));
        assertFalse("score " + stranger.score(), stranger.accepted());
    }

    @Test
    public void identifiesEachMemberAndCallsAStrangerUnknown() {
        Matcher m = new Matcher(SecurityLevel.standard());
        assertEquals("colin", m.identify(p.lfw("Colin_Powell", 170), household).name());
        assertEquals("tony", m.identify(p.lfw("Tony_Blair", 48), household).name());
        assertEquals("david", m.identify(p.lfw("David_Beckham", 11), household).name());
        Identification who = m.identify(p.lfw("Silvio_Berlusconi", 8), household);
        assertNull(who.name());
        assertEquals(Identification.Reason.BELOW_THRESHOLD, who.reason());
        assertEquals("best match below threshold", who.reason().text());
    }

    @Test
    public void ambiguousBetweenTwoPeopleIsUnknown() {
        // the same face enrolled under two names: best and runner-up are equal, so no name is given
        Embedding e = p.lfw("Colin_Powell", 40);
        List<Person> twins = Arrays.asList(new Person("a", Collections.singletonList(e)), new Person("b", Collections.singletonList(e)));
        Identification id = new Matcher(SecurityLevel.standard()).identify(p.lfw("Colin_Powell", 49), twins);
        assertNull(id.name());
        assertEquals(Identification.Reason.AMBIGUOUS, id.reason());
    }

    @Test
    public void aPersonOfSeveralSamplesIsMatchedByTheirMean() {
        Person colin = household.get(0);
        assertEquals(2, colin.samples().size());
        float[] sum = new float[colin.samples().get(0).dimension()];
        for (Embedding s : colin.samples()) for (int i = 0; i < sum.length; i++) sum[i] += s.values()[i];
        Embedding mean = new Embedding(sum);
        Embedding probe = household.get(1).samples().get(0);
        assertEquals(mean.cosine(probe), colin.score(probe), 1e-6f);
        // the index scores by the same template as verification
        int[] who = new int[2];
        float[] score = new float[2];
        GalleryIndex.of(household).search(probe, who, score);
        assertEquals("tony", household.get(who[0]).name());
        Person runnerUp = colin.score(probe) > household.get(2).score(probe) ? colin : household.get(2);
        assertEquals(runnerUp.name(), household.get(who[1]).name());
        assertEquals(runnerUp.score(probe), score[1], 1e-6f);
    }

    @Test
    public void emptyGalleryIsUnknown() {
        assertEquals(Identification.Reason.NOBODY_ENROLLED, new Matcher(SecurityLevel.standard()).identify(p.lfw("Colin_Powell", 40), Collections.emptyList()).reason());
    }

    @Test
    public void frameVoterNeedsKOfNAgreeingFrames() {
        FrameVoter v = new FrameVoter(3, 5);
        Identification colin = new Identification("colin", 0.8f, "colin", 0.1f, null);
        Identification unknown = new Identification(null, 0.2f, "colin", 0.1f, Identification.Reason.BELOW_THRESHOLD);
        Identification tony = new Identification("tony", 0.7f, "tony", 0.1f, null);
        assertNull(v.add(colin));
        assertNull(v.add(tony));
        assertNull(v.add(unknown));
        assertNull(v.add(colin));
        assertEquals("colin", v.add(colin));
        // the first colin vote slides out of the 5-frame window
        assertNull(v.add(unknown));
    }

    @Test
    public void securityLevelsAreOrderedByStrictness() {
        List<SecurityLevel> l = SecurityLevel.all();
        assertEquals(4, l.size());
        for (int i = 1; i < l.size(); i++) {
            assertTrue(l.get(i - 1).threshold() < l.get(i).threshold() && l.get(i - 1).far() > l.get(i).far());
        }
        // Android's limit for a biometric that unlocks anything (CDD 7.3.10 C-1-1: FAR below 0.002%)
        assertTrue(SecurityLevel.named("maximum").far() <= 2e-5);
        assertTrue(SecurityLevel.standard().describe(), SecurityLevel.standard().describe().startsWith("standard: 1 false accept in 1,000"));
    }
}
