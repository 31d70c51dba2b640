package org.facegate.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.provider.Settings;
import android.view.View;
import android.view.WindowManager;
import android.widget.EditText;
import java.time.Duration;
import java.util.List;
import org.facegate.R;
import org.facegate.security.GateRules;
import org.facegate.security.Throttle;
import org.facegate.setup.SetupActivity;
import org.facegate.store.Role;
import org.facegate.store.UnlockEvent;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.facegate.testing.OldPins;
import org.facegate.testing.Photos;
import org.facegate.liveness.LivenessMode;
import org.junit.Before;
import org.junit.Test;

/**
 * The gate with the real pipeline: Colin Powell (LFW) is the owner, enrolled from two photos; his third photo must
 * open the gate, Tony Blair must not.
 */
public class GateActivityTest extends AppTest {
    /** These tests unlock with still photos, which the liveness check rightly refuses: liveness is switched off. */
    @Before
    public void livenessOff() {
        services.settings.setLivenessMode(LivenessMode.OFF);
    }

    private void ownerColin() {
        createPin("Colin Powell");
        enroll("Colin Powell", Role.OWNER, true, Photos.lfw("Colin_Powell", 40), Photos.lfw("Colin_Powell", 133));
    }

    private GateActivity lookingGate() {
        GateActivity gate = start(GateActivity.class);
        Await.until(() -> "camera to start: " + statusOf(gate), () -> !cameras.isEmpty() && camera().started);
        return gate;
    }

    @Test
    public void withoutAPinTheGateHandsOverToFirstRun() {
        GateActivity gate = start(GateActivity.class);
        assertEquals(SetupActivity.class.getName(), shadowOf(gate).getNextStartedActivity().getComponent().getClassName());
        assertTrue(gate.isFinishing());
    }

    @Test
    public void ownersOtherPhotoOpensTheGate() {
        ownerColin();
        GateActivity gate = lookingGate();
        assertEquals("Look at the phone to unlock", text(gate, R.id.gate_status));
        assertTrue("FLAG_SECURE", (gate.getWindow().getAttributes().flags & WindowManager.LayoutParams.FLAG_SECURE) != 0);
        show(Photos.bitmap(Photos.lfw("Colin_Powell", 170)));
        ContentActivity content = follow(gate, ContentActivity.class);
        assertEquals("Welcome, Colin Powell", text(content, R.id.content_welcome));
        assertTrue(services.session.isOwner());
        UnlockEvent e = onIo(() -> services.db().events().recent(1).get(0));
        assertEquals(UnlockEvent.Outcome.FACE_MATCH, e.outcome);
        assertTrue("score " + e.score, e.score > services.settings.securityLevel().threshold());
    }

    @Test
    public void aStrangerStaysOutAndThreeFailuresRequireThePin() {
        ownerColin();
        GateActivity gate = lookingGate();
        List<String> statuses = texts(gate, R.id.gate_status);
        show(Photos.bitmap(Photos.lfw("Tony_Blair", 18)));
        // the next frame's "Checking…" may replace a failure's message before a wait would see it: every status is kept
        Await.until(() -> "the PIN required: " + statusOf(gate), () -> services.rules().pinRequired() == GateRules.PinReason.FACE_FAILURES);
        for (int i = 1; i < GateRules.MAX_FACE_FAILURES; i++) {
            assertTrue(statuses.toString(), statuses.contains("Not recognized (attempt " + i + " of " + GateRules.MAX_FACE_FAILURES + ")"));
        }
        Await.until(() -> "the PIN asked for: " + statusOf(gate), () -> text(gate, R.id.gate_status).equals("PIN required after 3 failed attempts"));
        assertFalse("camera off until the PIN", camera().started);
        assertNull("the gate stayed shut", shadowOf(gate).getNextStartedActivity());
        assertEquals(View.VISIBLE, gate.findViewById(R.id.gate_pin_panel).getVisibility());
        List<UnlockEvent> events = onIo(() -> services.db().events().recent(10));
        assertEquals(GateRules.MAX_FACE_FAILURES, events.stream().filter(ev -> ev.outcome == UnlockEvent.Outcome.FACE_REJECTED).count());
        // no time brings the face back: only the PIN (CDD 7.3.10 C-1-8)
        shadowOf(android.os.Looper.getMainLooper()).idleFor(Duration.ofMinutes(10));
        assertFalse(camera().started);

        enterPin(gate, PIN);
        follow(gate, ContentActivity.class);
        assertEquals(0, services.rules().faceFailures());
    }

