package org.facegate.camera;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;
import org.facegate.image.RgbImage;
import org.facegate.testing.Photos;
import org.facegate.testing.Yuv;
import org.junit.Test;

/** The converter alone, on planes laid out as phones deliver them (plain JUnit: no Android class involved). */
public class YuvConverterTest {
    /** 8x4 image of 2x2 single-colour blocks, so 4:2:0 chroma subsampling loses nothing. */
    private static RgbImage blocks() {
        int[] colors = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x00FFFF, 0xFF00FF, 0x808080, 0x203040};
        int[] px = new int[8 * 4];
        for (int y = 0; y < 4; y++) for (int x = 0; x < 8; x++) px[y * 8 + x] = 0xFF000000 | colors[(y / 2) * 4 + x / 2];
        return new RgbImage(8, 4, px);
    }

    private static RgbImage turned(RgbImage in, int degrees) {
        for (int i = 0; i < degrees / 90; i++) in = Yuv.clockwise(in);
        return in;
    }

    /** Mean absolute difference per channel, and fails on any pixel off by more than {@code max}. */
    private static double compare(RgbImage expected, RgbImage actual, int max) {
        assertEquals(expected.width(), actual.width());
        assertEquals(expected.height(), actual.height());
        long sum = 0;
        for (int i = 0; i < expected.width() * expected.height(); i++) {
            for (int s = 0; s <= 16; s += 8) {
                int d = Math.abs(((expected.argb()[i] >> s) & 0xFF) - ((actual.argb()[i] >> s) & 0xFF));
                if (d > max) {
                    fail(String.format("pixel (%d, %d): expected %06x, got %06x", i % expected.width(), i / expected.width(),
                            expected.argb()[i] & 0xFFFFFF, actual.argb()[i] & 0xFFFFFF));
                }
                sum += d;
            }
        }
        return sum / (3.0 * expected.width() * expected.height());
    }

    @Test
    public void everyRotationAndMirroringOnBothChromaLayouts() {
        RgbImage sensor = blocks();
        for (Yuv.Layout layout : new Yuv.Layout[] {Yuv.Layout.NV21, Yuv.Layout.I420}) {
            YuvPlanes planes = Yuv.encode(sensor, layout);
            for (int rotation : new int[] {0, 90, 180, 270}) {
                RgbImage upright = turned(sensor, rotation);
                RgbImage out = new YuvConverter().toRgb(planes, rotation, false, null);
                compare(upright, out, 3);
                compare(upright.mirrored(), new YuvConverter().toRgb(planes, rotation, true, null), 3);
                assertEquals(YuvConverter.uprightWidth(8, 4, rotation), out.width());
            }
        }
    }

    @Test
    public void aRealPhotoOnTheSensorOfAFrontCameraComesOutUpright() throws Exception {
        File f = Photos.sample(1);
        BufferedImage bi = ImageIO.read(f);
        // a 480x640 portrait crop, as a front camera with its sensor at 270 degrees films a face in portrait
        int w = 480, h = 640;
        int[] px = bi.getRGB(0, 0, w, h, null, 0, w);
        RgbImage upright = new RgbImage(w, h, px);
        RgbImage onSensor = turned(upright, 90);            // what the 640x480 sensor holds: turning it 270 more is upright
        YuvPlanes planes = Yuv.encode(onSensor, Yuv.Layout.NV21);
        YuvConverter c = new YuvConverter();
        RgbImage out = c.toRgb(planes, 270, false, null);
        // chroma is shared by 2x2 pixels: edges between colours differ, the image as a whole must not
        double mean = compare(upright, out, 255);
        assertTrue("mean difference " + mean, mean < 3);
        // the array handed over is written, not reallocated
        RgbImage again = c.toRgb(planes, 270, false, out.argb());
        assertSame(out.argb(), again.argb());
        assertTrue(compare(upright, again, 255) < 3);
    }

    @Test
    public void refusesWhatIsNotACameraImage() {
        RgbImage sensor = blocks();
        YuvPlanes planes = Yuv.encode(sensor, Yuv.Layout.I420);
        try {
            new YuvConverter().toRgb(planes, 45, false, null);
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("rotation must be 0, 90, 180 or 270: 45", e.getMessage());
        }
        try {
            new YuvPlanes(8, 6, planes.y(), planes.yRowStride(), planes.u(), planes.v(), planes.uvRowStride(), 1);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("Y plane has "));
        }
    }
}
