package org.facegate.household;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import android.graphics.Bitmap;
import android.graphics.Matrix;
import android.media.ExifInterface;
import android.net.Uri;
import androidx.test.core.app.ApplicationProvider;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import org.facegate.image.RgbImage;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/**
 * Photo import turns each of the eight EXIF orientations upright: a part of the registry's group photo is stored
 * the way a camera stores it (turned and mirrored with {@link Matrix}), saved as a JPEG whose orientation tag Android's
 * own {@link ExifInterface} writes, and read back through the content resolver as a picked photo is.
 */
@RunWith(RobolectricTestRunner.class)
public class PhotosTest {
    @Rule public TemporaryFolder tmp = new TemporaryFolder();

    /** 400x300 of sample1.jpg around the middle woman's face: differs left from right and top from bottom. */
    private static Bitmap upright() {
        Bitmap group = org.facegate.testing.Photos.bitmap(org.facegate.testing.Photos.sample(1));
        return Bitmap.createBitmap(group, 760, 180, 400, 300);
    }

    /** What a camera stores for {@code exif}: the upright picture turned back by the inverse of what the tag asks. */
    private static Bitmap stored(Bitmap upright, int exif) {
        Matrix m = new Matrix();
        switch (exif) {
            case ExifInterface.ORIENTATION_NORMAL -> m.reset();
            case ExifInterface.ORIENTATION_FLIP_HORIZONTAL -> m.setScale(-1, 1);
            case ExifInterface.ORIENTATION_ROTATE_180 -> m.setRotate(180);
            case ExifInterface.ORIENTATION_FLIP_VERTICAL -> m.setScale(1, -1);
            case ExifInterface.ORIENTATION_TRANSPOSE -> { m.setRotate(90); m.postScale(-1, 1); }    // (x, y) -> (y, x)
            case ExifInterface.ORIENTATION_ROTATE_90 -> m.setRotate(-90);                          // shown turned clockwise
            case ExifInterface.ORIENTATION_TRANSVERSE -> { m.setRotate(-90); m.postScale(-1, 1); } // (x, y) -> (-y, -x)
            case ExifInterface.ORIENTATION_ROTATE_270 -> m.setRotate(90);
            default -> throw new IllegalArgumentException("orientation " + exif);
        }
        return Bitmap.createBitmap(upright, 0, 0, upright.getWidth(), upright.getHeight(), m, false);
    }

    private File photo(int exif) throws Exception {
        File f = tmp.newFile("photo-" + exif + ".jpg");
        try (OutputStream out = new FileOutputStream(f)) {
            assertTrue(stored(upright(), exif).compress(Bitmap.CompressFormat.JPEG, 95, out));
        }
        ExifInterface tags = new ExifInterface(f.getPath());
        tags.setAttribute(ExifInterface.TAG_ORIENTATION, String.valueOf(exif));
        tags.saveAttributes();
        assertEquals(exif, new ExifInterface(f.getPath()).getAttributeInt(ExifInterface.TAG_ORIENTATION, 0));
        return f;
    }

    /** Mean absolute difference per channel of two images of one size. */
    private static double difference(RgbImage a, RgbImage b) {
        long sum = 0;
        for (int i = 0; i < a.width() * a.height(); i++) {
            for (int shift = 0; shift <= 16; shift += 8) sum += Math.abs(((a.argb()[i] >> shift) & 0xFF) - ((b.argb()[i] >> shift) & 0xFF));
        }
        return sum / (3.0 * a.width() * a.height());
    }

    private void loadsUpright(int exif) throws Exception {
        RgbImage loaded = Photos.load(ApplicationProvider.getApplicationContext().getContentResolver(), Uri.fromFile(photo(exif)));
        RgbImage upright = org.facegate.testing.Photos.rgb(upright());
        assertEquals("size", upright.width() + "x" + upright.height(), loaded.width() + "x" + loaded.height());
        // JPEG re-encoding differs by a few levels; a mirrored or turned picture by tens
        double d = difference(upright, loaded);
        assertTrue("mean difference to the upright picture " + d, d < 4);
        assertTrue("a mirrored copy differs by more", difference(upright.mirrored(), loaded) > 4 * d);
    }

    @Test
    public void normal() throws Exception {
        loadsUpright(ExifInterface.ORIENTATION_NORMAL);
    }

    @Test
    public void flippedHorizontally() throws Exception {
        loadsUpright(ExifInterface.ORIENTATION_FLIP_HORIZONTAL);
    }

    @Test
    public void rotated180() throws Exception {
        loadsUpright(ExifInterface.ORIENTATION_ROTATE_180);
    }

    @Test
    public void flippedVertically() throws Exception {
        loadsUpright(ExifInterface.ORIENTATION_FLIP_VERTICAL);
    }

    @Test
    public void transposed() throws Exception {
        loadsUpright(ExifInterface.ORIENTATION_TRANSPOSE);
    }

    @Test
    public void rotated90() throws Exception {
        loadsUpright(ExifInterface.ORIENTATION_ROTATE_90);
    }

    @Test
    public void transversed() throws Exception {
        loadsUpright(ExifInterface.ORIENTATION_TRANSVERSE);
    }

    @Test
    public void rotated270() throws Exception {
        loadsUpright(ExifInterface.ORIENTATION_ROTATE_270);
    }
}