    @Test
    public void aMemberWhoMayNotUnlockIsNotNamedAtTheGate() {
        ownerColin();
        enroll("Tony Blair", Role.MEMBER, false, Photos.lfw("Tony_Blair", 18), Photos.lfw("Tony_Blair", 32));
        GateActivity gate = lookingGate();
        show(Photos.bitmap(Photos.lfw("Tony_Blair", 48)));
        Await.until(() -> "refused: " + statusOf(gate), () -> text(gate, R.id.gate_status).startsWith("Not allowed to unlock (attempt 1 of 3)"));
        assertFalse(text(gate, R.id.gate_status).contains("Tony"));
        // the log behind the gate says who it was
        UnlockEvent e = onIo(() -> services.db().events().recent(1).get(0));
        assertEquals(UnlockEvent.Outcome.FACE_REJECTED, e.outcome);
        assertEquals(onIo(() -> services.db().persons().byName("Tony Blair").id), e.personId);
    }

    @Test
    public void pinFallbackRefusesAWrongPinAndOpensWithTheRightOne() {
        ownerColin();
        GateActivity gate = lookingGate();
        gate.findViewById(R.id.gate_use_pin).performClick();
        assertEquals(View.VISIBLE, gate.findViewById(R.id.gate_pin_panel).getVisibility());
        enterPin(gate, "");
        onIo(() -> null);       // what the tap sent to the I/O thread has run
        assertEquals("an empty PIN is no guess", 0, services.rules().pin.failures());
        enterPin(gate, "1111");
        Await.until("wrong PIN", () -> text(gate, R.id.gate_pin_error).equals("Wrong PIN"));
        assertEquals(1, services.rules().pin.failures());
        assertFalse(services.session.isUnlocked());
        enterPin(gate, PIN);
        follow(gate, ContentActivity.class);
        assertTrue(services.session.isOwner());
    }

    @Test
    public void wrongPinsAreThrottledToo() {
        createPin("Ada");
        GateActivity gate = start(GateActivity.class);
        for (int i = 0; i < Throttle.FREE_FAILURES; i++) {
            enterPin(gate, "0000");
            int attempt = i;
            Await.until("PIN attempt " + attempt, () -> gate.findViewById(R.id.gate_unlock).isEnabled()
                    && !text(gate, R.id.gate_pin_error).isEmpty());
        }
        assertTrue(text(gate, R.id.gate_pin_error), text(gate, R.id.gate_pin_error).startsWith("Too many wrong PINs"));
        enterPin(gate, PIN);        // even the right PIN waits for the lockout
        idle();
        assertFalse(services.session.isUnlocked());
    }

    @Test
    public void afterARebootOnlyThePinOpens() {
        ownerColin();
        Settings.Global.putInt(app.getContentResolver(), Settings.Global.BOOT_COUNT,
                Settings.Global.getInt(app.getContentResolver(), Settings.Global.BOOT_COUNT, 0) + 1);
        show(Photos.bitmap(Photos.lfw("Colin_Powell", 170)));
        GateActivity gate = start(GateActivity.class);
        Await.until("PIN required", () -> text(gate, R.id.gate_status).equals("PIN required after a restart"));
        assertTrue("camera never started", cameras.isEmpty() || !camera().started);
        enterPin(gate, PIN);
        follow(gate, ContentActivity.class);
    }

    @Test
    public void after24HoursWithoutThePinOnlyThePinOpens() {
        ownerColin();
        shadowOf(android.os.Looper.getMainLooper()).idleFor(Duration.ofHours(25));
        GateActivity gate = start(GateActivity.class);
        Await.until("PIN required", () -> text(gate, R.id.gate_status).equals("PIN required: it has not been used for 24 hours"));
    }

    @Test
    public void after4HoursWithoutAnUnlockOnlyThePinOpens() {
        ownerColin();
        shadowOf(android.os.Looper.getMainLooper()).idleFor(Duration.ofHours(4).plusMinutes(1));
        GateActivity gate = start(GateActivity.class);
        Await.until("PIN required", () -> text(gate, R.id.gate_status).equals("PIN required: the app was not unlocked for 4 hours"));
    }

