package org.facegate.align;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.facegate.detect.BlazeFace;
import org.facegate.detect.Box;
import org.facegate.detect.Face;
import org.facegate.detect.Landmarks;
import org.facegate.detect.Point;
import org.facegate.image.RgbImage;
import org.facegate.testing.TestData;
import org.junit.Test;

public class AlignerTest {
    private static Point apply(double[] m, double u, double v) {
        return new Point((float) (m[0] * u + m[1] * v + m[2]), (float) (m[3] * u + m[4] * v + m[5]));
    }

    @Test
    public void landmarksOnTheTemplateGiveTheIdentity() {
        Landmarks k = Landmarks.ofFive(new Point(38.7946f, 52.1963f), new Point(74.0318f, 52.0014f), new Point(56.5252f, 72.2366f),
                new Point(42.0493f, 92.8655f), new Point(71.2299f, 92.7041f));
        double[] m = Aligner.transform(k);
        assertEquals(1, m[0], 1e-5);
        assertEquals(0, m[1], 1e-5);
        assertEquals(0, m[2], 1e-3);
        assertEquals(0, m[5], 1e-3);
    }

    @Test
    public void recoversRotationScaleAndShift() {
        // landmarks = template rotated by 30 degrees, scaled 2.5x, shifted: the transform must map template to them
        double a = 2.5 * Math.cos(Math.PI / 6), b = 2.5 * Math.sin(Math.PI / 6);
        double[][] tpl = {{38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};
        Point[] p = new Point[5];
        for (int i = 0; i < 5; i++) {
            double u = tpl[i][0] + 0.5, v = tpl[i][1] + 0.5;
            p[i] = new Point((float) (a * u - b * v + 300), (float) (b * u + a * v + 120));
        }
        double[] m = Aligner.transform(Landmarks.ofFive(p[0], p[1], p[2], p[3], p[4]));
        for (int i = 0; i < 5; i++) {
            Point q = apply(m, tpl[i][0] + 0.5, tpl[i][1] + 0.5);
            assertEquals(p[i].x(), q.x(), 1e-2);
            assertEquals(p[i].y(), q.y(), 1e-2);
        }
    }

    @Test
    public void mirroredTransformSwapsLeftAndRight() {
        double[] m = {2, 0, 10, 0, 2, 20};
        double[] f = Aligner.mirrored(m);
        Point left = apply(m, 10, 50), mirroredRight = apply(f, Aligner.SIZE - 10, 50);
        assertEquals(left.x(), mirroredRight.x(), 1e-6);
        assertEquals(left.y(), mirroredRight.y(), 1e-6);
    }

    @Test
    public void alignedLfwCropPutsTheEyesOnTheTemplate() throws Exception {
        RgbImage img = TestData.lfwImage("Tony_Blair", 18);
        try (BlazeFace det = new BlazeFace(TestData.models(), TestData.cpu(), BlazeFace.Range.SHORT)) {
            RgbImage crop = Aligner.crop(img, det.detect(img).get(0).landmarks());
            assertEquals(112, crop.width());
            List<Face> again = det.detect(crop);
            assertEquals(1, again.size());
            Landmarks k = again.get(0).landmarks();
            // re-detected on the crop, the eyes sit within a few pixels of the template's eye positions
            assertEquals(38.8, k.leftEye().x(), 5);
            assertEquals(74.0, k.rightEye().x(), 5);
            assertEquals(52.1, (k.leftEye().y() + k.rightEye().y()) / 2, 5);
        }
    }

    @Test
    public void baselineSquaresTheBoxAboutItsCentreAsComparableAppsDo() {
        // a box 80 wide and 100 tall centred on (140, 250): the crop covers the 100x100 square around that centre
        Face face = new Face(new Box(100, 200, 180, 300), 0.9f,
                Landmarks.ofFour(new Point(120, 230), new Point(160, 230), new Point(140, 250), new Point(140, 280)));
        double[] m = Alignment.STRETCHED_BOX.transform(face);
        Point topLeft = apply(m, 0, 0), bottomRight = apply(m, Aligner.SIZE, Aligner.SIZE);
        assertEquals(90, topLeft.x(), 1e-4);
        assertEquals(200, topLeft.y(), 1e-4);
        assertEquals(190, bottomRight.x(), 1e-4);
        assertEquals(300, bottomRight.y(), 1e-4);
    }

    @Test
    public void yawRatioSignFollowsTheNose() {
        Landmarks frontal = Landmarks.ofFour(new Point(40, 50), new Point(70, 50), new Point(55, 70), new Point(55, 90));
        Landmarks turned = Landmarks.ofFour(new Point(40, 50), new Point(70, 50), new Point(44, 70), new Point(50, 90));
        assertEquals(0, frontal.yawRatio(), 1e-6);
        assertEquals(-0.733, turned.yawRatio(), 1e-3);
    }
}
