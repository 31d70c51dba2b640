package org.facegate.testing;

import static org.junit.Assume.assumeTrue;

import android.graphics.Bitmap;
import android.graphics.BitmapFactory;
import java.io.File;
import org.facegate.image.RgbImage;

/**
 * Real face photos for tests: the registry-shipped group photos of the face-api npm package (always there: the build
 * fetches them) and LFW images from {@code -Dfacegate.lfw} (a test needing them is skipped, with a message, when
 * absent). Decoded with {@link BitmapFactory}, which under Robolectric's native graphics decodes real pixels.
 */
public final class Photos {
    private Photos() {}

    /** The npm cache the build unpacks models and demo photos into. */
    public static File npm() {
        return new File(System.getProperty("facegate.models", System.getProperty("user.home") + "/.cache/facegate/npm"));
    }

    /** Group photo {@code sample<n>.jpg} (n = 1..6) of @vladmandic/face-api. */
    public static File sample(int n) {
        File f = new File(npm(), "vladmandic-face-api-1.7.15/demo/sample" + n + ".jpg");
        if (!f.isFile()) throw new AssertionError(f + " missing: run the build's fetch step (mvn generate-resources)");
        return f;
    }

    /** LFW image {@code <name>_<nnnn>.jpg}; skips the calling test when the LFW directory is absent. */
    public static File lfw(String name, int number) {
        String dir = System.getProperty("facegate.lfw");
        assumeTrue("LFW not found (-Dfacegate.lfw=" + dir + "): test skipped", dir != null && new File(dir, "images").isDirectory());
        File f = new File(dir, String.format("images/%s/%s_%04d.jpg", name, name, number));
        if (!f.isFile()) throw new AssertionError(f + " missing from LFW dev");
        return f;
    }

    public static Bitmap bitmap(File f) {
        Bitmap b = BitmapFactory.decodeFile(f.getPath());
        if (b == null) throw new AssertionError("cannot decode " + f);
        return b;
    }

    public static RgbImage rgb(Bitmap b) {
        int[] px = new int[b.getWidth() * b.getHeight()];
        b.getPixels(px, 0, b.getWidth(), 0, 0, b.getWidth(), b.getHeight());
        return new RgbImage(b.getWidth(), b.getHeight(), px);
    }

    public static RgbImage rgb(File f) {
        return rgb(bitmap(f));
    }

    /** A crop, as a camera framing one person of a group photo would see it. */
    public static Bitmap crop(Bitmap b, int left, int top, int width, int height) {
        return Bitmap.createBitmap(b, left, top, width, height);
    }

    /** A scaled copy (a camera frame is smaller than a photo). */
    public static Bitmap scaled(Bitmap b, int width) {
        return Bitmap.createScaledBitmap(b, width, Math.round(b.getHeight() * (float) width / b.getWidth()), true);
    }
}
