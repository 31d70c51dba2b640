package org.facegate.testing;

import org.facegate.image.RgbImage;

/**
 * Photos as a camera stores them under each EXIF orientation, written from the tag's definition in the EXIF
 * standard (which visual side the stored 0th row and 0th column are): the opposite direction to the code under test,
 * which turns stored pixels upright.
 */
public final class StoredPhotos {
    private StoredPhotos() {}

    /** The pixels stored for the upright picture {@code v} under EXIF orientation {@code exif} (1..8). */
    public static RgbImage stored(RgbImage v, int exif) {
        int w = v.width(), h = v.height();
        boolean swap = exif >= 5;
        int sw = swap ? h : w, sh = swap ? w : h;
        int[] px = new int[sw * sh];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                px[y * sw + x] = switch (exif) {
                    case 1 -> v.argb()[y * w + x];                         // 0th row top, 0th column left
                    case 2 -> v.argb()[y * w + w - 1 - x];                 // 0th row top, 0th column right
                    case 3 -> v.argb()[(h - 1 - y) * w + w - 1 - x];       // 0th row bottom, 0th column right
                    case 4 -> v.argb()[(h - 1 - y) * w + x];               // 0th row bottom, 0th column left
                    case 5 -> v.argb()[x * w + y];                         // 0th row left, 0th column top
                    case 6 -> v.argb()[x * w + w - 1 - y];                 // 0th row right, 0th column top
                    case 7 -> v.argb()[(h - 1 - x) * w + w - 1 - y];       // 0th row right, 0th column bottom
                    case 8 -> v.argb()[(h - 1 - x) * w + y];               // 0th row left, 0th column bottom
                    default -> throw new IllegalArgumentException("EXIF orientation " + exif);
                };
            }
        }
        return new RgbImage(sw, sh, px);
    }
}
