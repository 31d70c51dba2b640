package org.facegate.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.facegate.detect.Box;
import org.facegate.image.RgbImage;

/** Desktop image helpers for benchmarks and demos. */
final class Frames {
    private Frames() {}

    /** The image scaled to fit inside w x h (aspect kept) and centred on black: a camera-sized frame. */
    static RgbImage fit(RgbImage src, int w, int h) {
        double s = Math.min((double) w / src.width(), (double) h / src.height());
        int sw = (int) Math.round(src.width() * s), sh = (int) Math.round(src.height() * s);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(ImageFiles.toBuffered(src), (w - sw) / 2, (h - sh) / 2, sw, sh, null);
        g.dispose();
        return new RgbImage(w, h, out.getRGB(0, 0, w, h, null, 0, w));
    }

    /** One person out of a group photo: the image inside {@link Box#squareCrop} of their face box. */
    static RgbImage crop(RgbImage src, Box box, float scale) {
        Box c = box.squareCrop(scale, src.width(), src.height());
        return src.crop((int) c.left(), (int) c.top(), (int) c.width(), (int) c.height());
    }

    /** A mirrored, rescaled and darkened copy: the same people under another camera, distance and light. */
    static RgbImage alter(RgbImage src, double scale, float gain) {
        RgbImage m = src.mirrored();
        int w = (int) Math.round(m.width() * scale), h = (int) Math.round(m.height() * scale);
        RgbImage s = fit(m, w, h);
        int[] px = s.argb().clone();
        for (int i = 0; i < px.length; i++) {
            int r = (int) (((px[i] >> 16) & 0xFF) * gain), g = (int) (((px[i] >> 8) & 0xFF) * gain), b = (int) ((px[i] & 0xFF) * gain);
            px[i] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return new RgbImage(w, h, px);
    }
}
