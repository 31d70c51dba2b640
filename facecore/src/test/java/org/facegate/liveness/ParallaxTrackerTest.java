package org.facegate.liveness;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Random;
import org.junit.Test;

/** The plane fit of one step's anchors, on anchor positions moved by a known homography; which nose points a step keeps. */
public class ParallaxTrackerTest {
    /** Eye span of the synthetic face, pixels. */
    private static final float SPAN = 60;
    /** The twelve anchors of a face of that eye span (eye corners, mouth corners, brows), x, y pairs in the order of ANCHORS. */
    private static final float[] FACE = {70, 100, 95, 101, 125, 101, 150, 100, 85, 160, 135, 160, 68, 82, 85, 78, 100, 80, 120, 80, 135, 78,
            152, 82};
    /** A step of a face turning and coming closer: a homography with perspective. */
    private static final Homography STEP = new Homography(new double[] {1.05, 0.02, -4, -0.01, 1.03, 2, 3e-4, -1e-4, 1});

    /** The anchors moved by {@link #STEP}, each off by up to {@code noise} px, anchor {@code outlier} (if >= 0) by {@code off} more. */
    private static float[] moved(float noise, int outlier, float off) {
        Random r = new Random(7);
        float[] end = new float[FACE.length];
        double[] o = new double[2];
        for (int i = 0; i < FACE.length / 2; i++) {
            STEP.apply(FACE[2 * i], FACE[2 * i + 1], o);
            end[2 * i] = (float) o[0] + (r.nextFloat() * 2 - 1) * noise;
            end[2 * i + 1] = (float) o[1] + (r.nextFloat() * 2 - 1) * noise + (i == outlier ? off : 0);
        }
        return end;
    }

    private static double rms(Homography h, float[] end, boolean[] lost) {
        return ParallaxTracker.residual(h, FACE, end, lost, SPAN);
    }

    @Test
    public void oneMistrackedAnchorIsDroppedAndTheOthersDecide() {
        // a brow tracked 0.1 eye spans too low, the others within 0.2 px
        float[] end = moved(0.2f, 7, 0.1f * SPAN);
        boolean[] lost = new boolean[ParallaxTracker.ANCHORS.length];
        Homography h = ParallaxTracker.planeFit(FACE, end, lost, SPAN);
        assertNotNull(h);
        assertTrue("the mistracked anchor is dropped", lost[7]);
        int dropped = 0;
        for (boolean b : lost) dropped += b ? 1 : 0;
        assertEquals("and only it", 1, dropped);
        // the kept anchors lie on the plane again: their residual is the tracking noise (0.2 px = 0.003 eye spans), not the outlier's
        assertTrue("residual " + rms(h, end, lost), rms(h, end, lost) < 0.005);
    }

    @Test
    public void anchorsWithinTheirNoiseAreAllKept() {
        float[] end = moved(0.4f, -1, 0);
        boolean[] lost = new boolean[ParallaxTracker.ANCHORS.length];
        assertNotNull(ParallaxTracker.planeFit(FACE, end, lost, SPAN));
        for (int i = 0; i < lost.length; i++) assertFalse("anchor " + i + " kept", lost[i]);
    }

    /**
     * Which of one step's nose points are kept ({@link ParallaxTracker#lostPoints}), given their grey-level errors and round
     * trips (px) and whether the step's frames are alike enough in sharpness for the fallback; the anchors all match,
     * one of them tracked back 1.5 px, which must stay lost either way.
     */
    private static boolean[] noseKept(float[] noseErr, float[] noseTrip, boolean fallback) {
        int a = ParallaxTracker.ANCHORS.length;
        float[] err = new float[a + noseErr.length], trip = new float[err.length];
        System.arraycopy(noseErr, 0, err, a, noseErr.length);
        System.arraycopy(noseTrip, 0, trip, a, noseTrip.length);
        trip[3] = 1.5f;
        boolean[] lost = ParallaxTracker.lostPoints(err, trip, fallback);
        for (int i = 0; i < a; i++) assertEquals("anchor " + i, i == 3, lost[i]);
        boolean[] kept = new boolean[noseErr.length];
        for (int i = 0; i < kept.length; i++) kept[i] = !lost[a + i];
        return kept;
    }

    @Test
    public void noseWithinTheStrictRoundTripIsMeasuredOnItsOwn() {
        // two nose points back within 1 px: the step is measured on them, the ones within 2 px are not needed
        boolean[] kept = noseKept(new float[] {5, 5, 5, 5, 5}, new float[] {0.4f, 0.9f, 1.5f, 1.9f, 4f}, true);
        assertArrayEquals(new boolean[] {true, true, false, false, false}, kept);
    }

    @Test
    public void aStepLeftWithOneNosePointTakesThoseWithinTheLooserRoundTrip() {
        // one within 1 px: the step would count nothing, so those within 2 px are kept; not one beyond 2 px, or whose
        // grey levels do not match, or that could not be tracked at all (NaN)
        float bad = ParallaxTracker.MAX_ERROR + 1;
        boolean[] kept = noseKept(new float[] {5, 5, 5, 5, bad}, new float[] {0.4f, 1.5f, 1.9f, 2.5f, 1.2f}, true);
        assertArrayEquals(new boolean[] {true, true, true, false, false}, kept);
        kept = noseKept(new float[] {5, Float.NaN, 5, 5, 5}, new float[] {1.1f, 1.2f, 4f, 5f, Float.NaN}, true);
        assertArrayEquals("one within 2 px is kept, though it alone measures nothing", new boolean[] {true, false, false, false, false}, kept);
    }

    @Test
    public void betweenFramesOfUnlikeSharpnessNoLooserPointIsTaken() {
        boolean[] kept = noseKept(new float[] {5, 5, 5, 5, 5}, new float[] {0.4f, 1.5f, 1.9f, 2.5f, 1.2f}, false);
        assertArrayEquals(new boolean[] {true, false, false, false, false}, kept);
    }

    @Test
    public void withFewAnchorsLeftNoneIsDropped() {
        // four anchors already lost: of eight, an outlier cannot be told from a plane that fits them all worse
        float[] end = moved(0.2f, 7, 0.1f * SPAN);
        boolean[] lost = new boolean[ParallaxTracker.ANCHORS.length];
        lost[0] = lost[3] = lost[4] = lost[11] = true;
        assertNotNull(ParallaxTracker.planeFit(FACE, end, lost, SPAN));
        assertFalse("kept with only " + ParallaxTracker.MIN_INLIERS + " anchors", lost[7]);
    }
}
