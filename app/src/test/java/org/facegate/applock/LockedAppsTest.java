package org.facegate.applock;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.content.ComponentName;
import android.provider.Settings;
import android.view.View;
import android.widget.CheckBox;
import android.widget.EditText;
import android.widget.LinearLayout;
import android.widget.RadioButton;
import android.widget.Switch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.facegate.R;
import org.facegate.embed.Embedding;
import org.facegate.enroll.Sample;
import org.facegate.store.LockedApp;
import org.facegate.store.Role;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.junit.Before;
import org.junit.Test;

/**
 * The locked-apps screen: launchable apps with search; locking needs nothing more, what weakens the lock (unlocking an
 * app, allowing a member, a longer grace period) needs the PIN again and goes back without it; the service guide.
 */
public class LockedAppsTest extends AppTest {
    private static final String BANK = "com.example.bank", CHAT = "com.example.chat", MAPS = "com.example.maps";
    private long bea;

    @Before
    public void ownerWithAMemberAndThreeApps() {
        for (String[] a : new String[][] {{BANK, "Bank"}, {CHAT, "Chat"}, {MAPS, "Maps"}}) launchable(a[0], a[1]);
        createPin("Ada");
        float[] v = new float[192];
        v[0] = 1;
        Sample s = new Sample(new Embedding(v), 0.9f);
        enroll("Ada", Role.OWNER, true, List.of(s), "test@1");
        bea = enroll("Bea", Role.MEMBER, false, List.of(s), "test@1");
        services.session.unlock(1, "Ada", Role.OWNER);
    }

    private LockedAppsActivity screen() {
        LockedAppsActivity s = start(LockedAppsActivity.class);
        Await.until("the apps listed", () -> list(s).getChildCount() == 3);
        return s;
    }

    private static LinearLayout list(LockedAppsActivity s) {
        return s.findViewById(R.id.locked_apps_list);
    }

    private static View row(LockedAppsActivity s, String pkg) {
        View row = list(s).findViewWithTag(pkg);
        assertNotNull(pkg, row);
        return row;
    }

    private LockedApp stored(String pkg) {
        return onIo(() -> services.lockedApps().get(pkg));
    }

    /** Waits for the list to be rebuilt after a change (the row views are replaced). */
    private View changed(LockedAppsActivity s, View before, String pkg) {
        Await.until("the list reloaded", () -> { idle(); return list(s).findViewWithTag(pkg) != before; });
        return row(s, pkg);
    }

