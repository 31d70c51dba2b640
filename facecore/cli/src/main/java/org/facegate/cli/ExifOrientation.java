package org.facegate.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.facegate.image.Orientation;

/**
 * Reads the orientation tag of a JPEG's EXIF block (APP1 "Exif", TIFF IFD0 tag 274), which ImageIO ignores: a phone
 * stores a photo taken sideways or upside down as the sensor saw it and says in this tag how to turn it.
 */
final class ExifOrientation {
    private static final int SOI = 0xFFD8, SOS = 0xFFDA, EOI = 0xFFD9, APP1 = 0xFFE1, ORIENTATION_TAG = 0x0112;
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifOrientation() {}

    /**
     * The orientation the file's EXIF gives; {@link Orientation#NORMAL} when the file is no JPEG, has no EXIF or no
     * readable tag (its pixels are then shown as stored, as every viewer does).
     */
    static Orientation of(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readUnsignedShort() != SOI) return Orientation.NORMAL;
            // the segments before the image data; EXIF is among them, usually first
            while (true) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == SOS || marker == EOI) return Orientation.NORMAL;
                int length = in.readUnsignedShort() - 2;
                if (length < 0) return Orientation.NORMAL;
                byte[] segment = in.readNBytes(length);
                if (segment.length < length) return Orientation.NORMAL;
                if (marker == APP1 && startsWith(segment, EXIF)) return tiffOrientation(ByteBuffer.wrap(segment, EXIF.length, segment.length - EXIF.length).slice());
            }
        } catch (IOException | RuntimeException e) {
            return Orientation.NORMAL;
        }
    }

    /** The orientation in a TIFF structure's first IFD (EXIF's byte order: "II" little-endian or "MM" big-endian). */
    private static Orientation tiffOrientation(ByteBuffer tiff) {
        int order = tiff.getShort(0);
        if (order == 0x4949) tiff.order(ByteOrder.LITTLE_ENDIAN);
        else if (order != 0x4D4D) return Orientation.NORMAL;
        if (tiff.getShort(2) != 42) return Orientation.NORMAL;
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            // an entry: tag, type (3 = SHORT), count, then the value itself when it fits in 4 bytes
            if ((tiff.getShort(entry) & 0xFFFF) == ORIENTATION_TAG && tiff.getShort(entry + 2) == 3) {
                return Orientation.ofExif(tiff.getShort(entry + 8) & 0xFFFF);
            }
        }
        return Orientation.NORMAL;
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        if (a.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (a[i] != prefix[i]) return false;
        return true;
    }
}
