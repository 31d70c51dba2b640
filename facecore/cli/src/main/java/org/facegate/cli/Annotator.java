package org.facegate.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.facegate.detect.Box;

/** Draws labeled face boxes on an image and writes it, PNG or JPEG by the file's extension, atomically (temp file, then rename). */
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

    /** Writes the image in the format {@link #formatOf} gives for {@code out}. */
    void write(Path out) throws CliException {
        g.dispose();
        write(image, out, formatOf(out));
    }

    /**
     * The image format a file name asks for: PNG for .png, JPEG for .jpg and .jpeg; any other name is refused (a
     * PNG written under a .jpg name confuses the next program to open it).
     */
    static String formatOf(Path out) throws CliException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) return "png";
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "jpeg";
        throw new CliException("cannot write " + out + ": give a file name ending in .png, .jpg or .jpeg");
    }

    /** Writes an image atomically in {@code format} ("png" or "jpeg"). */
    static void write(BufferedImage img, Path out, String format) throws CliException {
        AtomicFiles.write(out, tmp -> {
            if (!ImageIO.write(img, format, tmp.toFile())) throw new IOException("no " + format + " writer");
        });
    }
}
