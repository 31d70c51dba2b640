package org.facegate.image;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import org.facegate.testing.TestData;
import org.junit.Test;

/** A camera's luma plane, lying on the sensor at each of the four turns, read in the upright frame's coordinates. */
public class LumaPlaneTest {
    /** A real photo's corner, 161x97 (odd sizes: no symmetry hides a swapped axis). */
    public static RgbImage photo() {
        File f = TestData.modelCache().resolve("vladmandic-face-api-1.7.15/demo/sample1.jpg").toFile();
        assumeTrue("face-api demo photos not fetched: " + f, f.isFile());
        return TestData.read(f).crop(300, 120, 161, 97);
    }

    public static int luma(int p) {
        return Math.round(0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF));
    }

    /** The photo's luma as a sensor holds it when turning the sensor image clockwise by {@code degrees} makes it upright. */
    public static byte[] onSensor(RgbImage upright, int degrees) {
        int w = upright.width(), h = upright.height();
        byte[] plane = new byte[w * h];
        // turn counter-clockwise, a quarter at a time: the sensor's row r, column c after q quarters
        int[] px = upright.argb().clone();
        int cw = w, ch = h;
        for (int q = 0; q < degrees / 90; q++) {
            int[] out = new int[cw * ch];
            // counter-clockwise: output (x, y) = input (cw - 1 - y, x); output is ch wide, cw high
            for (int y = 0; y < cw; y++) for (int x = 0; x < ch; x++) out[y * ch + x] = px[x * cw + (cw - 1 - y)];
            px = out;
            int t = cw;
            cw = ch;
            ch = t;
        }
        for (int i = 0; i < px.length; i++) plane[i] = (byte) luma(px[i]);
        return plane;
    }

    @Test
    public void readsUprightAtEveryTurn() {
        RgbImage upright = photo();
        int w = upright.width(), h = upright.height();
        for (int degrees : new int[] {0, 90, 180, 270}) {
            boolean swap = degrees % 180 != 0;
            LumaPlane plane = new LumaPlane(onSensor(upright, degrees), swap ? h : w, swap ? w : h, degrees);
            assertEquals(w, plane.width());
            assertEquals(h, plane.height());
            float[] floats = new float[w * h];
            plane.toFloats(floats);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int expected = luma(upright.argb()[y * w + x]);
                    assertEquals(degrees + " deg at (" + x + ", " + y + ")", expected, plane.at(x, y));
                    assertEquals(expected, floats[y * w + x], 0);
                }
            }
        }
    }

    @Test
    public void refusesWhatDoesNotFit() {
        try {
            new LumaPlane(new byte[10], 4, 3, 0);
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("luma array too short: 10 < 4x3", e.getMessage());
        }
        try {
            new LumaPlane(new byte[12], 4, 3, 45);
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("rotation must be 0, 90, 180 or 270: 45", e.getMessage());
        }
    }
}
