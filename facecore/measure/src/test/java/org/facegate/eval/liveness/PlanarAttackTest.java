package org.facegate.eval.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.facegate.image.RgbImage;
import org.facegate.liveness.Homography;
import org.junit.Test;

/** The attack generator's geometry. */
public class PlanarAttackTest {
    @Test
    public void photoHomographyKeepsTheCentreAndAPositivePitchBringsTheTopNearer() {
        // the photo's centre stays at the frame centre when only rotated about it
        RgbImage photo = new RgbImage(100, 100, new int[100 * 100]);
        Homography h = PlanarAttack.homography(photo, new double[] {30, 20, 10, 0, 0, 0}, 300, 400);
        double[] o = new double[2];
        h.apply(50, 50, o);
        assertEquals(150, o[0], 1e-6);
        assertEquals(200, o[1], 1e-6);
        // pitched: the top edge, nearer the camera, is wider in the frame than the bottom edge
        Homography p = PlanarAttack.homography(photo, new double[] {0, 30, 0, 0, 0, 0}, 300, 400);
        double[] a = new double[2], b = new double[2], c = new double[2], d = new double[2];
        p.apply(0, 0, a);
        p.apply(100, 0, b);
        p.apply(0, 100, c);
        p.apply(100, 100, d);
        assertTrue((b[0] - a[0]) + " vs " + (d[0] - c[0]), b[0] - a[0] > d[0] - c[0]);
    }

    @Test
    public void aFrameIsTheSameWhicheverOtherFramesAreRendered() {
        RgbImage photo = new RgbImage(40, 40, new int[40 * 40]);
        RgbImage once = PlanarAttack.frame(photo, PlanarAttack.Motion.NOD, PlanarAttack.Degradation.NOISE, 0.3, 9, 60, 80, 4);
        RgbImage again = PlanarAttack.frame(photo, PlanarAttack.Motion.NOD, PlanarAttack.Degradation.NOISE, 0.3, 9, 60, 80, 4);
        assertTrue(java.util.Arrays.equals(once.argb(), again.argb()));
    }
}
