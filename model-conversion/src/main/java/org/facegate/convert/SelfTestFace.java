package org.facegate.convert;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import javax.imageio.ImageIO;
import org.facegate.align.Aligner;
import org.facegate.image.RgbImage;
import org.facegate.image.Sampler;

/**
 * The face crop the app ships for its GPU self-test ({@value #FILE}): when the embedding model opens on the GPU
 * delegate, the app embeds this crop on the GPU and on the CPU and keeps the GPU only if the two agree. It is the
 * aligned 112x112 crop of the central face of the pinned sample photo {@value #PHOTO} (npm {@code @vladmandic/face-api},
 * checksum-pinned in models.lock), raw interleaved RGB bytes, row by row.
 *
 * <p>The alignment is the committed {@link #AFFINE}, not a detector run at build time, so the bytes depend only on the
 * pinned photo and plain Java arithmetic and the APK stays byte-reproducible across machines (a detector's float
 * results could differ by CPU). SelfTestFaceTest checks that facecore's default detector still aligns the face there.
 */
public final class SelfTestFace {
    /** The asset's name. */
    public static final String FILE = "selftest-face.rgb";
    /** The pinned sample photo it is cut from. */
    public static final String PHOTO = "sample3.jpg";
    /**
     * Crop pixel (u, v) to photo pixel: facecore's default detector (blazeface+mesh) and five-point alignment on the
     * central face of {@value #PHOTO}, rounded to 4 decimals (measured at 292938b: [2.59645, -0.03075, 528.19695,
     * 0.03075, 2.59645, 294.77051]).
     */
    static final double[] AFFINE = {2.5964, -0.0308, 528.1969, 0.0308, 2.5964, 294.7705};

    private SelfTestFace() {}

    /** The crop's bytes: 112 x 112 x 3. */
    public static byte[] bytes(SourceModels sources) throws ConversionException {
        RgbImage photo = decode(sources.read(PHOTO));
        FloatBuffer f = FloatBuffer.allocate(Aligner.SIZE * Aligner.SIZE * 3);
        Sampler.warpAffine(photo, AFFINE, Aligner.SIZE, Aligner.SIZE, 0f, 1f, f);
        byte[] out = new byte[f.capacity()];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Math.max(0, Math.min(255, Math.round(f.get(i))));
        return out;
    }

    static RgbImage decode(byte[] jpeg) throws ConversionException {
        try {
            BufferedImage b = ImageIO.read(new ByteArrayInputStream(jpeg));
            if (b == null) throw new ConversionException(PHOTO + " is not an image ImageIO can read");
            int w = b.getWidth(), h = b.getHeight();
            return new RgbImage(w, h, b.getRGB(0, 0, w, h, null, 0, w));
        } catch (IOException e) {
            throw new ConversionException("cannot decode " + PHOTO + ": " + e.getMessage(), e);
        }
    }
}