    @Test
    public void faceUnlockTurnedOffByTheAdministratorLeavesThePin() {
        ownerColin();
        android.app.admin.DevicePolicyManager dpm = app.getSystemService(android.app.admin.DevicePolicyManager.class);
        android.content.ComponentName admin = new android.content.ComponentName(app, "org.facegate.TestAdmin");
        shadowOf(dpm).setActiveAdmin(admin);
        dpm.setKeyguardDisabledFeatures(admin, android.app.admin.DevicePolicyManager.KEYGUARD_DISABLE_FACE);
        show(Photos.bitmap(Photos.lfw("Colin_Powell", 170)));
        GateActivity gate = start(GateActivity.class);
        Await.until(() -> "turned off: " + statusOf(gate), () -> text(gate, R.id.gate_status).startsWith("Face unlock is turned off on this phone"));
        assertTrue("camera never started", cameras.isEmpty() || !camera().started);
        enterPin(gate, PIN);
        follow(gate, ContentActivity.class);
    }

    @Test
    public void anOlderFourDigitPinStillOpensThenAsksForANewOne() {
        ownerColin();
        OldPins.store(services.prefs, "2468");
        GateActivity gate = lookingGate();
        enterPin(gate, "2468");
        org.facegate.settings.SettingsActivity settings = follow(gate, org.facegate.settings.SettingsActivity.class);
        assertEquals("Your PIN is easy to guess: please choose a new one of at least 6 digits.", text(settings, R.id.settings_pin_message));
        assertTrue(services.pin.needsChange());
    }

    @Test
    public void deniedCameraPermissionSaysSoAndLeavesThePin() {
        ownerColin();
        shadowOf(app).denyPermissions(Manifest.permission.CAMERA);
        GateActivity gate = start(GateActivity.class);
        Await.until("permission request", () -> shadowOf(gate).getLastRequestedPermission() != null);
        shadowOf(gate).grantPermissions();      // nothing granted: the user refused
        gate.onRequestPermissionsResult(shadowOf(gate).getLastRequestedPermission().requestCode,
                new String[] {Manifest.permission.CAMERA}, new int[] {android.content.pm.PackageManager.PERMISSION_DENIED});
        assertTrue(String.valueOf(gate.problemText()), String.valueOf(gate.problemText()).startsWith("Camera permission denied"));
        assertTrue(cameras.isEmpty() || !camera().started);
        enterPin(gate, PIN);
        follow(gate, ContentActivity.class);
    }

    @Test
    public void anotherAppTakingTheCameraSaysSoUntilItIsBackAndThenTheFaceOpens() {
        ownerColin();
        GateActivity gate = lookingGate();
        camera().takenByAnotherApp();
        Await.until(() -> "in-use message: " + statusOf(gate), () -> String.valueOf(gate.problemText()).startsWith("Another app is using the camera"));
        assertEquals("Face unlock is off: use your PIN", text(gate, R.id.gate_status));
        assertEquals(View.VISIBLE, gate.findViewById(R.id.gate_pin_panel).getVisibility());
        camera().givenBack();
        Await.until(() -> "message gone: " + statusOf(gate), () -> gate.problemText() == null);
        assertEquals("Look at the phone to unlock", text(gate, R.id.gate_status));
        show(Photos.bitmap(Photos.lfw("Colin_Powell", 170)));
        follow(gate, ContentActivity.class);
    }

    @Test
    public void templatesOfAnotherModelAskTheOwnerToEnrollAgain() {
        createPin("Ada");
        enroll("Ada", Role.OWNER, true, List.of(new org.facegate.enroll.Sample(
                new org.facegate.embed.Embedding(new float[] {1, 0, 0}), 1f)), "MobileFaceNet@0.1-old");
        GateActivity gate = start(GateActivity.class);
        Await.until(() -> "re-enroll message: " + statusOf(gate), () -> text(gate, R.id.gate_status).startsWith("Your face template was made by an older model"));
        enterPin(gate, PIN);
        follow(gate, org.facegate.enroll.EnrollActivity.class);
    }

    static void enterPin(GateActivity gate, String pin) {
        gate.findViewById(R.id.gate_use_pin).performClick();
        ((EditText) gate.findViewById(R.id.gate_pin)).setText(pin);
        gate.findViewById(R.id.gate_unlock).performClick();
    }
}
