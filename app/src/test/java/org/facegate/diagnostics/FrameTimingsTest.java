package org.facegate.diagnostics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.facegate.diagnostics.FrameTimings.Stage;
import org.junit.Test;

/** The rolling window of frame timings on synthetic frames (plain JUnit). */
public class FrameTimingsTest {
    private static final long MS = 1_000_000;

    /** A frame of 2 ms conversion, 5 ms detect, 3 ms mesh, 20 ms embed, 4 ms liveness, 40 ms analysis, ended at {@code end}. */
    private static void frame(FrameTimings t, long end) {
        t.begin();
        t.add(Stage.DETECT, 5 * MS);
        t.add(Stage.MESH, 1 * MS);
        t.add(Stage.MESH, 2 * MS);
        t.add(Stage.EMBED, 20 * MS);
        t.add(Stage.LIVENESS, 4 * MS);
        t.frameDone(2 * MS, 40 * MS, end);
    }

    @Test
    public void meansPerStageTheRestAndTheFrameRate() {
        FrameTimings t = new FrameTimings();
        assertEquals(0, t.summary().frames());
        for (int i = 0; i < 10; i++) frame(t, 1000 + 125L * i);
        FrameTimings.Summary s = t.summary();
        assertEquals(10, s.frames());
        assertEquals(2, s.millis(Stage.CONVERT), 1e-9);
        assertEquals(5, s.millis(Stage.DETECT), 1e-9);
        assertEquals(3, s.millis(Stage.MESH), 1e-9);
        assertEquals(20, s.millis(Stage.EMBED), 1e-9);
        assertEquals(4, s.millis(Stage.LIVENESS), 1e-9);
        assertEquals("analysis outside the stages", 40 - 5 - 3 - 20 - 4, s.otherMillis(), 1e-9);
        assertEquals("conversion and analysis", 42, s.totalMillis(), 1e-9);
        assertEquals("9 intervals of 125 ms", 8, s.fps(), 1e-9);
    }

    @Test
    public void keepsWhenTheLastAttemptShowedItsFirstInstruction() {
        FrameTimings t = new FrameTimings();
        frame(t, 0);
        assertTrue("none shown yet", Double.isNaN(t.summary().firstInstructionMillis()));
        t.begin();
        t.firstInstruction(6 * MS);
        t.frameDone(2 * MS, 38 * MS, 100);
        // the frames after it, more than a window of them, keep it: an attempt lasts longer than its first frame
        for (int i = 0; i < 40; i++) frame(t, 200 + 100L * i);
        FrameTimings.Summary s = t.summary();
        assertEquals(6, s.firstInstructionMillis(), 1e-9);
        assertEquals("the analysis of that frame, not the conversion", 38, s.firstFrameMillis(), 1e-9);
        t.clear();
        assertTrue(Double.isNaN(t.summary().firstInstructionMillis()));
    }

    @Test
    public void keepsTheLast30AndForgetsWorkBeforeAFrame() {
        FrameTimings t = new FrameTimings();
        for (int i = 0; i < 40; i++) frame(t, 100L * i);
        // a model run outside any frame (the gate loading) is not counted
        t.add(Stage.EMBED, 500 * MS);
        frame(t, 4000);
        FrameTimings.Summary s = t.summary();
        assertEquals(FrameTimings.WINDOW, s.frames());
        assertEquals(20, s.millis(Stage.EMBED), 1e-9);
        assertEquals("frames 11..39 and the last, 100 ms apart", 10, s.fps(), 1e-9);
        t.clear();
        assertEquals(0, t.summary().frames());
        assertEquals(0, t.summary().fps(), 0);
    }
}
