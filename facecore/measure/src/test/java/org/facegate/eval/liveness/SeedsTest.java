package org.facegate.eval.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Streams of neighbouring seeds and indices are unrelated from their first draw on. */
public class SeedsTest {
    @Test
    public void firstDrawsOfNeighbouringStreamsSpreadOverTheRange() {
        for (boolean bySeed : new boolean[] {true, false}) {
            double lowest = 1, highest = 0, sum = 0;
            for (int k = 0; k < 50; k++) {
                double d = (bySeed ? Seeds.random(k, Seeds.Use.REACTION, 0) : Seeds.random(3, Seeds.Use.NOISE, k)).nextDouble();
                lowest = Math.min(lowest, d);
                highest = Math.max(highest, d);
                sum += d;
            }
            // java.util.Random seeded 0..49 directly: every first draw in 0.7305-0.7312
            assertTrue((bySeed ? "seeds" : "indices") + ": " + lowest + " to " + highest, lowest < 0.1 && highest > 0.9);
            assertEquals("mean of 50 uniform draws", 0.5, sum / 50, 0.15);
        }
    }

    @Test
    public void theSameSeedAndIndexGiveTheSameStream() {
        assertEquals(Seeds.random(5, Seeds.Use.NOISE, 77).nextLong(), Seeds.random(5, Seeds.Use.NOISE, 77).nextLong());
        assertTrue(Seeds.random(5, Seeds.Use.NOISE, 77).nextLong() != Seeds.random(77, Seeds.Use.NOISE, 5).nextLong());
    }

    @Test
    public void usesOfOneSeedAndIndexAreUnrelated() {
        // frame 3's capture jitter and its noise, the pipeline's cost and the owner's reaction: each pair drew the same
        // numbers when streams were keyed by seed and index alone
        for (long seed = 0; seed < 20; seed++) {
            long capture = Seeds.random(seed, Seeds.Use.CAPTURE_JITTER, 3).nextLong(), noise = Seeds.random(seed, Seeds.Use.NOISE, 3).nextLong();
            long cost = Seeds.random(seed, Seeds.Use.PROCESSING_COST, 0).nextLong(), reaction = Seeds.random(seed, Seeds.Use.REACTION, 0).nextLong();
            assertTrue("seed " + seed, capture != noise && cost != reaction);
        }
    }
}
