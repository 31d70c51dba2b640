package org.facegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.facegate.image.RgbImage;
import org.facegate.testing.StoredPhotos;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Phone photos stored turned or mirrored, with the EXIF orientation saying how to show them (ImageIO ignores it):
 * for each of the eight, an LFW photo stored that way decodes upright, its person is verified, and `identify -o`
 * draws on the upright picture. The photos are made here from an upright LFW photo (none is committed).
 */
public class PhotoOrientationTest {
    @Rule public TemporaryFolder tmp = new TemporaryFolder();
    private Cli cli;

    @Before
    public void enrollColin() {
        cli = new Cli(tmp.getRoot().toPath().resolve("gallery.db"));
        cli.expect(0, "enroll", "colin", Cli.lfwImage("Colin_Powell", 40).toString());
    }

    /** A JPEG of the pixels a camera stores for Colin Powell's photo 133 under {@code exif}, with that tag. */
    private Path storedPhoto(int exif) throws Exception {
        RgbImage upright = ImageFiles.read(Cli.lfwImage("Colin_Powell", 133));
        RgbImage stored = StoredPhotos.stored(upright, exif);
        Path f = tmp.getRoot().toPath().resolve("colin-" + exif + ".jpg");
        Files.write(f, withOrientation(jpeg(ImageFiles.toBuffered(stored)), exif));
        return f;
    }

    private static byte[] jpeg(BufferedImage img) throws Exception {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.95f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The JPEG with an EXIF segment right after its start marker, as cameras write it: APP1 "Exif", a big-endian
     * TIFF header and one IFD holding the orientation tag (274, SHORT).
     */
    private static byte[] withOrientation(byte[] jpeg, int exif) {
        ByteBuffer app1 = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
        app1.putShort((short) 0xFFE1).putShort((short) (app1.capacity() - 2)).put("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        app1.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        app1.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) exif).putShort((short) 0);
        app1.putInt(0);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + app1.capacity());
        out.put(jpeg, 0, 2).put(app1.array()).put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** Mean absolute difference per channel of two images of one size. */
    private static double difference(RgbImage a, RgbImage b) {
        long sum = 0;
        for (int i = 0; i < a.width() * a.height(); i++) {
            for (int shift = 0; shift <= 16; shift += 8) sum += Math.abs(((a.argb()[i] >> shift) & 0xFF) - ((b.argb()[i] >> shift) & 0xFF));
        }
        return sum / (3.0 * a.width() * a.height());
    }

    private void readsUprightAndVerifies(int exif) throws Exception {
        Path photo = storedPhoto(exif);
        RgbImage upright = ImageFiles.read(Cli.lfwImage("Colin_Powell", 133)), read = ImageFiles.read(photo);
        assertEquals("width", upright.width(), read.width());
        assertEquals("height", upright.height(), read.height());
        // JPEG re-encoding differs by a few levels; a mirrored or turned picture by tens
        double d = difference(upright, read);
        assertTrue("mean difference to the upright photo " + d, d < 4);
        assertTrue("a mirrored copy differs by more", difference(upright.mirrored(), read) > 4 * d);
        cli.expect(0, "verify", "colin", photo.toString());
        assertTrue(cli.out, cli.out.startsWith("colin: match"));
        Path annotated = tmp.getRoot().toPath().resolve("identified-" + exif + ".png");
        cli.expect(0, "identify", photo.toString(), "-o", annotated.toString());
        assertEquals("one face, colin: " + cli.out, 1, cli.out.trim().split("\n").length);
        assertTrue(cli.out, cli.out.contains(": colin (best colin"));
        BufferedImage drawn = ImageIO.read(annotated.toFile());
        assertEquals(upright.width() + "x" + upright.height(), drawn.getWidth() + "x" + drawn.getHeight());
    }

    @Test
    public void normal() throws Exception {
        readsUprightAndVerifies(1);
    }

    @Test
    public void flippedHorizontally() throws Exception {
        readsUprightAndVerifies(2);
    }

    @Test
    public void rotated180() throws Exception {
        readsUprightAndVerifies(3);
    }

    @Test
    public void flippedVertically() throws Exception {
        readsUprightAndVerifies(4);
    }

    @Test
    public void transposed() throws Exception {
        readsUprightAndVerifies(5);
    }

    @Test
    public void rotated90() throws Exception {
        readsUprightAndVerifies(6);
    }

    @Test
    public void transversed() throws Exception {
        readsUprightAndVerifies(7);
    }

    @Test
    public void rotated270() throws Exception {
        readsUprightAndVerifies(8);
    }
}
