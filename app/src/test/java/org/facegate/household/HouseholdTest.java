package org.facegate.household;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.Activity;
import android.app.AlertDialog;
import android.content.ClipData;
import android.content.Intent;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.net.Uri;
import android.view.View;
import android.widget.CheckBox;
import android.widget.EditText;
import android.widget.LinearLayout;
import java.io.File;
import java.util.List;
import org.facegate.R;
import org.facegate.embed.Embedding;
import org.facegate.enroll.Sample;
import org.facegate.security.StepUp;
import org.facegate.gate.ContentActivity;
import org.facegate.gate.GateActivity;
import org.facegate.store.Person;
import org.facegate.store.Role;
import org.facegate.testing.AppTest;
import org.facegate.testing.FailingCipher;
import org.facegate.testing.Await;
import org.facegate.testing.Photos;
import org.facegate.liveness.LivenessMode;
import org.junit.Before;
import org.junit.Test;
import org.robolectric.shadows.ShadowAlertDialog;

/**
 * The household with LFW people: the owner (Colin Powell) adds Tony Blair from two photos picked with
 * ACTION_OPEN_DOCUMENT; "who's here" then names both in a third photo of each and calls David Beckham unknown; once
 * allowed, Tony's face opens the gate (but not the owner's screens); rename and remove; a member enrolled from the
 * camera (a registry photo, no LFW needed).
 */
public class HouseholdTest extends AppTest {
    /** These tests unlock with still photos, which the liveness check rightly refuses: liveness is switched off. */
    @Before
    public void livenessOff() {
        services.settings.setLivenessMode(LivenessMode.OFF);
    }

    @Test
    public void memberAddedFromPhotosIsRecognizedAndMayBeAllowedToUnlock() {
        createPin("Colin Powell");
        long colin = enroll("Colin Powell", Role.OWNER, true, Photos.lfw("Colin_Powell", 40), Photos.lfw("Colin_Powell", 133));
        services.session.unlock(colin, "Colin Powell", Role.OWNER);

        HouseholdActivity household = start(HouseholdActivity.class);
        Await.until("the list", () -> rowOf(household, "Colin Powell") != null);
        addFromPhotos(household, "Tony Blair", Photos.lfw("Tony_Blair", 18), Photos.lfw("Tony_Blair", 32));
        Await.until(() -> "member added: " + statusOf(household), () -> text(household, R.id.household_message).startsWith("Tony Blair added from 2 photos"));
        Await.until("Tony's row", () -> rowOf(household, "Tony Blair") != null);
        CheckBox mayUnlock = rowOf(household, "Tony Blair").findViewById(R.id.row_may_unlock);
        assertFalse("new members may not unlock until the owner says so", mayUnlock.isChecked());

        // who's here: three people side by side as the camera sees them; the names are read left to right on the
        // preview, which is mirrored
        show(sideBySide(Photos.lfw("Colin_Powell", 170), Photos.lfw("Tony_Blair", 48), Photos.lfw("David_Beckham", 1)));
        WhosHereActivity whosHere = start(WhosHereActivity.class);
        Await.until(() -> "names: " + statusOf(whosHere), () -> text(whosHere, R.id.whos_here_names).matches(
                "(unknown, )*unknown, (unknown, )*Tony Blair, (unknown, )*Colin Powell(, unknown)*"));
        controller(whosHere).pause().stop();

        // allowed to unlock: Tony's face opens the gate, as a member
        mayUnlock.setChecked(true);
        answerPinPrompt(PIN);
        Await.until("may unlock stored", () -> onIo(() -> services.db().persons().byName("Tony Blair").mayUnlock));
        services.session.lock();
        show(Photos.bitmap(Photos.lfw("Tony_Blair", 48)));
        ContentActivity content = follow(start(GateActivity.class), ContentActivity.class);
        assertEquals("Welcome, Tony Blair", text(content, R.id.content_welcome));
        assertFalse(services.session.isOwner());
        assertEquals(View.GONE, content.findViewById(R.id.content_household).getVisibility());
        assertEquals(View.GONE, content.findViewById(R.id.content_settings).getVisibility());
    }