    @Test
    public void listsLaunchableAppsByLabelWithSearch() {
        LockedAppsActivity s = screen();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < list(s).getChildCount(); i++) labels.add(text(list(s).getChildAt(i), R.id.app_label));
        assertEquals("FaceGate itself is not listed: its own gate guards it", List.of("Bank", "Chat", "Maps"), labels);
        ((EditText) s.findViewById(R.id.locked_apps_search)).setText("CH");
        assertEquals(View.GONE, row(s, BANK).getVisibility());
        assertEquals(View.VISIBLE, row(s, CHAT).getVisibility());
        ((EditText) s.findViewById(R.id.locked_apps_search)).setText("example.maps");
        assertEquals(View.VISIBLE, row(s, MAPS).getVisibility());
        ((EditText) s.findViewById(R.id.locked_apps_search)).setText("nothing like it");
        assertEquals("No app matches", text(s, R.id.locked_apps_message));
    }

    private static String text(View v, int id) {
        return ((android.widget.TextView) v.findViewById(id)).getText().toString();
    }

    @Test
    public void lockingIsFreeUnlockingNeedsThePin() {
        LockedAppsActivity s = screen();
        View bank = row(s, BANK);
        ((Switch) bank.findViewById(R.id.app_locked)).setChecked(true);
        assertFalse("locking asks nothing", pinPromptShown());
        bank = changed(s, bank, BANK);
        assertEquals("Bank", stored(BANK).label);
        assertTrue("the app lock knows at once", services.appLock.foreground(BANK).gate());
        assertEquals(View.VISIBLE, bank.findViewById(R.id.app_options).getVisibility());

        ((Switch) bank.findViewById(R.id.app_locked)).setChecked(false);
        pinPrompt().cancel();
        idle();
        assertTrue("put back", ((Switch) bank.findViewById(R.id.app_locked)).isChecked());
        assertNotNull(stored(BANK));

        ((Switch) bank.findViewById(R.id.app_locked)).setChecked(false);
        answerPinPrompt("000000");
        assertNotNull("a wrong PIN changes nothing", stored(BANK));
        answerPinPrompt(PIN);
        changed(s, bank, BANK);
        assertNull(stored(BANK));
        assertFalse(services.appLock.foreground(BANK).gate());
    }

    @Test
    public void allowingAMemberNeedsThePinForbiddingDoesNot() throws Exception {
        onIo(() -> {
            services.lockedApps().lock(BANK, "Bank");
            return null;
        });
        LockedAppsActivity s = screen();
        View bank = row(s, BANK);
        assertEquals("Ada (owner) may always open it", text(bank, R.id.app_owner));
        CheckBox beaMay = bank.findViewWithTag("Bea");
        assertFalse(beaMay.isChecked());
        beaMay.setChecked(true);
        pinPrompt().cancel();
        idle();
        assertFalse("put back", beaMay.isChecked());
        assertEquals(Set.of(), stored(BANK).allowedIds());
        beaMay.setChecked(true);
        answerPinPrompt(PIN);
        bank = changed(s, bank, BANK);
        assertEquals(Set.of(bea), stored(BANK).allowedIds());

        ((CheckBox) bank.findViewWithTag("Bea")).setChecked(false);
        assertFalse(pinPromptShown());
        changed(s, bank, BANK);
        assertEquals(Set.of(), stored(BANK).allowedIds());
    }

    @Test
    public void aLongerGracePeriodNeedsThePinAShorterOneDoesNot() {
        onIo(() -> {
            services.lockedApps().lock(CHAT, "Chat");
            return null;
        });
        LockedAppsActivity s = screen();
        View chat = row(s, CHAT);
        List<String> offered = new ArrayList<>();
        android.widget.RadioGroup grace = chat.findViewById(R.id.app_grace);
        for (int i = 0; i < grace.getChildCount(); i++) offered.add(((RadioButton) grace.getChildAt(i)).getText().toString());
        assertEquals(List.of("immediately", "after 1 minute", "after 5 minutes", "after 15 minutes"), offered);
        ((RadioButton) grace.findViewWithTag(900_000L)).setChecked(true);
        pinPrompt().cancel();
        idle();
        assertTrue("put back", ((RadioButton) grace.findViewWithTag(0L)).isChecked());
        assertEquals(0, stored(CHAT).graceMs);
        ((RadioButton) grace.findViewWithTag(900_000L)).setChecked(true);
        answerPinPrompt(PIN);
        chat = changed(s, chat, CHAT);
        assertEquals(900_000, stored(CHAT).graceMs);

        ((RadioButton) ((android.widget.RadioGroup) chat.findViewById(R.id.app_grace)).findViewWithTag(60_000L)).setChecked(true);
        assertFalse(pinPromptShown());
        changed(s, chat, CHAT);
        assertEquals(60_000, stored(CHAT).graceMs);
    }

    @Test
    public void theGuideShowsUntilTheServiceIsOn() {
        LockedAppsActivity s = screen();
        assertTrue(text(s.getWindow().getDecorView(), R.id.locked_apps_service).startsWith("The app lock is off."));
        assertEquals(View.VISIBLE, s.findViewById(R.id.locked_apps_guide).getVisibility());
        s.findViewById(R.id.locked_apps_open_settings).performClick();
        assertEquals(Settings.ACTION_ACCESSIBILITY_SETTINGS, shadowOf(s).getNextStartedActivity().getAction());

        Settings.Secure.putString(app.getContentResolver(), Settings.Secure.ENABLED_ACCESSIBILITY_SERVICES,
                "com.example.other/.Reader:" + new ComponentName(app, AppLockService.class).flattenToString());
        controller(s).pause().resume();
        assertTrue(text(s.getWindow().getDecorView(), R.id.locked_apps_service).startsWith("The app lock is on"));
        assertEquals(View.GONE, s.findViewById(R.id.locked_apps_guide).getVisibility());
    }

    @Test
    public void membersCannotOpenIt() {
        services.session.unlock(2, "Bea", Role.MEMBER);
        LockedAppsActivity s = start(LockedAppsActivity.class);
        assertTrue(s.isFinishing());
    }
}
