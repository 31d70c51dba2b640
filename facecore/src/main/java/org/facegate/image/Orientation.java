package org.facegate.image;

/**
 * The eight EXIF orientations (TIFF tag 274): how a camera stored a photo's pixels relative to the upright picture,
 * named as Android's {@code ExifInterface} names them. Four are rotations, the other four (2, 4, 5, 7) mirror too,
 * as front cameras and some editing apps write. The CLI and the app read the tag with their own EXIF readers and
 * turn the decoded pixels upright here, so both see a photo the same way up.
 */
public enum Orientation {
    NORMAL(1), FLIP_HORIZONTAL(2), ROTATE_180(3), FLIP_VERTICAL(4), TRANSPOSE(5), ROTATE_90(6), TRANSVERSE(7), ROTATE_270(8);

    private final int exif;

    Orientation(int exif) {
        this.exif = exif;
    }

    /** The value of the EXIF tag, 1..8. */
    public int exif() {
        return exif;
    }

    /** The orientation of an EXIF tag value; {@link #NORMAL} for a missing (0) or undefined value, as viewers do. */
    public static Orientation ofExif(int value) {
        for (Orientation o : values()) if (o.exif == value) return o;
        return NORMAL;
    }

    /** Whether width and height trade places when the photo is turned upright. */
    public boolean swapsSides() {
        return exif >= 5;
    }

    /** The upright picture of pixels stored with this orientation (the same image for {@link #NORMAL}). */
    public RgbImage upright(RgbImage stored) {
        if (this == NORMAL) return stored;
        int sw = stored.width();
        int w = swapsSides() ? stored.height() : sw, h = swapsSides() ? sw : stored.height();
        int[] in = stored.argb(), out = new int[w * h];
        for (int y = 0, o = 0; y < h; y++) {
            for (int x = 0; x < w; x++, o++) {
                // (x, y) upright is (sx, sy) stored: the inverse of the tag's "0th row / 0th column" placement
                int sx, sy;
                switch (this) {
                    case FLIP_HORIZONTAL -> { sx = w - 1 - x; sy = y; }
                    case ROTATE_180 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case FLIP_VERTICAL -> { sx = x; sy = h - 1 - y; }
                    case TRANSPOSE -> { sx = y; sy = x; }
                    case ROTATE_90 -> { sx = y; sy = w - 1 - x; }
                    case TRANSVERSE -> { sx = h - 1 - y; sy = w - 1 - x; }
                    case ROTATE_270 -> { sx = h - 1 - y; sy = x; }
                    default -> throw new AssertionError(this);
                }
                out[o] = in[sy * sw + sx];
            }
        }
        return new RgbImage(w, h, out);
    }
}
