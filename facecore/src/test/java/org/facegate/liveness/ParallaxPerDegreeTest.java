package org.facegate.liveness;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.facegate.detect.MeshLandmarks;
import org.facegate.image.RgbImage;
import org.facegate.testing.TestData;
import org.junit.Test;

/**
 * Where {@link HeadMoveStep}'s parallax per degree comes from: the real clip's mesh (a frontal frame) rotated in 3-D
 * as a rigid head and measured as the tracker measures pixels ({@link ParallaxTracker#meshParallax}): how far the
 * nose moves against the homography of the eye and mouth corners and brows per degree of yaw and of pitch.
 */
public class ParallaxPerDegreeTest {
    @Test
    public void theConstantsAreWhatTheClipsMeshShows() throws Exception {
        LivenessData.root();
        List<RgbImage> one = List.of(TestData.read(LivenessData.clipDir().resolve("frame_0035.jpg").toFile()));
        MeshLandmarks mesh;
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            mesh = LivenessData.analyze(analyzer, one).get(0).mesh();
        }
        float[] yaw = new float[2], pitch = new float[2];
        for (int s = 0; s < 2; s++) {
            float deg = s == 0 ? 15 : -15;
            yaw[s] = ParallaxTracker.meshParallax(mesh, rotated(mesh, deg, 0), false) / deg;
            pitch[s] = ParallaxTracker.meshParallax(mesh, rotated(mesh, 0, deg), true) / deg;
        }
        // the rotation turns the head as HeadPose reads it
        assertEquals(15, HeadPose.of(rotated(mesh, 15, 0)).yaw() - HeadPose.of(mesh).yaw(), 1.5);
        assertEquals(15, HeadPose.of(rotated(mesh, 0, 15)).pitch() - HeadPose.of(mesh).pitch(), 1.5);
        System.out.printf("parallax per degree over +-15 deg: yaw %.5f %.5f, pitch %.5f %.5f eye spans%n", yaw[0], yaw[1], pitch[0], pitch[1]);
        assertEquals(HeadMoveStep.PARALLAX_PER_DEGREE_YAW, (yaw[0] + yaw[1]) / 2, 0.1 * HeadMoveStep.PARALLAX_PER_DEGREE_YAW);
        assertEquals(HeadMoveStep.PARALLAX_PER_DEGREE_PITCH, (pitch[0] + pitch[1]) / 2, 0.1 * HeadMoveStep.PARALLAX_PER_DEGREE_PITCH);
    }

    /** The mesh turned about its centroid (yaw to the subject's left, pitch up, as HeadPose signs them), seen orthographically. */
    static MeshLandmarks rotated(MeshLandmarks m, double yawDeg, double pitchDeg) {
        double cx = 0, cy = 0, cz = 0;
        int n = MeshLandmarks.COUNT;
        for (int i = 0; i < n; i++) {
            cx += m.x(i) / n;
            cy += m.y(i) / n;
            cz += m.z(i) / n;
        }
        double a = Math.toRadians(yawDeg), b = Math.toRadians(pitchDeg);
        float[] xyz = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double dx = m.x(i) - cx, dy = m.y(i) - cy, dz = m.z(i) - cz;
            double x1 = dx * Math.cos(a) - dz * Math.sin(a), z1 = dx * Math.sin(a) + dz * Math.cos(a);
            double y2 = dy * Math.cos(b) + z1 * Math.sin(b), z2 = -dy * Math.sin(b) + z1 * Math.cos(b);
            xyz[3 * i] = (float) (cx + x1);
            xyz[3 * i + 1] = (float) (cy + y2);
            xyz[3 * i + 2] = (float) (cz + z2);
        }
        return new MeshLandmarks(xyz, m.presence());
    }
}
