package org.facegate.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.facegate.R;
import org.facegate.diagnostics.FrameTimings;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.image.RgbImage;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.LivenessMode;
import org.facegate.store.Role;
import org.facegate.store.UnlockEvent;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.facegate.testing.HeldRuntime;
import org.facegate.testing.Photos;
import org.junit.Before;
import org.junit.Test;

/**
 * No free looks (finding 3 of issue 14): an attempt that saw a face and ended without opening counts and is logged
 * however it ended, the face turning away before it was recognized and the gate closed in time included. Colin Powell
 * (LFW) is the owner; a stranger, Tony Blair, is shown for one frame.
 */
public class FreeLooksTest extends AppTest {
    @Before
    public void owner() {
        createPin("Colin Powell");
        enroll("Colin Powell", Role.OWNER, true, Photos.lfw("Colin_Powell", 40), Photos.lfw("Colin_Powell", 133));
    }

    private GateActivity lookingGate(LivenessMode mode) {
        services.settings.setLivenessMode(mode);
        GateActivity gate = start(GateActivity.class);
        Await.until(() -> "camera to start: " + statusOf(gate), () -> !cameras.isEmpty() && camera().started);
        return gate;
    }

    /** The stranger for one frame, then {@code empty} frames without a face, as a front camera delivers them. */
    private void glimpse(int empty) {
        RgbImage tony = Photos.rgb(Photos.lfw("Tony_Blair", 18)).mirrored();
        List<RgbImage> frames = new ArrayList<>(List.of(tony));
        frames.addAll(noFace(empty, tony.width(), tony.height()));
        play(frames);
    }

    private static List<RgbImage> noFace(int n, int width, int height) {
        int[] gray = new int[width * height];
        Arrays.fill(gray, 0xFF808080);
        return Collections.nCopies(n, new RgbImage(width, height, gray));
    }

    private void play(List<RgbImage> frames) {
        camera().play(frames, 4, 4, null);
        Await.until("the frames processed", () -> camera().clipDone() && services.engine().pending() == 0);
        idle();
    }

    private List<UnlockEvent> events() {
        return onIo(() -> services.db().events().recent(10));
    }

    @Test
    public void closingTheGateWhileAFaceIsLookedAtCounts() {
        GateActivity gate = lookingGate(LivenessMode.OFF);
        glimpse(0);
        assertEquals("one frame of the three the vote needs", "Checking…", text(gate, R.id.gate_status));
        assertEquals(0, services.rules().faceFailures());
        controller(gate).pause();
        Await.until("the attempt given up", () -> services.engine().pending() == 0 && services.rules().faceFailures() == 1);
        Await.until("logged", () -> events().size() == 1);
        assertEquals(UnlockEvent.Outcome.FACE_REJECTED, events().get(0).outcome);
        assertNull(events().get(0).personId);
    }

    /**
     * Leaving a gate that saw no face is free, so the active gate must not name a challenge before it sees one: shown
     * as the gate opens, the first challenge would let anyone reopen the gate, at no cost, until it is the one a
     * replayed video of the owner performs first (the best such video would pass an attempt 11.8% of the time, not 4.06%:
     * its first challenge certain, not 11/32, {@link org.facegate.liveness.ChallengeSession#BLINK_ODDS}).
     */
    @Test
    public void anActiveGateNamesNoChallengeBeforeItSeesAFace() {
        GateActivity gate = lookingGate(LivenessMode.ACTIVE);
        play(noFace(3, 360, 640));
        assertEquals("Look at the phone to unlock", text(gate, R.id.gate_status));
        controller(gate).pause();
        Await.until("every frame processed", () -> services.engine().pending() == 0);
        idle();
        assertEquals(0, services.rules().faceFailures());
        assertEquals(List.of(), events());
    }

