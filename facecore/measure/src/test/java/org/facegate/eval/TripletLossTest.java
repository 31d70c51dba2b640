package org.facegate.eval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.facegate.embed.Embedding;
import org.facegate.match.Person;
import org.facegate.testing.Pipelines;
import org.facegate.testing.TestData;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** The triplet margin measured on real LFW faces. */
public class TripletLossTest {
    private static Pipelines p;
    private static List<Person> household;

    @BeforeClass
    public static void enroll() throws Exception {
        TestData.lfw();
        p = new Pipelines();
        household = Arrays.asList(
                new Person("colin", Arrays.asList(p.lfw("Colin_Powell", 40), p.lfw("Colin_Powell", 49))),
                new Person("tony", Collections.singletonList(p.lfw("Tony_Blair", 18))),
                new Person("david", Arrays.asList(p.lfw("David_Beckham", 1), p.lfw("David_Beckham", 9))));
    }

    @AfterClass
    public static void close() {
        if (p != null) p.close();
    }

    @Test
    public void tripletMarginOnRealFaces() {
        double rate = TripletLoss.violationRate(household, TripletLoss.ALPHA);
        assertTrue("violation rate " + rate, rate < 0.05);
        assertTrue(TripletLoss.tooClose(household, TripletLoss.ALPHA).isEmpty());
        Embedding colin = p.lfw("Colin_Powell", 40);
        List<Person> same = Arrays.asList(household.get(0), new Person("colin-again", Collections.singletonList(colin)));
        assertEquals(Collections.singletonList("colin ~ colin-again"), TripletLoss.tooClose(same, TripletLoss.ALPHA));
        assertEquals(0f, TripletLoss.loss(colin, colin, p.lfw("Tony_Blair", 18), TripletLoss.ALPHA), 0f);
    }
}
