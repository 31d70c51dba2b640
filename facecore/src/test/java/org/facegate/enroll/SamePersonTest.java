package org.facegate.enroll;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.facegate.embed.Embedding;
import org.junit.Test;

/** The same-person rule on vectors whose similarities are known: the least alike pair, the least alike to a template. */
public class SamePersonTest {
    /** A unit vector at {@code cos} to (1, 0, 0), in the x-y plane (or x-z when {@code z}). */
    private static Embedding at(double cos, boolean z) {
        double sin = Math.sqrt(1 - cos * cos);
        return new Embedding(new float[] {(float) cos, z ? 0 : (float) sin, z ? (float) sin : 0});
    }

    @Test
    public void theLeastAlikePairDecides() {
        Embedding x = new Embedding(new float[] {1, 0, 0});
        // y and z are each 0.9 alike x, and 0.81 alike each other
        SamePerson.Comparison c = SamePerson.leastSimilarPair(List.of(x, at(0.9, false), at(0.9, true)));
        assertEquals(1, c.sample());
        assertEquals(2, c.other());
        assertEquals(0.81f, c.similarity(), 1e-5f);
        assertTrue(c.samePerson());
        assertNull("one sample has no pair", SamePerson.leastSimilarPair(List.of(x)));
    }

    @Test
    public void theThresholdIsTheLeastSimilarityOfOnePerson() {
        Embedding x = new Embedding(new float[] {1, 0, 0});
        assertTrue(SamePerson.leastSimilarPair(List.of(x, at(SamePerson.THRESHOLD + 1e-4, false))).samePerson());
        assertFalse(SamePerson.leastSimilarPair(List.of(x, at(SamePerson.THRESHOLD - 1e-4, false))).samePerson());
    }

    @Test
    public void theSampleLeastAlikeATemplateDecides() {
        Embedding template = new Embedding(new float[] {1, 0, 0});
        SamePerson.Comparison c = SamePerson.leastSimilarTo(template, List.of(at(0.8, false), at(0.2, true), at(0.6, false)));
        assertEquals(1, c.sample());
        assertEquals(-1, c.other());
        assertEquals(0.2f, c.similarity(), 1e-5f);
        assertFalse(c.samePerson());
    }
}
