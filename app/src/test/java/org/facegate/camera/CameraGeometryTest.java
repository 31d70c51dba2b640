package org.facegate.camera;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import android.graphics.Matrix;
import android.util.Size;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

@RunWith(RobolectricTestRunner.class)
public class CameraGeometryTest {
    /** The YUV sizes of a typical phone front camera (4:3 sensor). */
    private static final Size[] YUV = {new Size(4000, 3000), new Size(1920, 1080), new Size(1440, 1080), new Size(1280, 720),
        new Size(960, 720), new Size(720, 480), new Size(640, 480), new Size(352, 288), new Size(320, 240)};

    @Test
    public void rotationFollowsSensorAndDisplay() {
        assertEquals("typical front camera, portrait", 270, CameraGeometry.frameRotation(270, 0, true));
        assertEquals("front, landscape (display turned 90)", 0, CameraGeometry.frameRotation(270, 90, true));
        assertEquals("front, reverse landscape", 180, CameraGeometry.frameRotation(270, 270, true));
        assertEquals("front, upside down", 90, CameraGeometry.frameRotation(270, 180, true));
        assertEquals("back camera, portrait", 90, CameraGeometry.frameRotation(90, 0, false));
        assertEquals("back, landscape", 0, CameraGeometry.frameRotation(90, 90, false));
    }

    @Test
    public void analysisIsAbout640x480InTheSensorsShape() {
        assertEquals(new Size(640, 480), CameraGeometry.analysisSize(YUV, new Size(4000, 3000)));
        // no 640x480: the 4:3 size nearest in area, not the 16:9 one that happens to be nearer
        Size[] no640 = {new Size(1280, 720), new Size(800, 600), new Size(720, 400), new Size(320, 240)};
        assertEquals(new Size(800, 600), CameraGeometry.analysisSize(no640, new Size(4, 3)));
        // a 16:9 sensor: its own shape
        assertEquals(new Size(854, 480), CameraGeometry.analysisSize(new Size[] {new Size(1280, 720), new Size(854, 480), new Size(640, 480)},
                new Size(1920, 1080)));
        assertEquals(new Size(640, 480), CameraGeometry.analysisSize(null, new Size(4, 3)));
    }

    @Test
    public void previewIsDisplaySizedInTheAnalysisShape() {
        Size analysis = new Size(640, 480);
        assertEquals("covers a 1080x2340 display's short side, long side along the sensor", new Size(1440, 1080),
                CameraGeometry.previewSize(YUV, analysis, 1080, 2340));
        assertEquals("a 720x1280 display", new Size(1440, 1080), CameraGeometry.previewSize(YUV, analysis, 720, 1280));
        assertEquals("a small display", new Size(640, 480), CameraGeometry.previewSize(YUV, analysis, 480, 640));
        assertEquals("never above 1080p, even for a 1440p display", new Size(1440, 1080), CameraGeometry.previewSize(YUV, analysis, 1440, 3120));
        assertEquals("no size of that shape: the analysis size", analysis,
                CameraGeometry.previewSize(new Size[] {new Size(1920, 1080)}, analysis, 1080, 1920));
    }

    private static float[] map(Matrix m, float x, float y) {
        float[] p = {x, y};
        m.mapPoints(p);
        return p;
    }

    @Test
    public void thePreviewFillsItsViewUndistortedAtEveryDisplayRotation() {
        Size buffer = new Size(1440, 1080);
        int[][] views = {{1080, 2000}, {2000, 1080}, {1080, 1080}, {600, 1400}};
        for (int degrees : new int[] {0, 90, 180, 270}) {
            for (int[] v : views) {
                int vw = v[0], vh = v[1];
                Matrix m = CameraGeometry.previewTransform(vw, vh, buffer, degrees);
                // the view draws the buffer (upright for the natural, portrait orientation) stretched over itself
                float[] o = map(m, 0, 0), right = map(m, vw, 0), down = map(m, 0, vh), far = map(m, vw, vh);
                double across = Math.hypot(right[0] - o[0], right[1] - o[1]), along = Math.hypot(down[0] - o[0], down[1] - o[1]);
                String at = degrees + " deg, view " + vw + "x" + vh;
                assertEquals("undistorted: the sensor's 3:4 in portrait, " + at, 1080.0 / 1440, across / along, 1e-3);
                float minX = Math.min(Math.min(o[0], right[0]), Math.min(down[0], far[0])), maxX = Math.max(Math.max(o[0], right[0]), Math.max(down[0], far[0]));
                float minY = Math.min(Math.min(o[1], right[1]), Math.min(down[1], far[1])), maxY = Math.max(Math.max(o[1], right[1]), Math.max(down[1], far[1]));
                assertTrue("covers the view: " + at, minX <= 0.5f && minY <= 0.5f && maxX >= vw - 0.5f && maxY >= vh - 0.5f);
                assertTrue("centre crop, one side exact: " + at, Math.abs(minX) < 0.5f && Math.abs(maxX - vw) < 0.5f || Math.abs(minY) < 0.5f && Math.abs(maxY - vh) < 0.5f);
                // the buffer's natural down turned as Camera2Basic turns it: against the display rotation
                double angle = Math.toDegrees(Math.atan2(down[1] - o[1], down[0] - o[0]));
                double expected = new double[] {90, 0, -90, 180}[degrees / 90];
                assertEquals("direction of the buffer's down, " + at, 0, Math.IEEEremainder(angle - expected, 360), 1e-3);
            }
        }
    }

    @Test
    public void focusOnlyInAModeTheCameraLists() {
        assertEquals(null, Camera2FrameSource.focusMode(new int[] {0}));           // fixed focus: OFF only
        assertEquals(null, Camera2FrameSource.focusMode(null));
        assertEquals(Integer.valueOf(3), Camera2FrameSource.focusMode(new int[] {0, 1, 3}));        // CONTINUOUS_VIDEO
        assertEquals(Integer.valueOf(4), Camera2FrameSource.focusMode(new int[] {0, 1, 2, 3, 4, 5}));  // CONTINUOUS_PICTURE
    }
}
