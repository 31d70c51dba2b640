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
     * keeps exercising the pixel evidence; of seeds 1-40 of this video with a stream per use ({@link Seeds.Use}), 9, 29
     * and 30 have such a frame under the bound of 0.65 then, and only at 30 are the eye regions compared on it). With the eye regions' reference the
     * widest-open frame whatever the head did since, one eye fell to 0.099 on such a frame of this video (at the frame
     * timings before {@link Seeds}) and only the other eye stopped it; with the reference retaken when the head moved,
     * the eye regions stay at 0.90 or more where the mesh reads closed (0.92 at the earlier seeds' timings). The two-eye rule itself, on real
     * pixels: {@code LivenessClipTest.aClosureNeedsBothEyesToChange}.
     */
    @Test
    public void noiseAndFlickeringBlurDoNotFakeABlink() throws Exception {
        AttackEvaluation.Result r = flickering(12, "Dave_Johnson", PlanarAttack.Motion.MOVE, 30);
        assertTrue("the mesh read closed eyes: " + r.summary(), r.minOpenness < BlinkDetector.CLOSED_BELOW);
        assertTrue("the eye regions were compared on such a frame: " + r.summary(), r.minCorrelation < Float.POSITIVE_INFINITY);
        assertTrue("no eye decorrelated where the mesh read closed eyes: " + r.summary(), r.minCorrelation >= BlinkDetector.CORRELATION_CLOSED);
        assertTrue("the pixels stayed short of a closure: " + r.summary(), r.closure.value() < 0);
        assertEquals(r.summary(), 0, r.accepted);
    }

    /**
     * The generated attack that came closest to a closure once the eye bounds allowed a blink seen half-way
     * ({@code liveness-eval --attacks --faces 200 --process-fps 6}: the 197th photo, so seed 196000 + 4 x LOOK_UP +
     * NOISE_AND_FLICKERING_BLUR): William_Cocksedge's print looking up under noise and a flickering blur decorrelates
     * both eyes (0.35 and 0.46 where the mesh reads 0.71 open), as a half-seen blink does, 0.003 short of a closure by
     * the eyes alone. Its control regions read 0.76 ({@link BlinkDetector#CONTROL_CLOSED}: a real blink leaves them at
     * 0.93 and up), which keeps it 0.085 short.
     */
    @Test
    public void eyesDecorrelatedByABlurOverTheWholeFaceAreNoClosure() throws Exception {
        long seed = 196000 + 4 * PlanarAttack.Motion.LOOK_UP.ordinal() + PlanarAttack.Degradation.NOISE_AND_FLICKERING_BLUR.ordinal();
        AttackEvaluation.Result r = flickering(6, "William_Cocksedge", PlanarAttack.Motion.LOOK_UP, seed);
        assertTrue("the eyes came close to a closure's bound: " + r.summary(), r.minCorrelation < BlinkDetector.CORRELATION_CLOSED + 0.05f);
        assertTrue("the controls keep it short: " + r.summary(), r.closure.value() < -0.05f);
        assertEquals(r.summary(), 0, r.accepted);
    }

    /**
     * The photo attack the nose fallback ({@code ParallaxTracker.NOSE_ROUND_TRIP}) let through at 6 fps before it was
     * limited to frames of like sharpness ({@code NOSE_FALLBACK_BLUR}): David_McKiernan's print tilted under noise and a
     * flickering 7x7 blur passed the look-down, held 1.12 of the bound (`liveness-eval --attacks --faces 200
     * --process-fps 6`: the 45th of the 200 photos, so seed 44000 + 4 x TILT + NOISE_AND_FLICKERING_BLUR). In the
     * step where the blur flickered on, four nose points readmitted at 1.2-1.7 px "moved" 0.09 eye spans down the face.
     * With the condition it holds -0.35.
     */
    @Test
    public void aPrintUnderAFlickeringBlurGainsNoParallaxFromLooseNosePoints() throws Exception {
        long seed = 44000 + 4 * PlanarAttack.Motion.TILT.ordinal() + PlanarAttack.Degradation.NOISE_AND_FLICKERING_BLUR.ordinal();
        AttackEvaluation.Result r = flickering(6, "David_McKiernan", PlanarAttack.Motion.TILT, seed);
        assertEquals(r.summary(), 0, r.accepted);
        assertTrue("held " + r.held, r.held.value() < 0.5);
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
