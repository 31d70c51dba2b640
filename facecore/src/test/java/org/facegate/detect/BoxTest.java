package org.facegate.detect;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** {@link Box#squareCrop}: centred on the box, clipped at whichever frame edge it crosses. */
public class BoxTest {
    private static final int W = 640, H = 480;

    /** A 20x10 box centred on (cx, cy): the crop side is 2 x 20 = 40 before clipping. */
    private static Box around(float cx, float cy) {
        return new Box(cx - 10, cy - 5, cx + 10, cy + 5).squareCrop(2f, W, H);
    }

    @Test
    public void insideTheFrameTheSquareIsCentredOnTheLongerSide() {
        assertEquals(new Box(300, 220, 340, 260), around(320, 240));
    }

    @Test
    public void clippedAtEachEdge() {
        assertEquals("left", new Box(0, 220, 25, 260), around(5, 240));
        assertEquals("top", new Box(300, 0, 340, 25), around(320, 5));
        assertEquals("right", new Box(615, 220, 640, 260), around(635, 240));
        assertEquals("bottom", new Box(300, 455, 340, 480), around(320, 475));
        assertEquals("top-left corner", new Box(0, 0, 20, 20), around(0, 0));
        assertEquals("bottom-right corner", new Box(620, 460, 640, 480), around(W, H));
    }

    @Test
    public void aBoxOutsideTheFrameGivesAnEmptyCrop() {
        Box c = around(1000, 240);
        assertEquals(0f, c.width(), 0f);
        assertEquals(new Box(0, 0, 0, 0), new Box(-100, -100, -80, -80).squareCrop(2f, W, H));
    }

    @Test
    public void fractionalCentresRoundToWholePixels() {
        // centre 100.25, side 2.2 x 21 = 46.2: edges at 77.15 and 123.35
        Box c = new Box(89.75f, 95f, 110.75f, 105f).squareCrop(2.2f, W, H);
        assertEquals(new Box(77, 77, 123, 123), c);
    }
}
