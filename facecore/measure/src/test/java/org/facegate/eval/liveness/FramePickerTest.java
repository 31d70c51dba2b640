package org.facegate.eval.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Which frames a phone of a given processing rate picks up from a camera, and when they were captured. */
public class FramePickerTest {
    /** Mean processed rate over 60 s of frames. */
    private static double processedRate(double captureFps, double processFps, long seed) {
        FramePicker p = new FramePicker(captureFps, processFps, seed);
        int n = 0;
        int i = p.next();
        while (p.captureMillis(i) < 60_000) {
            n++;
            i = p.next();
        }
        return n / (p.captureMillis(i) / 1000.0);
    }

    @Test
    public void thePipelineProcessesItsRateOnAverage() {
        for (double capture : new double[] {30, 12}) {
            for (double rate : new double[] {12, 8, 6, 4}) {
                if (rate > capture) continue;
                double measured = processedRate(capture, rate, 3);
                assertEquals(capture + " fps camera, " + rate + " fps pipeline: " + measured, rate, measured, 0.05 * rate);
            }
        }
    }

    @Test
    public void aPipelineAsFastAsTheCameraTakesEveryFrame() {
        FramePicker p = new FramePicker(12, 12, 1);
        for (int k = 0; k < 200; k++) assertEquals(k, p.next());
        FramePicker faster = new FramePicker(12, 30, 1);
        for (int k = 0; k < 200; k++) assertEquals(k, faster.next());
    }

    @Test
    public void gapsAreUnevenAndCaptureTimesJittered() {
        FramePicker p = new FramePicker(30, 8, 5);
        int last = p.next();
        java.util.Set<Integer> gaps = new java.util.HashSet<>();
        for (int k = 0; k < 100; k++) {
            int i = p.next();
            gaps.add(i - last);
            last = i;
        }
        assertTrue("uneven gaps " + gaps, gaps.size() >= 2);
        double lowest = Double.POSITIVE_INFINITY, highest = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < 300; i++) {
            long t = p.captureMillis(i);
            double offset = t - i * 1000 / 30.0;
            assertTrue(i + ": " + t, Math.abs(offset) <= 0.1 * 1000 / 30 + 0.5);
            assertTrue("increasing", t > p.captureMillis(i - 1));
            lowest = Math.min(lowest, offset);
            highest = Math.max(highest, offset);
        }
        // jitter from frame to frame, not one offset for the whole session (+-3.3 ms: 300 frames span most of it)
        assertTrue("offsets from " + lowest + " to " + highest + " ms", highest - lowest > 0.1 * 1000 / 30);
        assertEquals("the same seed, the same times", new FramePicker(30, 8, 5).captureMillis(77), p.captureMillis(77));
    }

    @Test
    public void aRealCostPicksTheFirstFrameAfterIt() {
        FramePicker p = new FramePicker(30, 6, 2);
        assertEquals(0, p.next(250));
        int i = p.next(250);
        assertTrue(p.captureMillis(i) >= 250 && p.captureMillis(i - 1) < 250);
    }
}
