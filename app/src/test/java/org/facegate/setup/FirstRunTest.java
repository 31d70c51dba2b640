package org.facegate.setup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.widget.EditText;
import android.widget.ProgressBar;
import org.facegate.R;
import org.facegate.enroll.EnrollActivity;
import org.facegate.gate.ContentActivity;
import org.facegate.gate.GateActivity;
import org.facegate.store.FaceGateDatabase;
import org.facegate.store.Gallery;
import org.facegate.store.KeystoreTemplateCipher;
import org.facegate.store.Person;
import org.facegate.store.Role;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.facegate.testing.GroupPhoto;
import org.facegate.liveness.LivenessMode;
import org.junit.Before;
import org.junit.Test;

/**
 * First run end to end with the real screens and pipeline, on frames cut from the registry's group photo: PIN, guided
 * enrollment (live quality advice, progress surviving a rotation), then the gate opens for the owner seen at another
 * distance and stays shut for the woman next to her; the enrollment survives reopening the database.
 */
public class FirstRunTest extends AppTest {
    /** These tests unlock with still photos, which the liveness check rightly refuses: liveness is switched off. */
    @Before
    public void livenessOff() {
        services.settings.setLivenessMode(LivenessMode.OFF);
    }

    @Test
    public void theOwnersNameIsCheckedAsEveryName() {
        SetupActivity setup = follow(start(GateActivity.class), SetupActivity.class);
        ((EditText) setup.findViewById(R.id.setup_pin)).setText("1357");
        ((EditText) setup.findViewById(R.id.setup_pin_again)).setText("1357");
        ((EditText) setup.findViewById(R.id.setup_name)).setText("Ada\nLovelace");
        setup.findViewById(R.id.setup_next).performClick();
        assertEquals("A name cannot contain line breaks, tabs or other control characters", text(setup, R.id.setup_error));
        ((EditText) setup.findViewById(R.id.setup_name)).setText("   ");
        setup.findViewById(R.id.setup_next).performClick();
        assertEquals("Enter your name", text(setup, R.id.setup_error));
        assertFalse("no PIN set before the name is right", services.pin.isSet());
    }

    @Test
    public void pinEnrollmentThenTheGateKnowsTheOwner() throws Exception {
        GroupPhoto group = new GroupPhoto();
        SetupActivity setup = follow(start(GateActivity.class), SetupActivity.class);
        ((EditText) setup.findViewById(R.id.setup_name)).setText("Ada");
        ((EditText) setup.findViewById(R.id.setup_pin)).setText("1357");
        ((EditText) setup.findViewById(R.id.setup_pin_again)).setText("1357");
        setup.findViewById(R.id.setup_next).performClick();
        assertEquals("Use at least 6 digits", text(setup, R.id.setup_error));
        ((EditText) setup.findViewById(R.id.setup_pin)).setText("583016");
        ((EditText) setup.findViewById(R.id.setup_pin_again)).setText("583061");
        setup.findViewById(R.id.setup_next).performClick();
        assertEquals("The two PINs differ", text(setup, R.id.setup_error));
        ((EditText) setup.findViewById(R.id.setup_pin_again)).setText("583016");
        setup.findViewById(R.id.setup_next).performClick();

        // the whole group first: the quality gate asks for one face only
        show(group.photo);
        EnrollActivity enroll = follow(setup, EnrollActivity.class);
        assertTrue(services.pin.isSet());
        Await.until(() -> "several-faces advice: " + statusOf(enroll), () -> text(enroll, R.id.enroll_advice).startsWith("Several faces in view"));
        assertEquals(0, ((ProgressBar) enroll.findViewById(R.id.enroll_progress)).getProgress());

        // her neighbour, head turned to the side: told which way to turn
        show(group.person(0, 2.5f, 480));
        Await.until(() -> "turn advice: " + statusOf(enroll), () -> text(enroll, R.id.enroll_advice).startsWith("Head turned: turn slightly to your"));

        // then Ada (the woman in the middle, the one facing the camera) alone; halfway through, the phone is rotated: the captures so far are kept
        show(group.person(1, 2.5f, 480));
        Await.until(() -> "two captures: " + statusOf(enroll), () -> ((ProgressBar) enroll.findViewById(R.id.enroll_progress)).getProgress() >= 2);
        EnrollActivity rotated = controller(enroll).recreate().get();
        int kept = ((ProgressBar) rotated.findViewById(R.id.enroll_progress)).getProgress();
        assertTrue("kept " + kept, kept >= 2);
        ContentActivity content = follow(rotated, ContentActivity.class);
        assertEquals("Welcome, Ada", text(content, R.id.content_welcome));

        // written: 5 sealed templates of the shipped model, readable after reopening the database with a new cipher
        FaceGateDatabase db = FaceGateDatabase.builder(app, FaceGateDatabase.FILE_NAME, new KeystoreTemplateCipher()).allowMainThreadQueries().build();
        try {
            Person owner = new Gallery(db, new KeystoreTemplateCipher()).owner();
            assertEquals("Ada", owner.name);
            assertEquals(Role.OWNER, owner.role);
            assertTrue(owner.mayUnlock);
            String modelId = db.templates().byPerson(owner.id).get(0).modelId;
            Gallery.Snapshot s = new Gallery(db, new KeystoreTemplateCipher()).load(modelId);
            assertEquals(EnrollActivity.SAMPLES, s.of(owner.id).samples().size());
        } finally {
            db.close();
        }

        // locked again: the woman beside Ada does not open the gate; Ada seen closer does
        content.findViewById(R.id.content_lock).performClick();
        assertFalse(services.session.isUnlocked());
        show(group.person(0, 2.5f, 480));
        GateActivity gate = follow(content, GateActivity.class);
        Await.until(() -> "Bea refused: " + statusOf(gate), () -> text(gate, R.id.gate_status).startsWith("Not recognized"));
        assertNull(shadowOf(gate).getNextStartedActivity());
        show(group.person(1, 1.8f, 640));
        follow(gate, ContentActivity.class);
        assertEquals("Ada", services.session.name());
    }
}
