package org.facegate.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.facegate.detect.Box;

/** Draws labeled face boxes on an image and writes PNGs atomically (temp file, then rename). */
final class Annotator {
    private final BufferedImage image;
    private final Graphics2D g;

    Annotator(BufferedImage image) {
        this.image = image;
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int size = Math.max(12, Math.min(image.getWidth(), image.getHeight()) / 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        g.setStroke(new BasicStroke(Math.max(2f, size / 6f)));
    }

    /** A box with a caption above it; green for a known person, red for unknown. */
    void face(Box b, String caption, boolean known) {
        g.setColor(known ? new Color(40, 200, 80) : new Color(230, 60, 50));
        g.drawRect(Math.round(b.left()), Math.round(b.top()), Math.round(b.width()), Math.round(b.height()));
        int tw = g.getFontMetrics().stringWidth(caption), th = g.getFontMetrics().getHeight();
        int x = Math.round(b.left()), y = Math.max(th, Math.round(b.top()));
        g.fillRect(x, y - th, tw + 6, th);
        g.setColor(Color.WHITE);
        g.drawString(caption, x + 3, y - g.getFontMetrics().getDescent());
    }

    void write(Path out) throws CliException {
        g.dispose();
        writePng(image, out);
    }

    /** Writes a PNG atomically. */
    static void writePng(BufferedImage img, Path out) throws CliException {
        AtomicFiles.write(out, tmp -> ImageIO.write(img, "png", tmp.toFile()));
    }
}
