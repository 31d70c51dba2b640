package org.facegate.image;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import org.facegate.testing.StoredPhotos;
import org.junit.Test;

/** Each EXIF orientation turns a photo upright: a 3x2 picture whose six pixels all differ, stored as the standard says. */
public class OrientationTest {
    /** The upright picture: pixel (x, y) = 10 y + x. */
    private static final RgbImage UPRIGHT = new RgbImage(3, 2, new int[] {0, 1, 2, 10, 11, 12});

    @Test
    public void everyOrientationTurnsThePhotoUpright() {
        for (int exif = 1; exif <= 8; exif++) {
            Orientation o = Orientation.ofExif(exif);
            assertEquals(exif, o.exif());
            RgbImage stored = StoredPhotos.stored(UPRIGHT, exif);
            assertEquals(o + " stored sideways", exif >= 5, stored.width() == 2);
            RgbImage upright = o.upright(stored);
            assertEquals(o + " width", 3, upright.width());
            assertEquals(o + " height", 2, upright.height());
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
