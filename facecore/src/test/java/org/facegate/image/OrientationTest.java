package org.facegate.image;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import org.junit.Test;

/**
 * Each EXIF orientation turns a photo upright. The stored pixels are written here from the tag's definition in the
 * EXIF standard (which visual side the stored 0th row and 0th column are), the opposite direction to
 * {@link Orientation#upright}, on a 3x2 picture whose six pixels all differ.
 */
public class OrientationTest {
    private static final int W = 3, H = 2;
    /** The upright picture: pixel (x, y) = 10 y + x. */
    private static final RgbImage UPRIGHT = new RgbImage(W, H, new int[] {0, 1, 2, 10, 11, 12});

    private static int v(int x, int y) {
        return UPRIGHT.argb()[y * W + x];
    }

    /** The pixels a camera stores for {@code exif}: stored (x, y) = visual (vx, vy) as the standard places them. */
    private static RgbImage stored(int exif) {
        boolean swap = exif >= 5;
        int sw = swap ? H : W, sh = swap ? W : H;
        int[] px = new int[sw * sh];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                px[y * sw + x] = switch (exif) {
                    case 1 -> v(x, y);                     // 0th row top, 0th column left
                    case 2 -> v(W - 1 - x, y);             // 0th row top, 0th column right
                    case 3 -> v(W - 1 - x, H - 1 - y);     // 0th row bottom, 0th column right
                    case 4 -> v(x, H - 1 - y);             // 0th row bottom, 0th column left
                    case 5 -> v(y, x);                     // 0th row left, 0th column top
                    case 6 -> v(W - 1 - y, x);             // 0th row right, 0th column top
                    case 7 -> v(W - 1 - y, H - 1 - x);     // 0th row right, 0th column bottom
                    case 8 -> v(y, H - 1 - x);             // 0th row left, 0th column bottom
                    default -> throw new IllegalArgumentException("EXIF orientation " + exif);
                };
            }
        }
        return new RgbImage(sw, sh, px);
    }

    @Test
    public void everyOrientationTurnsThePhotoUpright() {
        for (int exif = 1; exif <= 8; exif++) {
            Orientation o = Orientation.ofExif(exif);
            assertEquals(exif, o.exif());
            RgbImage upright = o.upright(stored(exif));
            assertEquals(o + " width", W, upright.width());
            assertEquals(o + " height", H, upright.height());
            assertArrayEquals(o.toString(), UPRIGHT.argb(), upright.argb());
        }
    }

    @Test
    public void aMissingOrUndefinedTagLeavesThePixelsAsStored() {
        assertSame(Orientation.NORMAL, Orientation.ofExif(0));
        assertSame(Orientation.NORMAL, Orientation.ofExif(9));
        assertSame(UPRIGHT, Orientation.NORMAL.upright(UPRIGHT));
        assertSame(Orientation.ROTATE_90, Orientation.ofExif(6));
    }
}
