package org.facegate.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The hold of a head movement's evidence on synthetic margins, at the frame gaps of 4-12 processed fps. */
public class EvidenceWindowTest {
    @Test
    public void oneFrameIsNeverEnoughTwoSpanningTheHoldAre() {
        EvidenceWindow w = new EvidenceWindow(80);
        assertFalse("one frame, however far over", w.add(0, 100));
        assertTrue(w.add(80, 1)); // exactly on the bound, exactly the hold time later
        EvidenceWindow twelveFps = new EvidenceWindow(80);
        assertFalse(twelveFps.add(0, 2));
        assertFalse("42 ms is under the hold", twelveFps.add(42, 2));
        assertTrue(twelveFps.add(83, 2));
        EvidenceWindow fourFps = new EvidenceWindow(80);
        assertFalse(fourFps.add(0, 2));
        assertTrue("two frames at 4 fps", fourFps.add(250, 2));
    }

    @Test
    public void aFrameUnderTheBoundRestartsTheHold() {
        EvidenceWindow w = new EvidenceWindow(80);
        assertFalse(w.add(0, 2));
        assertFalse(w.add(83, 0.5f));
        assertFalse("the window reaches back to the frame under the bound", w.add(167, 2));
        assertTrue(w.add(250, 2));
        // frames at the same time: the later one counts as the newer
        EvidenceWindow same = new EvidenceWindow(80);
        same.add(0, 2);
        same.add(0, 0.5f);
        assertFalse(same.add(80, 2));
    }

    @Test
    public void nothingMeasuredFailsAndClearForgets() {
        EvidenceWindow w = new EvidenceWindow(80);
        assertTrue("before any window spanned the hold", Float.isNaN(w.best()));
        w.add(0, Float.NaN);
        assertFalse(w.add(100, 2));
        assertEquals(Float.NEGATIVE_INFINITY, w.best(), 0);
        w.clear();
        assertFalse("the frames before the clear hold nothing", w.add(200, 2));
        assertTrue(w.add(300, 2));
        assertEquals(2, w.best(), 0);
    }

    @Test
    public void theBestHeldMarginIsTheBestWindowsWorstFrame() {
        // a photo whose tracked nose rises towards the bound: one frame reaches 3, never two in a row
        EvidenceWindow w = new EvidenceWindow(80);
        float[] margins = {0.8f, 0.9f, 0.95f, 3f, 0.7f};
        for (int i = 0; i < margins.length; i++) assertFalse(w.add(100L * i, margins[i]));
        assertEquals(0.95f, w.best(), 0);
    }

    @Test
    public void theHoldTimeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new EvidenceWindow(0));
    }

    @Test
    public void pendingWhileTheNewestFrameIsOverTheBound() {
        EvidenceWindow w = new EvidenceWindow(80);
        assertFalse("nothing yet", w.pending());
        w.add(0, 1.5f);
        assertTrue("one frame over: the hold is to come", w.pending());
        w.add(83, 0.5f);
        assertFalse("the newest frame fell under", w.pending());
        w.add(167, 2);
        assertTrue(w.pending());
        w.clear();
        assertFalse("cleared", w.pending());
        w.add(200, Float.NaN);
        assertFalse("nothing measured", w.pending());
    }
}
