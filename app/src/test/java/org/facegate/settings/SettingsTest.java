package org.facegate.settings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.AlertDialog;
import android.content.Intent;
import android.widget.EditText;
import android.widget.RadioButton;
import android.widget.RadioGroup;
import java.io.File;
import java.security.ProviderException;
import org.facegate.R;
import org.facegate.enroll.EnrollActivity;
import org.facegate.gate.GateActivity;
import org.facegate.liveness.LivenessMode;
import org.facegate.match.SecurityLevel;
import org.facegate.security.StepUp;
import org.facegate.security.Throttle;
import org.facegate.store.FaceGateDatabase;
import org.facegate.store.Role;
import org.facegate.testing.AndroidKeyStoreRule;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.junit.Test;
import org.robolectric.shadows.ShadowAlertDialog;
import org.robolectric.shadows.ShadowToast;

public class SettingsTest extends AppTest {
    private long owner() {
        createPin("Ada");
        long id = enroll("Ada", Role.OWNER, true, java.util.List.of(new org.facegate.enroll.Sample(
                new org.facegate.embed.Embedding(new float[] {1, 0, 0}), 0.5f)), "test@1");
        services.session.unlock(id, "Ada", Role.OWNER);
        return id;
    }

    @Test
    public void securityLevelsShowTheirFalseAcceptRatePerAttemptAndApply() {
        owner();
        SettingsActivity s = start(SettingsActivity.class);
        RadioGroup levels = s.findViewById(R.id.settings_levels);
        assertEquals(SecurityLevel.all().size(), levels.getChildCount());
        Await.until("rates for the household", () -> ((RadioButton) levels.getChildAt(0)).getText().toString().contains("attempts"));
        RadioButton strict = null;
        for (int i = 0; i < levels.getChildCount(); i++) {
            RadioButton b = (RadioButton) levels.getChildAt(i);
            assertTrue(b.getText().toString(), b.getText().toString().contains("1 false accept in"));
            if (b.getTag().equals("maximum")) {
                assertTrue("Android's limit is the default", b.isChecked());
                // one person may unlock: per attempt is per comparison
                assertTrue(b.getText().toString(), b.getText().toString().startsWith("maximum: 1 false accept in 50,000 attempts (false rejects 7.4%)"));
            }
            if (b.getTag().equals("strict")) strict = b;
        }
        strict.performClick();      // more permissive than the default: the PIN first
        answerPinPrompt(PIN);
        assertEquals("strict", services.settings.securityLevel().name());

        RadioGroup timeouts = s.findViewById(R.id.settings_timeouts);
        RadioButton immediately = (RadioButton) timeouts.getChildAt(0);
        assertEquals("Immediately", immediately.getText().toString());
        immediately.performClick();
        assertEquals(0, services.settings.gateTimeoutMs());
    }

    /**
     * The screen rotated (destroyed) while the PIN for a weaker level was checked: the check's answer arrives on the
     * main thread after the screen and its dialog's window are gone. On a device dismissing that dialog throws ("not
     * attached to window manager") and would end the process; now nothing touches the dead screen, the level is not
     * changed behind the new screen's back, and the right PIN still counts for the action, so choosing it again on
     * the new screen asks no PIN.
     */
    @Test
    public void aScreenDestroyedWhileThePinIsCheckedRunsNothing() throws Exception {
        owner();
        SettingsActivity s = start(SettingsActivity.class);
        RadioGroup levels = s.findViewById(R.id.settings_levels);
        RadioButton strict = null;
        for (int i = 0; i < levels.getChildCount(); i++) if ("strict".equals(levels.getChildAt(i).getTag())) strict = (RadioButton) levels.getChildAt(i);
        strict.performClick();
        AlertDialog prompt = pinPrompt();
        ((EditText) prompt.findViewById(R.id.pin_prompt_field)).setText(PIN);
        prompt.getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        services.io.submit(() -> {}).get();     // the check has run and posted its answer; the main looper has not run it
        controller(s).pause().stop().destroy();
        idle();
        assertEquals("not applied behind the new screen's back", "maximum", services.settings.securityLevel().name());
        assertTrue("the right PIN counts for the action", services.stepUp.fresh(StepUp.Action.WEAKER_LEVEL));
    }

    @Test
    public void livenessModesAreExplainedAndApply() {
        owner();
        SettingsActivity s = start(SettingsActivity.class);
        RadioGroup modes = s.findViewById(R.id.settings_liveness);
        assertEquals(3, modes.getChildCount());
        RadioButton passive = null;
        for (int i = 0; i < modes.getChildCount(); i++) {
            RadioButton b = (RadioButton) modes.getChildAt(i);
            assertEquals(b.getText().toString(), b.getTag() == LivenessMode.ACTIVE, b.isChecked());
            if (b.getTag() == LivenessMode.PASSIVE) passive = b;
        }
        assertTrue(passive.getText().toString(), passive.getText().toString().startsWith("Passive: waits for a natural blink"));
        passive.performClick();
        answerPinPrompt(PIN);
        assertEquals(LivenessMode.PASSIVE, services.settings.livenessMode());
        // the choice survives the screen
        SettingsActivity again = start(SettingsActivity.class);
        RadioGroup modes2 = again.findViewById(R.id.settings_liveness);
        assertEquals(LivenessMode.PASSIVE, modes2.findViewById(modes2.getCheckedRadioButtonId()).getTag());
    }

