package org.facegate.eval.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.facegate.image.RgbImage;

/**
 * Altered copies of a real clip, as other cameras, distances and light would show the same person: the bona fide side
 * of the degradations the generated attacks get.
 */
public enum ClipVariant {
    ORIGINAL("original"),
    MIRRORED("mirrored"),
    /** 0.6x the size (a face further away) and 0.6x the brightness. */
    SMALLER_DARKER("0.6x smaller and darker (gain 0.6)"),
    NOISE("Gaussian noise sigma 8"),
    BLUR("5x5 blur"),
    /** The attacks' harshest degradation. */
    NOISE_AND_FLICKERING_BLUR("noise sigma 8 plus a 7x7 blur in every other pair of frames");

    private final String description;

    ClipVariant(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The variant of each frame (noise seeded once for the clip, so a run is reproducible). */
    public List<RgbImage> apply(List<RgbImage> clip) {
        Random random = new Random(7);
        List<RgbImage> out = new ArrayList<>(clip.size());
        for (int i = 0; i < clip.size(); i++) {
            RgbImage img = clip.get(i);
            switch (this) {
                case MIRRORED -> out.add(img.mirrored());
                case SMALLER_DARKER -> out.add(scaled(img, 0.6, 0.6f));
                case NOISE -> out.add(PlanarAttack.degrade(img, PlanarAttack.Degradation.NOISE, i, random));
                case BLUR -> out.add(PlanarAttack.degrade(img, PlanarAttack.Degradation.BLUR, i, random));
                case NOISE_AND_FLICKERING_BLUR -> out.add(PlanarAttack.degrade(img, PlanarAttack.Degradation.NOISE_AND_FLICKERING_BLUR, i, random));
                default -> out.add(img);
            }
        }
        return out;
    }

    /** {@code img} resized by {@code scale} (bilinear) with every channel times {@code gain}. */
    static RgbImage scaled(RgbImage img, double scale, float gain) {
        int w = (int) Math.round(img.width() * scale), h = (int) Math.round(img.height() * scale);
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = PlanarAttack.bilinear(img.argb(), img.width(), img.height(), (x + 0.5) / scale - 0.5, (y + 0.5) / scale - 0.5);
                int r = (int) (((p >> 16) & 0xFF) * gain), g = (int) (((p >> 8) & 0xFF) * gain), b = (int) ((p & 0xFF) * gain);
                out[y * w + x] = 0xFF000000 | (r << 16) | (g << 8) | b;
            }
        }
        return new RgbImage(w, h, out);
    }
}
