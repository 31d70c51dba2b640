package org.facegate.liveness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.facegate.detect.Face;
import org.facegate.detect.MeshLandmarks;
import org.facegate.image.RgbImage;
import org.facegate.testing.TestData;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The real selfie clip (shared/eval/liveness, 168 frames at 12 fps, one man blinking): blink detection against its
 * labels, blink sessions over windows of it (bona fide presentations), and what the session does when the identity
 * check fails or another face is swapped in.
 */
public class LivenessClipTest {
    private static LivenessAnalyzer analyzer;
    private static List<RgbImage> images;
    private static List<LivenessFrame> frames;

    @BeforeClass
    public static void load() throws Exception {
        LivenessData.root();
        analyzer = LivenessAnalyzer.open(TestData.models(), TestData.cpu());
        images = LivenessData.clip();
        frames = LivenessData.analyze(analyzer, images);
    }

    @AfterClass
    public static void close() {
        if (analyzer != null) analyzer.close();
    }

    @Test
    public void closedEyesAgreeWithTheLabels() throws Exception {
        boolean[] labels = LivenessData.closedLabels(frames.size());
        BlinkDetector d = new BlinkDetector();
        int agree = 0;
        for (int i = 0; i < frames.size(); i++) {
            LivenessFrame f = frames.get(i);
            assertTrue("face in frame " + (i + 1), f.hasFace());
            d.add(f.timeMillis(), f.mesh(), f.image());
            if (d.closed() == labels[i]) agree++;
        }
        double acc = (double) agree / frames.size();
        System.out.printf("clip: per-frame closed-eye agreement with labels %.1f%% (%d/%d), blinks completed %d%n", 100 * acc, agree,
                frames.size(), d.blinks());
        // 88.7% measured: the labels miss five short blinks (frames 21-22, 42-43, 57, 112-113, 121-122, checked by eye on
        // crops of the eye region) and mark 166-168 closed though the eyes have reopened; those are most disagreements
        assertTrue("accuracy " + acc, acc >= 0.85);
        assertTrue("blinks " + d.blinks(), d.blinks() >= 7);
    }

    /**
     * The two-eye rule on real pixels: frames where the mesh reads closed eyes (the mesh of a frame from the clip's long
     * closure) but the image is an open-eyed frame with one eye, or both, pasted from the closed one. One eye that no
     * longer matches its open reference is what noise and blur did to small eyes in generated attacks; a blink needs
     * both.
     */
    @Test
    public void aClosureNeedsBothEyesToChange() {
        LivenessFrame open = frames.get(34), closed = frames.get(84);
        assertEquals("one eye pasted: no blink", 0, blinks(open, closed, true, false, 0));
        assertEquals("both eyes pasted: a blink", 1, blinks(open, closed, true, true, 0));
    }

    /**
     * The control rule on real pixels ({@link BlinkDetector#CONTROL_CLOSED}): both eyes pasted closed, as above, but
     * the whole frame under Gaussian noise (sigma 30) that leaves the nose band and brows matching only at 0.74-0.80, as
     * the generated attack that came closest to a closure had them (0.76; a real blink keeps them at 0.93 and up): the
     * eye regions no longer match, yet the face around them changed too, so it proves nothing.
     */
    @Test
    public void aClosureNeedsTheFaceAroundTheEyesUnchanged() {
        LivenessFrame open = frames.get(34), closed = frames.get(84);
        assertEquals("both eyes pasted, the frame noisy: no blink", 0, blinks(open, closed, true, true, 30));
    }

