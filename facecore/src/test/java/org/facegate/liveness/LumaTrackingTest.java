package org.facegate.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.facegate.image.LumaPlane;
import org.facegate.image.LumaPlaneTest;
import org.facegate.image.RgbImage;
import org.facegate.testing.TestData;
import org.junit.Test;

/**
 * Pixel tracking on a camera's luma plane: a plane lying on the sensor at 90 degrees is read in the coordinates the
 * mesh runs in (the upright RGB frame), so the trackers see what they would compute from the RGB, and their pyramids
 * are rewritten in place frame after frame.
 */
public class LumaTrackingTest {
    /** The upright frame's luma as a front camera's sensor at 90 degrees holds it. */
    private static LumaPlane plane90(RgbImage upright) {
        return new LumaPlane(LumaPlaneTest.onSensor(upright, 90), upright.height(), upright.width(), 90);
    }

    @Test
    public void aPyramidFromThePlaneIsTheOneFromTheRgbAndReusesItsArrays() {
        RgbImage upright = LumaPlaneTest.photo();
        PointTracker.Gray[] fromRgb = PointTracker.pyramid(upright, null, null);
        PointTracker.Gray[] fromPlane = PointTracker.pyramid(upright, plane90(upright), null);
        for (int l = 0; l < PointTracker.LEVELS; l++) {
            assertEquals(fromRgb[l].width, fromPlane[l].width);
            for (int i = 0; i < fromRgb[l].v.length; i++) {
                assertEquals("level " + l + " value " + i + ": bytes round the float luma", fromRgb[l].v[i], fromPlane[l].v[i], 0.5f);
            }
        }
        // the plane, not the RGB, is what is read: a black plane gives a black pyramid
        PointTracker.Gray[] black = PointTracker.pyramid(upright, new LumaPlane(new byte[upright.width() * upright.height()], upright.height(), upright.width(), 90), null);
        for (float v : black[0].v) assertEquals(0, v, 0);
        float[] level0 = fromPlane[0].v;
        assertSame("written in place", fromPlane, PointTracker.pyramid(upright, plane90(upright), fromPlane));
        assertSame(level0, fromPlane[0].v);
    }

    @Test
    public void blinksOfTheRealClipReadTheSameFromA90DegreePlane() throws Exception {
        List<RgbImage> images = LivenessData.clip();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            List<LivenessFrame> frames = LivenessData.analyze(analyzer, images);
            BlinkDetector rgb = new BlinkDetector(), luma = new BlinkDetector();
            int compared = 0;
            for (int i = 0; i < frames.size(); i++) {
                LivenessFrame f = frames.get(i);
                if (!f.hasFace()) continue;
                boolean a = rgb.add(f.timeMillis(), f.mesh(), f.image());
                boolean b = luma.add(f.timeMillis(), f.mesh(), f.image(), plane90(f.image()));
                assertEquals("blink completed at frame " + (i + 1), a, b);
                if (!Float.isNaN(rgb.correlation())) {
                    assertEquals("eye correlation at frame " + (i + 1), rgb.correlation(), luma.correlation(), 0.02f);
                    compared++;
                }
            }
            assertTrue("blinks found: " + rgb.blinks(), rgb.blinks() >= 3);
            assertEquals(rgb.blinks(), luma.blinks());
            assertTrue("frames compared: " + compared, compared > 100);
        }
    }
}
