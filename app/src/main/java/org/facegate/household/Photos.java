package org.facegate.household;

import android.content.ContentResolver;
import android.graphics.Bitmap;
import android.graphics.BitmapFactory;
import android.media.ExifInterface;
import android.net.Uri;
import java.io.IOException;
import java.io.InputStream;
import org.facegate.image.Orientation;
import org.facegate.image.RgbImage;

/**
 * Decodes picked photos for enrollment: downsampled (a face needs no 12 MP) and turned upright per EXIF, all eight
 * orientations (front cameras and editors write the mirrored ones too), by facecore's {@link Orientation} as the CLI.
 */
final class Photos {
    /** Longest side kept; faces in group photos stay well above the quality gate's minimum size. */
    static final int MAX_SIDE = 1600;

    private Photos() {}

    static RgbImage load(ContentResolver resolver, Uri uri) throws IOException {
        BitmapFactory.Options bounds = new BitmapFactory.Options();
        bounds.inJustDecodeBounds = true;
        try (InputStream in = open(resolver, uri)) {
            BitmapFactory.decodeStream(in, null, bounds);
        }
        if (bounds.outWidth <= 0) throw new IOException("not an image");
        BitmapFactory.Options o = new BitmapFactory.Options();
        o.inSampleSize = 1;
        while (Math.max(bounds.outWidth, bounds.outHeight) / (o.inSampleSize * 2) >= MAX_SIDE) o.inSampleSize *= 2;
        Bitmap b;
        try (InputStream in = open(resolver, uri)) {
            b = BitmapFactory.decodeStream(in, null, o);
        }
        if (b == null) throw new IOException("cannot decode");
        int exif;
        try (InputStream in = open(resolver, uri)) {
            exif = new ExifInterface(in).getAttributeInt(ExifInterface.TAG_ORIENTATION, ExifInterface.ORIENTATION_NORMAL);
        }
        int[] px = new int[b.getWidth() * b.getHeight()];
        b.getPixels(px, 0, b.getWidth(), 0, 0, b.getWidth(), b.getHeight());
        return Orientation.ofExif(exif).upright(new RgbImage(b.getWidth(), b.getHeight(), px));
    }

    private static InputStream open(ContentResolver resolver, Uri uri) throws IOException {
        InputStream in = resolver.openInputStream(uri);
        if (in == null) throw new IOException("cannot open " + uri);
        return in;
    }
}
