package org.facegate.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Random;
import org.facegate.image.RgbImage;
import org.junit.Test;

/** Point tracking on synthetic texture moved by a known homography: where the tracked points land. */
public class PointTrackerTest {
    /** A smooth random texture: a few hundred soft blobs on grey. */
    private static RgbImage texture(int w, int h, long seed) {
        Random r = new Random(seed);
        float[] g = new float[w * h];
        for (int b = 0; b < 300; b++) {
            float cx = r.nextFloat() * w, cy = r.nextFloat() * h, s = 2 + r.nextFloat() * 5, a = (r.nextFloat() - 0.5f) * 160;
            for (int y = Math.max(0, (int) (cy - 3 * s)); y < Math.min(h, cy + 3 * s); y++) {
                for (int x = Math.max(0, (int) (cx - 3 * s)); x < Math.min(w, cx + 3 * s); x++) {
                    g[y * w + x] += a * (float) Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * s * s));
                }
            }
        }
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            int v = Math.max(0, Math.min(255, Math.round(128 + g[i])));
            px[i] = 0xFF000000 | (v << 16) | (v << 8) | v;
        }
        return new RgbImage(w, h, px);
    }

    /** {@code src} seen through {@code h} (each output pixel from the source point {@code h} maps onto it). */
    private static RgbImage warped(RgbImage src, Homography h) {
        Homography inv = h.inverse();
        PointTracker.Gray g = PointTracker.pyramid(src, null, null)[0];
        int[] out = new int[src.width() * src.height()];
        double[] o = new double[2];
        for (int y = 0; y < src.height(); y++) {
            for (int x = 0; x < src.width(); x++) {
                inv.apply(x, y, o);
                int v = Math.max(0, Math.min(255, Math.round(g.sample((float) o[0], (float) o[1]))));
                out[y * src.width() + x] = 0xFF000000 | (v << 16) | (v << 8) | v;
            }
        }
        return new RgbImage(src.width(), src.height(), out);
    }

    @Test
    public void windowsWarpedByTheKnownMapLandOnIt() {
        RgbImage a = texture(240, 240, 3);
        // squashed to 0.8 of its height about the middle, with perspective: a photo tilted away between two frames
        Homography h = new Homography(new double[] {1, 0.02, -2, 0, 0.8, 24, 0, 4e-4, 1});
        RgbImage b = warped(a, h);
        PointTracker.Gray[] pa = PointTracker.pyramid(a, null, null), pb = PointTracker.pyramid(b, null, null);
        Random r = new Random(5);
        int n = 30;
        float[] pts = new float[2 * n], flat = new float[2 * n], warp = new float[4 * n];
        double[] o = new double[2];
        for (int i = 0; i < n; i++) {
            pts[2 * i] = 60 + r.nextFloat() * 120;
            pts[2 * i + 1] = 60 + r.nextFloat() * 120;
            h.apply(pts[2 * i], pts[2 * i + 1], o);
            flat[2 * i] = (float) (o[0] - pts[2 * i]);
            flat[2 * i + 1] = (float) (o[1] - pts[2 * i + 1]);
            h.inverseJacobian(pts[2 * i], pts[2 * i + 1], warp, 4 * i);
        }
        float[] outWarped = new float[2 * n], outSquare = new float[2 * n];
        float[] errWarped = PointTracker.track(pa, pb, pts, flat, warp, outWarped, 5);
        PointTracker.track(pa, pb, pts, flat, outSquare, 5);
        double worstWarped = 0, meanSquare = 0, meanWarped = 0;
        int tracked = 0;
        for (int i = 0; i < n; i++) {
            h.apply(pts[2 * i], pts[2 * i + 1], o);
            double dw = Math.hypot(outWarped[2 * i] - o[0], outWarped[2 * i + 1] - o[1]), ds = Math.hypot(outSquare[2 * i] - o[0], outSquare[2 * i + 1] - o[1]);
            meanSquare += ds / n;
            meanWarped += dw / n;
            if (errWarped[i] < Float.POSITIVE_INFINITY) {
                worstWarped = Math.max(worstWarped, dw);
                tracked++;
            }
        }
        System.out.printf("squashed texture: mean distance from the true image %.3f px with square windows, %.3f warped (worst tracked %.3f)%n",
                meanSquare, meanWarped, worstWarped);
        assertEquals("warped windows all pass the round trip", n, tracked);
        assertTrue("warped windows land on the map: worst " + worstWarped, worstWarped < 0.25);
        assertTrue("and closer than square ones: " + meanWarped + " vs " + meanSquare, meanWarped < meanSquare);
    }

    @Test
    public void theInverseJacobianIsTheInverseMapsDerivative() {
        Homography h = new Homography(new double[] {1.1, 0.2, 30, -0.1, 0.9, 12, 4e-4, -2e-4, 1});
        float[] j = new float[4];
        h.inverseJacobian(120, 80, j, 0);
        double[] p = new double[2], q = new double[2], back = new double[2];
        h.apply(120, 80, p);
        Homography inv = h.inverse();
        // one pixel along x, then along y, in the image, mapped back
        inv.apply(p[0] + 1, p[1], q);
        inv.apply(p[0], p[1], back);
        assertEquals(q[0] - back[0], j[0], 1e-3);
        assertEquals(q[1] - back[1], j[2], 1e-3);
        inv.apply(p[0], p[1] + 1, q);
        assertEquals(q[0] - back[0], j[1], 1e-3);
        assertEquals(q[1] - back[1], j[3], 1e-3);
    }

    @Test
    public void aLevelCountOutsideThePyramidIsRefused() {
        PointTracker.Gray[] p = PointTracker.pyramid(texture(64, 64, 1), null, null);
        float[] pts = {32, 32}, out = new float[2];
        for (int levels : new int[] {0, PointTracker.LEVELS + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PointTracker.track(p, p, pts, null, null, out, 4, levels, null));
            assertTrue(e.getMessage(), e.getMessage().contains("levels " + levels));
        }
    }
}
