package org.facegate.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.AlertDialog;
import android.view.View;
import java.io.File;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.util.List;
import org.facegate.R;
import org.facegate.embed.Embedding;
import org.facegate.enroll.Sample;
import org.facegate.gate.GateActivity;
import org.facegate.settings.SettingsActivity;
import org.facegate.setup.SetupActivity;
import org.facegate.store.FaceGateDatabase;
import org.facegate.store.Role;
import org.facegate.testing.AndroidKeyStoreRule;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.facegate.testing.ForwardingCipher;
import org.junit.Test;
import org.robolectric.shadows.ShadowAlertDialog;
import org.robolectric.shadows.ShadowToast;

/**
 * "Delete all data" (finding 6 of issue 14): the Keystore keys go first, so that whatever a later step leaves behind
 * can no longer be read, then the database, then the preferences; every step is tried, and one that failed is said.
 */
public class DeletionTest extends AppTest {
    /** The Keystore cipher, noting what was still there when its key was destroyed, and failing that if told to. */
    private final class WatchingCipher extends ForwardingCipher {
        boolean fail, databaseThere, pinThere;

        @Override
        public void destroyKey() throws GeneralSecurityException {
            databaseThere = app.getDatabasePath(FaceGateDatabase.FILE_NAME).exists();
            pinThere = services.pin.isSet();
            if (fail) throw new ProviderException("Keystore operation failed");
            super.destroyKey();
        }
    }

    private WatchingCipher ownerWithData() {
        WatchingCipher cipher = new WatchingCipher();
        services.cipher = cipher;
        createPin("Ada");
        long ada = enroll("Ada", Role.OWNER, true, List.of(new Sample(new Embedding(new float[] {1, 1, 0}), 0.5f)), "test@1");
        services.session.unlock(ada, "Ada", Role.OWNER);
        return cipher;
    }

    private void deleteAll() {
        SettingsActivity s = start(SettingsActivity.class);
        s.findViewById(R.id.settings_delete).performClick();
        ((AlertDialog) ShadowAlertDialog.getLatestDialog()).getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        answerPinPrompt(PIN);
        // deleted, said, and back at the gate
        Await.until("the gate", () -> shadowOf(s).getNextStartedActivity() != null);
    }

    @Test
    public void theKeysGoFirst() {
        WatchingCipher cipher = ownerWithData();
        deleteAll();
        assertTrue("the database was still there when the key went", cipher.databaseThere);
        assertTrue("so was the PIN", cipher.pinThere);
        assertTrue(AndroidKeyStoreRule.KEYS.isEmpty());
        assertFalse(app.getDatabasePath(FaceGateDatabase.FILE_NAME).exists());
    }

    @Test
    public void aLostPinKeyOffersTheOneWayOut() {
        createPin("Ada");
        AndroidKeyStoreRule.KEYS.remove(KeystorePepper.ALIAS);      // e.g. the phone's keystore was reset
        GateActivity gate = start(GateActivity.class);
        Await.until("the keys said lost", () -> text(gate, R.id.gate_status).startsWith("This phone's keystore lost the key"));
        assertEquals("no PIN that could never be checked", View.GONE, gate.findViewById(R.id.gate_pin_panel).getVisibility());
        gate.findViewById(R.id.gate_delete_all).performClick();
        ((AlertDialog) ShadowAlertDialog.getLatestDialog()).getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        Await.until("back to the gate", () -> shadowOf(gate).getNextStartedActivity() != null);
        assertFalse(services.pin.isSet());
        assertTrue(AndroidKeyStoreRule.KEYS.isEmpty());
        // the gate starts first-run setup again
        assertEquals(SetupActivity.class.getName(), shadowOf(start(GateActivity.class)).getNextStartedActivity().getComponent().getClassName());
    }

    @Test
    public void aStepThatFailsIsSaidAndTheOthersStillRun() {
        WatchingCipher cipher = ownerWithData();
        cipher.fail = true;
        deleteAll();
        assertEquals("Deleted, except the key of the face templates (Keystore operation failed): clear the app's storage in"
                + " the system settings to remove the rest.", ShadowToast.getTextOfLatestToast());
        assertFalse("the PIN's key went all the same", AndroidKeyStoreRule.KEYS.containsKey(KeystorePepper.ALIAS));
        assertFalse(new File(app.getDatabasePath(FaceGateDatabase.FILE_NAME).getPath()).exists());
        assertTrue(services.prefs.getAll().isEmpty());
    }
}