    private void changePin(SettingsActivity s, String current, String fresh, String again) {
        ((EditText) s.findViewById(R.id.settings_pin_current)).setText(current);
        ((EditText) s.findViewById(R.id.settings_pin_new)).setText(fresh);
        ((EditText) s.findViewById(R.id.settings_pin_again)).setText(again);
        s.findViewById(R.id.settings_pin_change).performClick();
    }

    private String pinMessage(SettingsActivity s) {
        return text(s, R.id.settings_pin_message);
    }

    @Test
    public void changingThePinNeedsTheCurrentOne() {
        owner();
        SettingsActivity s = start(SettingsActivity.class);
        changePin(s, PIN, "1357", "1357");
        assertEquals("Use at least 6 digits", pinMessage(s));
        changePin(s, PIN, "654321", "654321");
        assertEquals("Too easy to guess: a sequence", pinMessage(s));
        changePin(s, PIN, "583016", "583061");
        assertEquals("The two PINs differ", pinMessage(s));

        changePin(s, "000000", "583016", "583016");
        Await.until("wrong current PIN", () -> pinMessage(s).equals("The current PIN is wrong"));
        assertEquals(1, services.rules().pin.failures());
        assertTrue("old PIN kept", onIo(() -> services.pin.verify(PIN)));

        changePin(s, PIN, "583016", "583016");
        Await.until("PIN changed", () -> pinMessage(s).equals("PIN changed"));
        assertTrue(onIo(() -> services.pin.verify("583016")));
        assertFalse(onIo(() -> services.pin.verify(PIN)));
        assertEquals(0, services.rules().pin.failures());
        // stored salted and hashed like the first PIN, never plain
        assertFalse(services.prefs.getAll().toString(), services.prefs.getAll().toString().contains("583016"));
    }

    @Test
    public void wrongCurrentPinsAreThrottledLikeTheGatesPin() {
        owner();
        SettingsActivity s = start(SettingsActivity.class);
        for (int i = 1; i <= Throttle.FREE_FAILURES; i++) {
            changePin(s, "000000", "583016", "583016");
            int n = i;
            Await.until("wrong PIN " + n, () -> s.findViewById(R.id.settings_pin_change).isEnabled()
                    && (n < Throttle.FREE_FAILURES ? services.rules().pin.failures() == n : services.rules().pin.lockedForMs() > 0));
        }
        assertTrue(pinMessage(s), pinMessage(s).startsWith("Too many wrong PINs"));
        changePin(s, PIN, "583016", "583016");        // even the right PIN waits for the lockout
        Await.until("refused", () -> s.findViewById(R.id.settings_pin_change).isEnabled());
        assertTrue(pinMessage(s), pinMessage(s).startsWith("Too many wrong PINs"));
        assertTrue(onIo(() -> services.pin.verify(PIN)));
    }

    @Test
    public void reenrollStartsTheOwnersEnrollment() {
        long id = owner();
        SettingsActivity s = start(SettingsActivity.class);
        s.findViewById(R.id.settings_reenroll).performClick();
        answerPinPrompt(PIN);
        Intent[] next = new Intent[1];
        Await.until("enrollment", () -> (next[0] = shadowOf(s).getNextStartedActivity()) != null);
        assertEquals(EnrollActivity.class.getName(), next[0].getComponent().getClassName());
        assertEquals(id, next[0].getLongExtra("person", -1));
    }

    @Test
    public void deleteAllDataStartsOver() {
        owner();
        assertFalse(AndroidKeyStoreRule.KEYS.isEmpty());
        assertTrue("the database keeps a write-ahead log", onIo(() -> new File(app.getDatabasePath(FaceGateDatabase.FILE_NAME) + "-wal").exists()));
        SettingsActivity s = start(SettingsActivity.class);
        s.findViewById(R.id.settings_delete).performClick();
        ((AlertDialog) ShadowAlertDialog.getLatestDialog()).getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        answerPinPrompt(PIN);
        Intent[] next = new Intent[1];
        Await.until("back to the gate", () -> (next[0] = shadowOf(s).getNextStartedActivity()) != null);
        assertEquals(GateActivity.class.getName(), next[0].getComponent().getClassName());
        assertFalse(services.pin.isSet());
        assertFalse(services.session.isUnlocked());
        File db = app.getDatabasePath(FaceGateDatabase.FILE_NAME);
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            assertFalse(db + suffix, new File(db.getPath() + suffix).exists());
        }
        assertTrue("template and PIN keys deleted", AndroidKeyStoreRule.KEYS.isEmpty());
        assertTrue(services.prefs.getAll().isEmpty());
        assertNull("nothing to report", ShadowToast.getTextOfLatestToast());
    }

    @Test
    public void aFailedIoTaskIsShownAndSettingsCarryOn() {
        owner();
        SettingsActivity s = start(SettingsActivity.class);
        // what the Keystore throws when its hardware fails: unchecked, so no catch (GeneralSecurityException) stops it
        services.io.execute(() -> {
            throw new ProviderException("Keystore operation failed");
        });
        Await.until("the failure shown", () -> ShadowToast.getTextOfLatestToast() != null);
        assertEquals("Something went wrong and was stopped (ProviderException: Keystore operation failed). Please try again.",
                ShadowToast.getTextOfLatestToast());
        // the I/O thread lives on: the next owner action runs
        s.findViewById(R.id.settings_reenroll).performClick();
        answerPinPrompt(PIN);
        Intent[] next = new Intent[1];
        Await.until("re-enrollment started", () -> (next[0] = shadowOf(s).getNextStartedActivity()) != null);
        assertEquals(EnrollActivity.class.getName(), next[0].getComponent().getClassName());
    }
}
