package org.facegate.eval.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.Arrays;
import org.facegate.liveness.BlinkDetector;
import org.facegate.liveness.LivenessAnalyzer;
import org.facegate.testing.TestData;
import org.junit.Test;

/**
 * Generated planar attacks from 200 different LFW people, replayed as a phone processing 6 frames a second sees them:
 * every person's photo is shown with one motion and one degradation (cycling through all of them), offered to a
 * session of each single challenge with an identity check that always agrees. None may be accepted. The full cross
 * product (200 x every motion x every degradation, at 12, 8, 6 and 4 fps) is {@code facegate liveness-eval --attacks}
 * (docs/liveness.md).
 */
public class LivenessAttackTest {
    static final double FPS = 6;

    @Test
    public void noPlanarOrStaticAttackFrom200PeopleIsAccepted() throws Exception {
        File images = TestData.lfw().resolve("images").toFile();
        File[] people = images.listFiles(File::isDirectory);
        Arrays.sort(people);
        PlanarAttack.Motion[] motions = PlanarAttack.Motion.values();
        PlanarAttack.Degradation[] degradations = PlanarAttack.Degradation.values();
        long t0 = System.nanoTime();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            AttackEvaluation ev = new AttackEvaluation(analyzer, FPS, false);
            for (int i = 0; i < 200; i++) {
                File person = people[i * people.length / 200];
                File[] photos = person.listFiles((d, n) -> n.endsWith(".jpg"));
                Arrays.sort(photos);
                PlanarAttack.Motion m = motions[i % motions.length];
                PlanarAttack.Degradation d = degradations[(i / motions.length) % degradations.length];
                ev.video(photos[0].getName() + " " + m + " " + d, TestData.read(photos[0]), m, d, i);
            }
            System.out.println(ev.result().summary());
            System.out.printf("took %.1f s%n", (System.nanoTime() - t0) / 1e9);
            assertEquals(200, ev.result().videos);
            assertTrue(ev.result().summary(), ev.result().accepted == 0);
        }
    }

    /**
     * Noise and a flickering 7x7 blur decorrelate the region of one small eye at a time while the mesh reads narrowing
     * eyes (the earlier one-eye rule accepted such photos, docs/liveness.md). In this replay of a photo moved towards
     * the camera the mesh reads closed eyes (openness below {@link BlinkDetector#CLOSED_BELOW}, asserted, so the test
     * keeps exercising the pixel evidence; of seeds 1-12 of this video, only 7 has such a frame). With the eye regions'
     * reference the widest-open frame whatever the head did since, one eye fell to 0.099 on such a frame of this video
     * (at the frame timings before {@link Seeds}) and only the other eye stopped it; with the reference retaken when
     * the head moved, the eye regions stay at 0.92 or more where the mesh reads closed. The two-eye rule itself, on real
     * pixels: {@code LivenessClipTest.aClosureNeedsBothEyesToChange}.
     */
    @Test
    public void noiseAndFlickeringBlurDoNotFakeABlink() throws Exception {
        AttackEvaluation.Result r = flickering(12, "Dave_Johnson", PlanarAttack.Motion.MOVE, 7);
        assertTrue("the mesh read closed eyes: " + r.summary(), r.minOpenness < BlinkDetector.CLOSED_BELOW);
        assertTrue("no eye decorrelated where the mesh read closed eyes: " + r.summary(), r.minCorrelation >= BlinkDetector.CORRELATION_CLOSED);
        assertEquals(r.summary(), 0, r.accepted);
    }

    /**
     * The attack the 200-person run at 6 fps accepted ({@code facegate liveness-eval --attacks ../shared/eval/lfw-dev
     * --faces 200 --process-fps 6}: 1 of 9600, the 161st person, this seed): a photo tilted back 55 degrees under
     * noise and a flickering blur, read as looking down 20 degrees with a nose parallax of 0.007 eye spans at its
     * deepest, gained 0.045 in one step that read 2.5 degrees (a whole head's would be 0.015), after the pose had turned
     * back 6, and passed the look-down. A step now adds at most twice what its rotation explains
     * ({@code HeadMoveStep.STEP_PARALLAX_FACTOR}): the look-down comes to 0.85 of its bounds (0.9 asserted).
     */
    @Test
    public void parallaxAStepsRotationCannotExplainDoesNotCount() throws Exception {
        AttackEvaluation.Result r = flickering(6, "Richard_Carl", PlanarAttack.Motion.TILT, 160_019);
        assertEquals(r.summary(), 0, r.accepted);
        assertTrue(r.summary(), r.maxBoth < 0.9);
    }

    /** One video of a person's first LFW photo under noise and a flickering blur, offered to every challenge. */
    private static AttackEvaluation.Result flickering(double fps, String person, PlanarAttack.Motion motion, long seed) throws Exception {
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu())) {
            AttackEvaluation ev = new AttackEvaluation(analyzer, fps, false);
            ev.video(person + " " + motion, TestData.lfwImage(person, 1), motion, PlanarAttack.Degradation.NOISE_AND_FLICKERING_BLUR, seed);
            System.out.println(ev.result().summary());
            return ev.result();
        }
    }
}