    /**
     * The first challenge is named as soon as the attempt's first frame shows a face, while that frame's identity check
     * (the embedder, held here) still runs: the owner reads it sooner, by most of a frame's processing (docs/liveness.md,
     * "Owner's time to unlock"). Closing the gate while it shows is a failed attempt, as for any attempt that saw a face
     * (the give-up runs after the held frame, whose identity check has started the vote by then).
     */
    @Test
    public void theFirstChallengeIsNamedWhileItsFrameIsJudgedAndTheAttemptCounts() {
        HeldRuntime held = new HeldRuntime(TfliteEmbedder.SHIPPED_PREFIX);
        services.runtimes = () -> held;
        services.challengeOrder = failures -> List.of(Challenge.LOOK_UP, Challenge.BLINK, Challenge.TURN_LEFT);
        GateActivity gate = lookingGate(LivenessMode.ACTIVE);
        held.hold();
        try {
            camera().play(List.of(Photos.rgb(Photos.lfw("Colin_Powell", 170)).mirrored()), 4, 4, null);
            Await.until(() -> "the first challenge named: " + statusOf(gate),
                    () -> text(gate, R.id.gate_status).equals(Challenge.LOOK_UP.instruction() + " (step 1 of 3)"));
            // no embedding can finish while held: the frame is still being judged (its mesh refinement may come first)
            Await.until("the frame's embedding reached and held", () -> held.waiting.get() == 1);
            controller(gate).pause();
        } finally {
            held.release();
        }
        Await.until("the attempt given up", () -> services.engine().pending() == 0 && services.rules().faceFailures() == 1);
        Await.until("logged", () -> events().size() == 1);
        assertEquals(UnlockEvent.Outcome.FACE_REJECTED, events().get(0).outcome);
        // the diagnostics say how early: shown before the held embedding, so well within the frame's analysis
        FrameTimings.Summary timed = services.timings.summary();
        assertTrue(timed.firstInstructionMillis() + " of " + timed.firstFrameMillis() + " ms",
                timed.firstInstructionMillis() > 0 && timed.firstInstructionMillis() < timed.firstFrameMillis());
    }

    @Test
    public void aFaceThatLeavesBeforeItIsRecognizedCounts() {
        GateActivity gate = lookingGate(LivenessMode.ACTIVE);
        // two frames without a face at 4 fps (500 ms, more than the 400 ms FaceContinuity allows) end the challenge (face
        // lost); the status stays until the next frame
        glimpse(2);
        assertEquals(1, services.rules().faceFailures());
        assertEquals("Not recognized (attempt 1 of 3)", text(gate, R.id.gate_status));
        Await.until("logged", () -> events().size() == 1);
        assertEquals(UnlockEvent.Outcome.FACE_REJECTED, events().get(0).outcome);
    }

    @Test
    public void takingTheCameraAwayWhileAFaceIsLookedAtCounts() {
        GateActivity gate = lookingGate(LivenessMode.OFF);
        glimpse(0);
        assertEquals(0, services.rules().faceFailures());
        // split screen on Android 10+: the other pane takes the camera, and gives it back when touched
        camera().takenByAnotherApp();
        Await.until("the attempt given up", () -> services.engine().pending() == 0 && services.rules().faceFailures() == 1);
        Await.until("logged", () -> events().size() == 1);
        assertEquals(UnlockEvent.Outcome.FACE_REJECTED, events().get(0).outcome);
        camera().givenBack();
        Await.until("looking again", () -> gate.problemText() == null);
        assertEquals("a camera given back starts no second failure", 1, services.rules().faceFailures());
    }

    @Test
    public void rotatingWhileAFaceIsLookedAtCounts() {
        GateActivity gate = lookingGate(LivenessMode.OFF);
        glimpse(0);
        // a rotation ends the attempt as leaving does: were it free, turning the phone would be a free look
        controller(gate).recreate();
        Await.until("the attempt given up", () -> services.engine().pending() == 0 && services.rules().faceFailures() == 1);
    }

    @Test
    public void anUnlockLeavesNoFailedAttemptBehind() {
        GateActivity gate = lookingGate(LivenessMode.OFF);
        // the owner stays in front of the camera: frames after the unlock must not start an attempt that the gate's
        // closing then counts as failed
        show(Photos.bitmap(Photos.lfw("Colin_Powell", 170)));
        follow(gate, ContentActivity.class);
        controller(gate).pause().stop();
        Await.until("every frame processed", () -> services.engine().pending() == 0);
        idle();
        assertEquals(0, services.rules().faceFailures());
        Await.until("logged", () -> !events().isEmpty());
        assertEquals(List.of(UnlockEvent.Outcome.FACE_MATCH), events().stream().map(e -> e.outcome).collect(java.util.stream.Collectors.toList()));
    }
}
