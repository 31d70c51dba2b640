package org.facegate.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Random;
import org.facegate.detect.MeshLandmarks;
import org.junit.Test;

/** Pure geometry: homography fitting, head pose signs, eye aspect ratio, settings. No models. */
public class LivenessGeometryTest {
    @Test
    public void homographyFitRecoversAProjectiveMap() {
        Homography truth = new Homography(new double[] {1.1, 0.2, 30, -0.1, 0.9, 12, 4e-4, -2e-4, 1});
        Random r = new Random(1);
        float[] src = new float[40], dst = new float[40];
        double[] o = new double[2];
        for (int i = 0; i < 20; i++) {
            src[2 * i] = 100 + r.nextFloat() * 200;
            src[2 * i + 1] = 100 + r.nextFloat() * 200;
            truth.apply(src[2 * i], src[2 * i + 1], o);
            dst[2 * i] = (float) o[0];
            dst[2 * i + 1] = (float) o[1];
        }
        Homography fit = Homography.fit(src, dst);
        double[] p = new double[2];
        for (int i = 0; i < 20; i++) {
            fit.apply(src[2 * i], src[2 * i + 1], p);
            assertEquals(dst[2 * i], p[0], 0.01);
            assertEquals(dst[2 * i + 1], p[1], 0.01);
        }
        fit.inverse().apply(dst[0], dst[1], p);
        assertEquals(src[0], p[0], 0.01);
        assertEquals(src[1], p[1], 0.01);
        assertThrows(IllegalArgumentException.class, () -> Homography.fit(new float[6], new float[6]));
    }

    @Test
    public void fitKeptUsesOnlyTheKeptPointsBeforeCount() {
        Homography truth = new Homography(new double[] {0.9, -0.1, 5, 0.15, 1.05, -8, 2e-4, 1e-4, 1});
        Random r = new Random(2);
        int n = 12;
        float[] reference = new float[2 * n], current = new float[2 * n];
        boolean[] lost = new boolean[n];
        double[] o = new double[2];
        for (int i = 0; i < n; i++) {
            reference[2 * i] = 50 + r.nextFloat() * 200;
            reference[2 * i + 1] = 50 + r.nextFloat() * 200;
            truth.apply(reference[2 * i], reference[2 * i + 1], o);
            current[2 * i] = (float) o[0];
            current[2 * i + 1] = (float) o[1];
        }
        // a lost point and the points past count are tracking garbage: they must not pull the fit
        lost[3] = true;
        for (int i : new int[] {3, 10, 11}) current[2 * i] += 500;
        Homography fit = Homography.fitKept(reference, current, lost, 10, 6);
        double[] p = new double[2];
        for (int i = 0; i < 10; i++) {
            if (lost[i]) continue;
            fit.apply(reference[2 * i], reference[2 * i + 1], p);
            assertEquals(current[2 * i], p[0], 0.01);
            assertEquals(current[2 * i + 1], p[1], 0.01);
        }
        for (int i = 4; i < 10; i++) lost[i] = true;
        assertEquals(null, Homography.fitKept(reference, current, lost, 10, 6));
    }

    /** A synthetic mesh: a flat grid with a protruding nose, rotated in 3-D by yaw degrees. */
    private static MeshLandmarks mesh(double yawDeg, float eyeOpen) {
        float[] xyz = new float[3 * MeshLandmarks.COUNT];
        for (int i = 0; i < MeshLandmarks.COUNT; i++) {
            xyz[3 * i] = 200 + (i % 22) * 5;
            xyz[3 * i + 1] = 200 + (i / 22) * 5;
        }
        set(xyz, MeshLandmarks.RIGHT_EYE_OUTER, 150, 200, 0);
        set(xyz, MeshLandmarks.LEFT_EYE_OUTER, 250, 200, 0);
        set(xyz, HeadPose.FOREHEAD, 200, 130, 0);
        set(xyz, HeadPose.CHIN, 200, 320, 0);
        int[][] ears = {FaceGeometry.RIGHT_EAR, FaceGeometry.LEFT_EAR};
        float[] cx = {165, 235};
        for (int e = 0; e < 2; e++) {
            int[] p = ears[e];
            set(xyz, p[0], cx[e] - 15, 200, 0);
            set(xyz, p[3], cx[e] + 15, 200, 0);
            set(xyz, p[1], cx[e] - 5, 200 - 5 * eyeOpen, 0);
            set(xyz, p[2], cx[e] + 5, 200 - 5 * eyeOpen, 0);
            set(xyz, p[5], cx[e] - 5, 200 + 5 * eyeOpen, 0);
            set(xyz, p[4], cx[e] + 5, 200 + 5 * eyeOpen, 0);
        }
        double t = Math.toRadians(yawDeg), c = Math.cos(t), s = Math.sin(t);
        for (int i = 0; i < MeshLandmarks.COUNT; i++) {
            double x = xyz[3 * i] - 200, z = xyz[3 * i + 2];
            xyz[3 * i] = (float) (200 + x * c - z * s);
            xyz[3 * i + 2] = (float) (x * s + z * c);
        }
        return new MeshLandmarks(xyz, 1);
    }

    private static void set(float[] xyz, int i, float x, float y, float z) {
        xyz[3 * i] = x;
        xyz[3 * i + 1] = y;
        xyz[3 * i + 2] = z;
    }

    @Test
    public void headPoseSignsFollowTheSubject() {
        assertEquals(0, HeadPose.of(mesh(0, 1)).yaw(), 0.5);
        // the left eye (image right) moves away from the camera (larger z): the face turns to its own left
        HeadPose turned = HeadPose.of(mesh(20, 1));
        assertEquals(20, turned.yaw(), 1);
        assertEquals(0, turned.roll(), 1);
        assertTrue(HeadPose.of(mesh(-20, 1)).yaw() < -19);
    }

    @Test
    public void eyeAspectRatioFallsWhenTheLidsClose() {
        float open = FaceGeometry.rightEar(mesh(0, 1)), closed = FaceGeometry.rightEar(mesh(0, 0.2f));
        assertEquals(1 / 3f, open, 1e-4);
        assertTrue(closed < open * 0.3);
    }

    @Test
    public void settingsAndInstructions() {
        assertEquals(LivenessMode.ACTIVE, LivenessMode.DEFAULT);
        assertEquals(LivenessMode.PASSIVE, LivenessMode.parse(" Passive "));
        assertThrows(IllegalArgumentException.class, () -> LivenessMode.parse("strict"));
        for (Challenge c : Challenge.values()) {
            String s = c.instruction();
            assertTrue(s, s.endsWith(".") && s.indexOf('.') == s.length() - 1 && s.split(" ").length <= 8);
        }
        java.util.Set<java.util.List<Challenge>> orders = new java.util.HashSet<>();
        // the rarest order, three blinks, has odds 1/512
        for (int seed = 0; seed < 8000; seed++) {
            ChallengeSession s = ChallengeSession.random(new Random(seed), IdentityCheck.ANYONE);
            assertEquals(3, s.challenges().size());
            assertEquals(s.current().instruction(), s.instruction());
            orders.add(s.challenges());
        }
        assertEquals("every one of the 5^3 orders is drawn", 125, orders.size());
        assertEquals("Look at the screen.", ChallengeSession.passive(IdentityCheck.ANYONE, 8000).instruction());
    }
}