    /**
     * Blinks found in 10 frames of {@code open}, then 3 of {@code open}'s image with the chosen eyes' regions pasted from
     * {@code closed} and Gaussian noise of {@code noiseSigma} (0: none) over all of it, read by {@code closed}'s mesh,
     * then 10 of {@code open} (the head is still in the clip). With noise, its three frames must leave the control
     * regions trusted ({@link BlinkDetector#CONTROL_MIN}) but below {@link BlinkDetector#CONTROL_CLOSED}, so only that
     * bound can stop the closure.
     */
    private static int blinks(LivenessFrame open, LivenessFrame closed, boolean right, boolean left, int noiseSigma) {
        RgbImage img = open.image();
        int[] px = img.argb().clone();
        int[][] corners = {{MeshLandmarks.RIGHT_EYE_OUTER, MeshLandmarks.RIGHT_EYE_INNER}, {MeshLandmarks.LEFT_EYE_INNER, MeshLandmarks.LEFT_EYE_OUTER}};
        boolean[] which = {right, left};
        for (int e = 0; e < 2; e++) {
            if (!which[e]) continue;
            // the eye's region as EyeAppearance samples it: along the corners, 1.1 times their distance, half of it across
            MeshLandmarks m = closed.mesh();
            float cx = (m.x(corners[e][0]) + m.x(corners[e][1])) / 2, cy = (m.y(corners[e][0]) + m.y(corners[e][1])) / 2;
            float w = Math.abs(m.x(corners[e][1]) - m.x(corners[e][0]));
            for (int y = Math.round(cy - 0.3f * w); y <= Math.round(cy + 0.3f * w); y++) {
                for (int x = Math.round(cx - 0.6f * w); x <= Math.round(cx + 0.6f * w); x++) px[y * img.width() + x] = closed.image().argb()[y * img.width() + x];
            }
        }
        BlinkDetector d = new BlinkDetector();
        long t = 0;
        for (int i = 0; i < 10; i++) d.add(t += 83, open.mesh(), open.image());
        Random noise = new Random(noiseSigma);
        for (int i = 0; i < 3; i++) {
            int[] frame = px.clone();
            if (noiseSigma > 0) {
                for (int k = 0; k < frame.length; k++) {
                    int g = (int) Math.round(noise.nextGaussian() * noiseSigma), p = frame[k];
                    frame[k] = 0xff000000 | clamp(((p >> 16) & 255) + g) << 16 | clamp(((p >> 8) & 255) + g) << 8 | clamp((p & 255) + g);
                }
            }
            d.add(t += 83, closed.mesh(), new RgbImage(img.width(), img.height(), frame));
            // the pasted eyes no longer match: one eye alone (the case the two-eye rule is for) or both
            assertTrue("eye correlation " + d.correlation(), d.correlation() < BlinkDetector.CORRELATION_CLOSED);
            if (noiseSigma > 0) {
                assertTrue("other eye " + d.otherEyeCorrelation(), d.otherEyeCorrelation() < BlinkDetector.OTHER_EYE_CLOSED);
                assertTrue("controls " + d.controlCorrelation(),
                        d.controlCorrelation() >= BlinkDetector.CONTROL_MIN && d.controlCorrelation() < BlinkDetector.CONTROL_CLOSED);
            }
        }
        for (int i = 0; i < 10; i++) d.add(t += 83, open.mesh(), open.image());
        return d.blinks();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    @Test
    public void blinkSessionsOnTheClipAreLive() {
        assertBlinkSessionsLive("clip", frames);
    }

    /** Blink sessions starting at every 4th frame; BPCER over the windows that reach a decision must be <= 10%. */
    private static void assertBlinkSessionsLive(String what, List<LivenessFrame> clip) {
        int live = 0, windows = 0;
        for (int start = 0; start < clip.size(); start += 4) {
            ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
            offerFrom(clip, s, start, clip.size());
            if (s.state() == ChallengeSession.State.RUNNING) continue;
            windows++;
            if (s.state() == ChallengeSession.State.LIVE) live++;
        }
        System.out.printf("%s: blink sessions live %d of %d windows%n", what, live, windows);
        assertTrue(what + ": windows " + windows, windows >= 30);
        assertTrue(what + ": BPCER must be <= 10%: " + live + "/" + windows, windows - live <= windows / 10);
    }

    private static void offerFrom(ChallengeSession s, int start, int end) {
        offerFrom(frames, s, start, end);
    }

    private static void offerFrom(List<LivenessFrame> clip, ChallengeSession s, int start, int end) {
        for (int i = start; i < end && s.state() == ChallengeSession.State.RUNNING; i++) {
            LivenessFrame f = clip.get(i);
            s.offer(f.at(f.timeMillis() - clip.get(start).timeMillis()));
        }
    }

    @Test
    public void identityIsCheckedOnFramesThroughout() {
        List<Long> checked = new ArrayList<>();
        IdentityCheck recording = (frame, face) -> {
            checked.add((long) checked.size());
            return true;
        };
        ChallengeSession ok = ChallengeSession.of(recording, Challenge.BLINK);
        offerFrom(ok, 60, frames.size());
        assertEquals(ChallengeSession.State.LIVE, ok.state());
        assertTrue("identity checked on every frame up to the blink and on the completing one: " + checked.size(), checked.size() >= 40);

        // the identity fails from the 20th frame on (someone else, or a photo of someone else): spoof, not live
        int[] n = {0};
        ChallengeSession swapped = ChallengeSession.of((frame, face) -> ++n[0] < 20, Challenge.BLINK);
        offerFrom(swapped, 60, frames.size());
        assertEquals(ChallengeSession.State.SPOOF, swapped.state());
        assertEquals(ChallengeSession.Reason.IDENTITY, swapped.reason());
    }

    @Test
    public void aFaceSwappedInMidSessionEndsIt() {
        // 10 real frames, then an LFW photo of another person appears elsewhere in the frame. (Swapped in at the same
        // place and size, only the identity check can tell: identityIsCheckedOnFramesThroughout.)
        ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
        for (int i = 60; i < 70; i++) s.offer(frames.get(i));
        RgbImage other = pasted(TestData.lfwImage("Aaron_Sorkin", 1), 480, 854, 220, 500);
        analyzer.reset();
        LivenessFrame f = analyzer.analyze(other, frames.get(70).timeMillis());
        assertTrue(f.hasFace());
        s.offer(f);
        assertEquals(ChallengeSession.State.SPOOF, s.state());
        assertEquals(ChallengeSession.Reason.FACE_JUMP, s.reason());

        // the face disappearing for longer than FaceContinuity allows also ends it
        ChallengeSession lost = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
        for (int i = 60; i < 70; i++) lost.offer(frames.get(i));
        RgbImage black = new RgbImage(480, 854, new int[480 * 854]);
        for (int i = 0; i < 5 && lost.state() == ChallengeSession.State.RUNNING; i++) lost.offer(LivenessFrame.empty(frames.get(70 + i).timeMillis(), black));
        assertEquals(ChallengeSession.Reason.FACE_LOST, lost.reason());
    }

    /** {@code photo} at {@code (x, y)} in a black {@code w x h} frame. */
    private static RgbImage pasted(RgbImage photo, int w, int h, int x, int y) {
        int[] px = new int[w * h];
        for (int r = 0; r < photo.height(); r++) System.arraycopy(photo.argb(), r * photo.width(), px, (y + r) * w + x, photo.width());
        return new RgbImage(w, h, px);
    }

    @Test
    public void aTurnChallengeOnTheStillClipTimesOut() {
        ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.TURN_LEFT);
        offerFrom(s, 0, frames.size());
        assertEquals(ChallengeSession.State.SPOOF, s.state());
        assertEquals(ChallengeSession.Reason.TIMEOUT, s.reason());
        assertTrue(s.describe(), s.describe().contains("TURN_LEFT not seen within 5.0 s"));
    }

    @Test
    public void faceGivenToTheIdentityCheckHasMeshKeypoints() {
        Face face = frames.get(0).face();
        assertTrue(face.landmarks().hasMouthCorners());
        assertTrue(face.landmarks().leftEye().x() < face.landmarks().rightEye().x());
    }
}
