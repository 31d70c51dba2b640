package org.facegate.settings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.AlertDialog;
import android.content.Intent;
import android.widget.RadioButton;
import android.widget.RadioGroup;
import org.facegate.R;
import org.facegate.enroll.EnrollActivity;
import org.facegate.gate.GateActivity;
import org.facegate.match.SecurityLevel;
import org.facegate.store.FaceGateDatabase;
import org.facegate.store.Role;
import org.facegate.testing.AndroidKeyStoreRule;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.junit.Test;
import org.robolectric.shadows.ShadowAlertDialog;

public class SettingsTest extends AppTest {
    private long owner() {
        createPin("Ada");
        long id = enroll("Ada", Role.OWNER, true, java.util.List.of(new org.facegate.enroll.Sample(
                new org.facegate.embed.Embedding(new float[] {1, 0, 0}), 0.5f)), "test@1");
        services.session.unlock(id, "Ada", Role.OWNER);
        return id;
    }

    @Test
    public void securityLevelsShowTheirFalseAcceptRateAndApply() {
        owner();
        SettingsActivity s = start(SettingsActivity.class);
        RadioGroup levels = s.findViewById(R.id.settings_levels);
        assertEquals(SecurityLevel.all().size(), levels.getChildCount());
        RadioButton strict = null;
        for (int i = 0; i < levels.getChildCount(); i++) {
            RadioButton b = (RadioButton) levels.getChildAt(i);
            assertTrue(b.getText().toString(), b.getText().toString().contains("1 false accept in"));
            if (b.getTag().equals("standard")) assertTrue("standard is the default", b.isChecked());
            if (b.getTag().equals("strict")) strict = b;
        }
        strict.performClick();
        assertEquals("strict", services.settings.securityLevel().name());

        RadioGroup timeouts = s.findViewById(R.id.settings_timeouts);
        RadioButton immediately = (RadioButton) timeouts.getChildAt(0);
        assertEquals("Immediately", immediately.getText().toString());
        immediately.performClick();
        assertEquals(0, services.settings.gateTimeoutMs());
    }

    @Test
    public void reenrollStartsTheOwnersEnrollment() {
        long id = owner();
        SettingsActivity s = start(SettingsActivity.class);
        s.findViewById(R.id.settings_reenroll).performClick();
        Intent[] next = new Intent[1];
        Await.until("enrollment", () -> (next[0] = shadowOf(s).getNextStartedActivity()) != null);
        assertEquals(EnrollActivity.class.getName(), next[0].getComponent().getClassName());
        assertEquals(id, next[0].getLongExtra("person", -1));
    }

    @Test
    public void deleteAllDataStartsOver() {
        owner();
        assertFalse(AndroidKeyStoreRule.KEYS.isEmpty());
        SettingsActivity s = start(SettingsActivity.class);
        s.findViewById(R.id.settings_delete).performClick();
        ((AlertDialog) ShadowAlertDialog.getLatestDialog()).getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        Intent[] next = new Intent[1];
        Await.until("back to the gate", () -> (next[0] = shadowOf(s).getNextStartedActivity()) != null);
        assertEquals(GateActivity.class.getName(), next[0].getComponent().getClassName());
        assertFalse(services.pin.isSet());
        assertFalse(services.session.isUnlocked());
        assertFalse(app.getDatabasePath(FaceGateDatabase.FILE_NAME).exists());
        assertTrue("template key deleted", AndroidKeyStoreRule.KEYS.isEmpty());
        assertTrue(services.prefs.getAll().isEmpty());
    }
}