    @Test
    public void photosOfTwoPeopleDoNotMakeOneMember() {
        createPin("Colin Powell");
        long colin = enroll("Colin Powell", Role.OWNER, true, fakeSamples(1), "test@1");
        services.session.unlock(colin, "Colin Powell", Role.OWNER);
        HouseholdActivity household = start(HouseholdActivity.class);
        addFromPhotos(household, "Tony Blair", Photos.lfw("Tony_Blair", 18), Photos.lfw("Wen_Jiabao", 1));
        Await.until(() -> "refused: " + statusOf(household), () -> text(household, R.id.household_message)
                .startsWith("Tony_Blair_0018.jpg and Wen_Jiabao_0001.jpg show different people (similarity "));
        assertNull(onIo(() -> services.db().persons().byName("Tony Blair")));
    }

    @Test
    public void namesAreCheckedAsTheCliChecksThem() {
        createPin("Ada");
        long ada = enroll("Ada", Role.OWNER, true, fakeSamples(1), "test@1");
        enroll("Bea", Role.MEMBER, false, fakeSamples(2), "test@1");
        services.session.unlock(ada, "Ada", Role.OWNER);
        HouseholdActivity household = start(HouseholdActivity.class);
        EditText name = household.findViewById(R.id.household_new_name);
        for (String[] bad : new String[][] {{"   ", "A name is needed (spaces alone are not a name)"},
            {"Bea\nTwo", "A name cannot contain line breaks, tabs or other control characters"}}) {
            name.setText(bad[0]);
            household.findViewById(R.id.household_add_camera).performClick();
            assertEquals(bad[1], String.valueOf(name.getError()));
            assertNull("no enrollment started", shadowOf(household).getNextStartedActivity());
        }
        Await.until("the list", () -> rowOf(household, "Bea") != null);
        rowOf(household, "Bea").findViewById(R.id.row_rename).performClick();
        AlertDialog rename = (AlertDialog) ShadowAlertDialog.getLatestDialog();
        ((EditText) shadowOf(rename).getView()).setText("a".repeat(65));
        rename.getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        Await.until(() -> "refused: " + statusOf(household), () -> text(household, R.id.household_message).equals("A name is at most 64 characters long"));
        assertTrue(onIo(() -> services.db().persons().byName("Bea")) != null);
        // spaces around a name are not part of it
        name.setText("  Cy ");
        household.findViewById(R.id.household_add_camera).performClick();
        answerPinPrompt(PIN);
        assertEquals("Cy", shadowOf(household).getNextStartedActivity().getStringExtra("name"));
    }

    @Test
    public void renameAndRemove() {
        createPin("Colin Powell");
        // list management needs no real faces
        long colin = enroll("Colin Powell", Role.OWNER, true, fakeSamples(1), "test@1");
        enroll("Tony Blair", Role.MEMBER, false, fakeSamples(2), "test@1");
        services.session.unlock(colin, "Colin Powell", Role.OWNER);
        HouseholdActivity household = start(HouseholdActivity.class);
        Await.until("the list", () -> rowOf(household, "Tony Blair") != null);
        assertEquals(View.GONE, rowOf(household, "Colin Powell").findViewById(R.id.row_remove).getVisibility());

        rowOf(household, "Tony Blair").findViewById(R.id.row_rename).performClick();
        AlertDialog rename = (AlertDialog) ShadowAlertDialog.getLatestDialog();
        ((EditText) shadowOf(rename).getView()).setText("Tony");
        rename.getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        Await.until("renamed", () -> rowOf(household, "Tony") != null);

        rowOf(household, "Tony").findViewById(R.id.row_remove).performClick();
        ((AlertDialog) ShadowAlertDialog.getLatestDialog()).getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        answerPinPrompt(PIN);
        Await.until("removed", () -> rowOf(household, "Tony") == null && rowOf(household, "Colin Powell") != null);
        Person gone = onIo(() -> services.db().persons().byName("Tony"));
        assertNull(gone);
        assertTrue(onIo(() -> services.db().templates().byPerson(colin).size()) > 0);
    }

