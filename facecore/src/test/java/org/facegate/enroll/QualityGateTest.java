package org.facegate.enroll;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Arrays;
import java.util.Collections;
import org.facegate.detect.Box;
import org.facegate.detect.Face;
import org.facegate.image.RgbImage;
import org.facegate.match.Person;
import org.facegate.testing.TestData;
import org.junit.ClassRule;
import org.junit.Test;

/** The enrollment quality gate on real LFW photos and degraded copies of them. */
public class QualityGateTest {
    @ClassRule public static final LfwEnroller LFW = new LfwEnroller();

    private static QualityReport check(RgbImage img) {
        return LFW.enroller.check(img);
    }

    private static RgbImage colin() {
        return TestData.lfwImage("Colin_Powell", 40);
    }

    @Test
    public void goodNewsPhotosPass() {
        int ok = 0;
        String[] names = {"Colin_Powell", "Tony_Blair", "David_Beckham", "Hugo_Chavez", "Silvio_Berlusconi"};
        int[] first = {40, 18, 1, 2, 6};
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            QualityReport q = check(TestData.lfwImage(n, first[i]));
            if (q.ok()) ok++;
            else System.out.println(n + " refused: " + q.issues());
        }
        assertTrue(ok + " of " + names.length, ok >= 4);
    }

    @Test
    public void darkPhotoIsTooDark() {
        RgbImage img = colin();
        int[] px = img.argb().clone();
        for (int i = 0; i < px.length; i++) {
            int r = ((px[i] >> 16) & 0xFF) / 6, g = ((px[i] >> 8) & 0xFF) / 6, b = (px[i] & 0xFF) / 6;
            px[i] = (r << 16) | (g << 8) | b;
        }
        QualityReport q = check(new RgbImage(img.width(), img.height(), px));
        assertTrue(q.issues().toString(), q.issues().contains(QualityIssue.TOO_DARK) || q.issues().contains(QualityIssue.NO_FACE));
    }

    @Test
    public void blurredPhotoIsBlurred() {
        float[] k = new float[81];
        Arrays.fill(k, 1f / 81);
        BufferedImage blurred = new ConvolveOp(new Kernel(9, 9, k), ConvolveOp.EDGE_NO_OP, null).filter(TestData.toBuffered(colin()), null);
        QualityReport q = check(TestData.of(blurred));
        assertEquals(Collections.singletonList(QualityIssue.BLURRED), q.issues());
    }

    @Test
    public void distantFaceIsTooSmall() {
        // a low-resolution frame where the face is found but has too few pixels: eyes ~25 px apart
        BufferedImage frame = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.drawImage(TestData.toBuffered(colin()), 30, 10, 100, 100, null);
        g.dispose();
        QualityReport q = check(TestData.of(frame));
        assertEquals(Collections.singletonList(QualityIssue.TOO_SMALL), q.issues());
    }

    @Test
    public void twoPeopleAreSeveralFaces() {
        BufferedImage both = new BufferedImage(500, 250, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(TestData.toBuffered(colin()), 0, 0, null);
        g.drawImage(TestData.toBuffered(TestData.lfwImage("Tony_Blair", 18)), 250, 0, null);
        g.dispose();
        assertEquals(Collections.singletonList(QualityIssue.SEVERAL_FACES), check(TestData.of(both)).issues());
    }

    @Test
    public void aSmallFaceInTheBackgroundDoesNotCount() {
        RgbImage img = colin();
        Face main = LFW.pipelines.detector.detect(img).get(0);
        Box b = main.box();
        float w = b.width() * 0.4f; // a passer-by: 16% of the main face's area
        Face small = new Face(new Box(0, 0, w, w), 0.9f, main.landmarks());
        QualityGate gate = QualityGate.DEFAULT;
        assertTrue(gate.check(img, Arrays.asList(small, main)).ok());
        Face big = new Face(new Box(0, 0, b.width() * 0.6f, b.height() * 0.6f), 0.9f, main.landmarks()); // 36%
        assertEquals(Collections.singletonList(QualityIssue.SEVERAL_FACES), gate.check(img, Arrays.asList(main, big)).issues());
    }

    @Test
    public void headTurnedAwayIsRefused() {
        assertTrue(check(TestData.lfwImage("Colin_Powell", 71)).issues().contains(QualityIssue.HEAD_TURNED));
    }

    @Test
    public void emptyFrameHasNoFace() {
        assertEquals(Collections.singletonList(QualityIssue.NO_FACE), check(new RgbImage(320, 240, new int[320 * 240])).issues());
    }

    @Test
    public void oneImageEnrollsAndAFaceAlreadyEnrolledIsRefusedByName() throws Exception {
        RgbImage img = colin();
        Sample s = LFW.enroller.sample(img, LFW.enroller.check(img));
        Person colin = new Person("colin", Collections.singletonList(s.embedding()));
        RgbImage other = TestData.lfwImage("Colin_Powell", 133);
        java.util.List<Sample> again = Collections.singletonList(LFW.enroller.sample(other, LFW.enroller.check(other)));
        java.util.List<String> label = Collections.singletonList("Colin_Powell_0133.jpg");
        try {
            LFW.enroller.check("not-colin", again, label, Collections.emptyList(), Collections.singletonList(colin));
            fail("the same face under a new name must be refused");
        } catch (EnrollmentException e) {
            assertEquals(EnrollmentException.Reason.SOMEONE_ELSE, e.reason());
            assertTrue(e.getMessage(), e.getMessage().startsWith("the face in Colin_Powell_0133.jpg is already enrolled as colin"));
        }
        // adding to colin himself is fine, and so is a different person
        LFW.enroller.check("colin", again, label, colin.samples(), Collections.emptyList());
        RgbImage tony = TestData.lfwImage("Tony_Blair", 18);
        LFW.enroller.check("tony", Collections.singletonList(LFW.enroller.sample(tony, LFW.enroller.check(tony))), Collections.singletonList("tony.jpg"),
                Collections.emptyList(), Collections.singletonList(colin));
    }
}
