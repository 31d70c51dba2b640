package org.facegate.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.content.Intent;
import android.content.pm.ActivityInfo;
import android.content.pm.PackageManager;
import android.content.pm.ServiceInfo;
import android.os.Looper;
import android.view.WindowManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.facegate.household.HouseholdActivity;
import org.facegate.household.WhosHereActivity;
import org.facegate.settings.SettingsActivity;
import org.facegate.store.Role;
import org.facegate.testing.AppTest;
import org.junit.Test;
import org.robolectric.android.controller.ActivityController;

/** Nothing behind the gate is reachable without it; the gate comes back after the background timeout. */
public class AccessTest extends AppTest {
    /** Only the gate among the screens; among services, only the app lock's, which only the system can bind. */
    @Test
    public void onlyTheGateIsExported() throws Exception {
        ActivityInfo[] activities = app.getPackageManager().getPackageInfo(app.getPackageName(), PackageManager.GET_ACTIVITIES).activities;
        List<String> exported = new ArrayList<>();
        for (ActivityInfo a : activities) if (a.exported) exported.add(a.name);
        assertEquals(List.of(GateActivity.class.getName()), exported);
        assertTrue(activities.length >= 8);
        // the app lock's accessibility service must be exported for the system to bind it, and nobody else can:
        // binding needs BIND_ACCESSIBILITY_SERVICE, which only the system holds
        ServiceInfo[] services = app.getPackageManager().getPackageInfo(app.getPackageName(), PackageManager.GET_SERVICES).services;
        List<String> exportedServices = new ArrayList<>();
        for (ServiceInfo s : services) {
            if (!s.exported) continue;
            exportedServices.add(s.name);
            assertEquals(s.name, android.Manifest.permission.BIND_ACCESSIBILITY_SERVICE, s.permission);
        }
        assertEquals(List.of(org.facegate.applock.AppLockService.class.getName()), exportedServices);
    }

    @Test
    public void everyScreenBehindTheGateSendsALockedSessionToTheGate() {
        createPin("Ada");
        for (Class<? extends android.app.Activity> screen : List.of(ContentActivity.class, HouseholdActivity.class,
                WhosHereActivity.class, SettingsActivity.class, org.facegate.enroll.EnrollActivity.class,
                org.facegate.diagnostics.DiagnosticsActivity.class, org.facegate.applock.LockedAppsActivity.class)) {
            Intent i = new Intent(app, screen).putExtra("name", "x").putExtra("role", "OWNER");
            android.app.Activity a = start(screen, i);
            assertTrue(screen.getSimpleName() + " finished", a.isFinishing());
            Intent next = shadowOf(a).getNextStartedActivity();
            assertEquals(screen.getSimpleName(), GateActivity.class.getName(), next.getComponent().getClassName());
            assertTrue("the task is cleared: Back cannot return past the gate", (next.getFlags() & Intent.FLAG_ACTIVITY_CLEAR_TASK) != 0);
            assertTrue("FLAG_SECURE", (a.getWindow().getAttributes().flags & WindowManager.LayoutParams.FLAG_SECURE) != 0);
        }
    }

    /** Unlocked, gate timeout 30 s, away for {@code seconds}: returns the content screen after coming back. */
    private ContentActivity awayFor(int seconds) {
        createPin("Ada");
        services.settings.setGateTimeoutMs(30_000);
        services.session.unlock(1, "Ada", Role.OWNER);
        ContentActivity content = start(ContentActivity.class);
        ActivityController<ContentActivity> c = controller(content);
        c.pause().stop();
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofSeconds(seconds));
        c.start().resume();
        return content;
    }

    @Test
    public void timeAtTheGateOverALockedAppIsTimeAway() {
        createPin("Ada");
        services.settings.setGateTimeoutMs(30_000);
        services.session.unlock(1, "Ada", Role.OWNER);
        ContentActivity content = start(ContentActivity.class);
        ActivityController<ContentActivity> c = controller(content);
        c.pause().stop();
        AppGateActivity appGate = start(AppGateActivity.class, AppGateActivity.guarding(app, "com.example.bank"));
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofSeconds(31));
        controller(appGate).pause().stop();
        c.start().resume();
        assertFalse("FaceGate's session locked", services.session.isUnlocked());
        assertTrue(content.isFinishing());
    }

    @Test
    public void aShortTripToTheBackgroundKeepsTheSession() {
        ContentActivity content = awayFor(20);
        assertFalse(content.isFinishing());
        assertTrue(services.session.isUnlocked());
    }

    @Test
    public void theGateReturnsAfterTheBackgroundTimeout() {
        ContentActivity content = awayFor(31);
        assertFalse(services.session.isUnlocked());
        assertTrue(content.isFinishing());
        assertEquals(GateActivity.class.getName(), shadowOf(content).getNextStartedActivity().getComponent().getClassName());
    }

    /** Photos picked for a new member (the PIN given), then {@code minutes} away in the picker before coming back. */
    private org.facegate.household.HouseholdActivity inThePickerFor(int minutes) {
        createPin("Ada");
        services.settings.setGateTimeoutMs(0);
        services.session.unlock(1, "Ada", Role.OWNER);
        org.facegate.household.HouseholdActivity h = start(org.facegate.household.HouseholdActivity.class);
        ((android.widget.EditText) h.findViewById(org.facegate.R.id.household_new_name)).setText("Bea");
        h.findViewById(org.facegate.R.id.household_add_photos).performClick();
        answerPinPrompt(PIN);
        ActivityController<org.facegate.household.HouseholdActivity> c = controller(h);
        c.pause().stop();
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofMinutes(minutes));
        c.start().resume();
        return h;
    }

    @Test
    public void pickingPhotosKeepsTheSession() {
        org.facegate.household.HouseholdActivity h = inThePickerFor(1);
        assertTrue(services.session.isUnlocked());
        assertFalse(h.isFinishing());
    }

    @Test
    public void homePressedFromThePickerStillLocksTheApp() {
        org.facegate.household.HouseholdActivity h = inThePickerFor(3);
        assertFalse("the handoff has its own limit: " + org.facegate.gate.Session.HANDOFF_MS / 60_000 + " minutes",
                services.session.isUnlocked());
        assertTrue(h.isFinishing());
    }

    @Test
    public void aRotationIsNotATripToTheBackground() {
        createPin("Ada");
        services.settings.setGateTimeoutMs(0);
        services.session.unlock(1, "Ada", Role.OWNER);
        ContentActivity rotated = controller(start(ContentActivity.class)).recreate().get();
        assertTrue(services.session.isUnlocked());
        assertFalse(rotated.isFinishing());
    }
}