    @Test
    public void memberEnrolledFromTheCamera() {
        createPin("Ada");
        long ada = enroll("Ada", Role.OWNER, true, fakeSamples(1), "test@1");
        services.session.unlock(ada, "Ada", Role.OWNER);
        HouseholdActivity household = start(HouseholdActivity.class);
        ((EditText) household.findViewById(R.id.household_new_name)).setText("Bea");
        household.findViewById(R.id.household_add_camera).performClick();
        answerPinPrompt(PIN);
        // Bea: the woman on the right of the registry's sample2.jpg, facing the camera
        Bitmap group = Photos.bitmap(Photos.sample(2));
        show(Bitmap.createBitmap(group, 1300, 0, 520, 700));
        org.facegate.enroll.EnrollActivity enroll = follow(household, org.facegate.enroll.EnrollActivity.class);
        assertEquals("Enroll Bea", text(enroll, R.id.enroll_title));
        Await.until(() -> "enrolled: " + statusOf(enroll), enroll::isFinishing);
        controller(household).pause().resume();
        Await.until("Bea's row", () -> rowOf(household, "Bea") != null);
        assertTrue(((android.widget.TextView) rowOf(household, "Bea").findViewById(R.id.row_detail)).getText().toString()
                .equals("member · " + org.facegate.enroll.EnrollActivity.SAMPLES + " samples"));
        assertFalse(((CheckBox) rowOf(household, "Bea").findViewById(R.id.row_may_unlock)).isChecked());
    }

    @Test
    public void onlyTheOwnerManagesTheHousehold() {
        createPin("Colin Powell");
        services.session.unlock(7, "Tony Blair", Role.MEMBER);
        HouseholdActivity household = start(HouseholdActivity.class);
        assertTrue(household.isFinishing());
    }

    /** Types the new member's name, taps "add from photos" and picks {@code photos} in the system's document picker. */
    private void addFromPhotos(HouseholdActivity household, String name, File... photos) {
        ((EditText) household.findViewById(R.id.household_new_name)).setText(name);
        household.findViewById(R.id.household_add_photos).performClick();
        answerPinPrompt(PIN);
        Intent pick = shadowOf(household).getNextStartedActivityForResult().intent;
        assertEquals(Intent.ACTION_OPEN_DOCUMENT, pick.getAction());
        assertEquals("image/*", pick.getType());
        assertTrue(pick.getBooleanExtra(Intent.EXTRA_ALLOW_MULTIPLE, false));
        Intent picked = new Intent();
        ClipData clip = ClipData.newRawUri("photos", Uri.fromFile(photos[0]));
        for (int i = 1; i < photos.length; i++) clip.addItem(new ClipData.Item(Uri.fromFile(photos[i])));
        picked.setClipData(clip);
        shadowOf(household).receiveResult(pick, Activity.RESULT_OK, picked);
    }

    static java.util.List<org.facegate.enroll.Sample> fakeSamples(int seed) {
        return java.util.List.of(new org.facegate.enroll.Sample(new org.facegate.embed.Embedding(new float[] {seed, 1, 0}), 0.5f));
    }

    @Test
    public void aKeystoreFailurePutsTheSwitchBackToWhatIsStored() {
        FailingCipher cipher = new FailingCipher(services.cipher);
        services.cipher = cipher;
        createPin("Ada");
        long ada = enroll("Ada", Role.OWNER, true, List.of(new Sample(new Embedding(new float[] {1, 1, 0}), 0.5f)), "test@1");
        enroll("Bea", Role.MEMBER, false, List.of(new Sample(new Embedding(new float[] {2, 1, 0}), 0.5f)), "test@1");
        services.session.unlock(ada, "Ada", Role.OWNER);
        services.stepUp.confirmed(StepUp.Action.MAY_UNLOCK);
        HouseholdActivity household = start(HouseholdActivity.class);
        Await.until("Bea's row", () -> rowOf(household, "Bea") != null);
        cipher.sealFailures.set(1);         // the change's MAC cannot be sealed: a ProviderException, nothing written
        ((CheckBox) rowOf(household, "Bea").findViewById(R.id.row_may_unlock)).performClick();
        Await.until("the switch back off, as stored", () -> !((CheckBox) rowOf(household, "Bea").findViewById(R.id.row_may_unlock)).isChecked());
        assertFalse(onIo(() -> services.gallery().people().get(1).mayUnlock));
        assertEquals(0, cipher.sealFailures.get());
    }

    static View rowOf(Activity household, String name) {
        LinearLayout list = household.findViewById(R.id.household_list);
        for (int i = 0; i < list.getChildCount(); i++) if (name.equals(list.getChildAt(i).getTag())) return list.getChildAt(i);
        return null;
    }

    static Bitmap sideBySide(File... photos) {
        Bitmap out = Bitmap.createBitmap(250 * photos.length, 250, Bitmap.Config.ARGB_8888);
        Canvas c = new Canvas(out);
        for (int i = 0; i < photos.length; i++) c.drawBitmap(Photos.bitmap(photos[i]), 250 * i, 0, null);
        return out;
    }
}
