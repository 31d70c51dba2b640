package org.facegate.image;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.Arrays;
import org.junit.Test;

public class RgbImageTest {
    /** A 7x5 image whose pixel (x, y) is 0xFF00XXYY, so every copied pixel names where it came from. */
    private static RgbImage coordinates() {
        int w = 7, h = 5;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[y * w + x] = 0xFF000000 | (x << 8) | y;
        return new RgbImage(w, h, px);
    }

    @Test
    public void cropCopiesTheRectangleRowByRow() {
        RgbImage src = coordinates();
        RgbImage c = src.crop(2, 1, 4, 3);
        assertEquals(4, c.width());
        assertEquals(3, c.height());
        for (int y = 0; y < 3; y++) for (int x = 0; x < 4; x++) assertEquals("pixel " + x + "," + y, ((x + 2) << 8) | (y + 1), c.rgb(x, y));
        // a copy: writing into it leaves the source alone
        c.argb()[0] = 0;
        assertEquals((2 << 8) | 1, src.rgb(2, 1));
    }

    @Test
    public void cropOfTheWholeImageAndOfACornerPixel() {
        RgbImage src = coordinates();
        assertEquals(Arrays.toString(src.argb()), Arrays.toString(src.crop(0, 0, 7, 5).argb()));
        RgbImage corner = src.crop(6, 4, 1, 1);
        assertEquals((6 << 8) | 4, corner.rgb(0, 0));
    }

    @Test
    public void cropOutsideTheImageIsRefused() {
        RgbImage src = coordinates();
        int[][] outside = {{-1, 0, 3, 3}, {0, -1, 3, 3}, {5, 0, 3, 3}, {0, 3, 3, 3}, {0, 0, 8, 5}, {0, 0, 7, 6}, {0, 0, 0, 3}, {0, 0, 3, 0}};
        for (int[] r : outside) {
            try {
                src.crop(r[0], r[1], r[2], r[3]);
                fail("crop " + Arrays.toString(r) + " of 7x5");
            } catch (IllegalArgumentException e) {
                assertEquals("crop " + r[2] + "x" + r[3] + "+" + r[0] + "+" + r[1] + " outside 7x5", e.getMessage());
            }
        }
    }
}
