package org.facegate.eval.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.facegate.detect.MeshLandmarks;
import org.facegate.image.RgbImage;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.HeadPose;
import org.facegate.liveness.LivenessAnalyzer;
import org.facegate.liveness.LivenessFrame;
import org.facegate.testing.TestData;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Head movements of synthetic 3-D heads made from real LFW photos, replayed as a phone processing 6 frames a second
 * sees them: the movement challenges accept a head and refuse the same photo turned as a plane. The full measurement
 * (200 people, every rate, other depths) is {@code facegate liveness-eval --heads} (docs/liveness.md).
 */
public class SyntheticHeadTest {
    static final String[] PEOPLE = {"Asif_Hanif", "Aaron_Patterson", "Andy_Griffith"};
    private static LivenessAnalyzer analyzer;

    @BeforeClass
    public static void open() throws Exception {
        TestData.lfw();
        analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu());
    }

    @AfterClass
    public static void close() {
        if (analyzer != null) analyzer.close();
    }

    @Test
    public void theRenderedHeadTurnsAsTheMeshReadsIt() {
        HeadEvaluation ev = new HeadEvaluation(analyzer, 6, false, null);
        RgbImage photo = TestData.lfwImage(PEOPLE[0], 1);
        SyntheticHead head = ev.head(photo, ev.mesh(photo), HeadEvaluation.Depth.MESH);
        double scale = HeadEvaluation.scale(photo);
        HeadPose rest = read(head.render(0, 0, scale, AttackEvaluation.WIDTH, AttackEvaluation.HEIGHT));
        HeadPose left = read(head.render(20, 0, scale, AttackEvaluation.WIDTH, AttackEvaluation.HEIGHT));
        HeadPose up = read(head.render(0, 20, scale, AttackEvaluation.WIDTH, AttackEvaluation.HEIGHT));
        // the mesh reads the rendered 20 degrees with their sign, as more or less (it read +21 to +29 in development)
        assertEquals("turned to the subject's left: " + rest + " -> " + left, 20, left.yaw() - rest.yaw(), 12);
        assertEquals("looking up: " + rest + " -> " + up, 20, up.pitch() - rest.pitch(), 12);
    }

    private static HeadPose read(RgbImage frame) {
        analyzer.reset();
        LivenessFrame f = analyzer.analyze(frame, 0);
        assertTrue("a face in the rendered head", f.hasFace());
        return f.pose();
    }

    @Test
    public void everyMovementPassesOnAHeadAndFailsOnAFlatPhoto() {
        HeadEvaluation ev = new HeadEvaluation(analyzer, 6, false, null);
        for (int i = 0; i < PEOPLE.length; i++) {
            RgbImage photo = TestData.lfwImage(PEOPLE[i], 1);
            MeshLandmarks mesh = ev.mesh(photo);
            ev.face(PEOPLE[i], photo, mesh, new HeadEvaluation.Depth[] {HeadEvaluation.Depth.MESH, HeadEvaluation.Depth.FLAT}, i);
        }
        SessionTally head = ev.results().get(HeadEvaluation.Depth.MESH), flat = ev.results().get(HeadEvaluation.Depth.FLAT);
        System.out.println("heads: " + head.summary() + " " + head.rejected() + "; flat photos: live " + flat.live() + " of " + flat.sessions());
        assertEquals(4 * PEOPLE.length, head.sessions());
        // about one movement in ten is lost at 6 fps (docs/liveness.md, 200 people): 2 of these 12
        assertTrue("heads: " + head.summary() + " " + head.rejected(), head.sessions() - head.live() <= 2);
        assertEquals("flat photos accepted", 0, flat.live());
        // the held margin reported is the decision: at least 1 on every head session that passed, under it elsewhere
        assertEquals(0, head.heldDisagrees() + flat.heldDisagrees());
        assertTrue("flat photos measured: " + flat.closestHeld(), flat.closestHeld().value() > 0);
    }

    /**
     * A flat photo turned right under a blur shows nose "parallax" near the bound (the one flat photo of 800 accepted
     * at 12 fps before {@code HeadMoveStep.PARALLAX_FRACTION} rose from 0.5 to 0.56 was one of these): at these two
     * frame timings Ed_Mekertichian's held 0.97 and 0.92 of the bound, 1.08 and 1.03 at the old fraction (accepted).
     * The head made from the same photo passes the same turn.
     */
    @Test
    public void aFlatPhotoTurnedUnderABlurStaysUnderTheBound() {
        HeadEvaluation ev = new HeadEvaluation(analyzer, 12, false, null);
        RgbImage photo = TestData.lfwImage("Ed_Mekertichian", 1);
        MeshLandmarks mesh = ev.mesh(photo);
        for (long seed : new long[] {4, 8}) ev.face("seed " + seed, photo, mesh, new HeadEvaluation.Depth[] {HeadEvaluation.Depth.MESH, HeadEvaluation.Depth.FLAT}, seed);
        SessionTally head = ev.results().get(HeadEvaluation.Depth.MESH), flat = ev.results().get(HeadEvaluation.Depth.FLAT);
        System.out.println("flat photos: closest " + flat.closestHeld() + "; heads " + head.summary() + " accepted " + head.accepted());
        assertEquals("flat photos accepted: " + flat.accepted(), 0, flat.live());
        // close to the bound (> 0.5 / 0.56: would pass at the old fraction), and under it
        Closest closest = flat.closestHeld();
        assertTrue(closest.toString(), closest.value() > 0.9 && closest.value() < 1 && closest.toString().contains("TURN_RIGHT BLUR"));
        assertTrue(head.accepted(), head.accepted().contains("seed 4 TURN_RIGHT BLUR") && head.accepted().contains("seed 8 TURN_RIGHT BLUR"));
    }

    /**
     * Heads that lose their nose in the big step of a movement at 6 processed fps (Jean_Nagel looking down) or whose
     * anchor residual one mis-tracked anchor raises under blur (Irina_Yatchenko) pass most movements with the second
     * tracking pass kept to the finest pyramid levels and the plane fit dropping outlying anchors ({@code
     * ParallaxTracker}): 10 frame timings (seeds) of each of the 4 movements, degradations cycling. Measured: 8 of these
     * 80 sessions rejected (at most 10 asserted), all but one of them Jean_Nagel nodding (7 with the fallback below
     * taken between frames of any sharpness). Before the nose's looser round trip in a step that would keep fewer than
     * two nose points ({@code ParallaxTracker.NOSE_ROUND_TRIP}): 13,
     * mostly looking down, where the nose points were lost in the largest step and that step's parallax with them; with
     * the second pass over the whole pyramid and no anchor dropped as well: 14. Those two made a difference at the frame
     * timings of the first seeds (10 against 17) and on 50 people (44 against 64 of 600), less at these, so this guards
     * the 6 fps tracking as a whole.
     */
    @Test
    public void headsLostInOneLargeStepMostlyPass() {
        HeadEvaluation ev = new HeadEvaluation(analyzer, 6, false, null);
        for (String person : new String[] {"Irina_Yatchenko", "Jean_Nagel"}) {
            RgbImage photo = TestData.lfwImage(person, 1);
            MeshLandmarks mesh = ev.mesh(photo);
            for (int seed = 0; seed < 50; seed += 5) ev.face(person, photo, mesh, new HeadEvaluation.Depth[] {HeadEvaluation.Depth.MESH}, seed);
        }
        SessionTally head = ev.results().get(HeadEvaluation.Depth.MESH);
        System.out.println("heads: " + head.summary() + " " + head.rejected());
        assertEquals(80, head.sessions());
        assertTrue(head.summary() + " " + head.rejected(), head.sessions() - head.live() <= 10);
    }

    @Test
    public void aHeadReplayingOneSequencePassesThatOrderAndNoOther() {
        HeadEvaluation ev = new HeadEvaluation(analyzer, 6, false, null);
        RgbImage photo = TestData.lfwImage(PEOPLE[0], 1);
        List<Challenge> moves = List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP, Challenge.TURN_RIGHT);
        // at seed 1's frame timings this head fails its own order too (a bona fide head's 6 fps BPCER); 2-6 pass it
        List<List<Challenge>> passed = ev.fixedSequence(photo, ev.mesh(photo), moves, PlanarAttack.Degradation.NOISE, 2);
        assertEquals(List.of(moves), passed);
    }
}
