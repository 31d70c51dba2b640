package org.facegate.applock;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.content.ComponentName;
import android.content.Intent;
import android.content.pm.ActivityInfo;
import android.content.pm.PackageManager;
import android.content.pm.ResolveInfo;
import android.content.pm.ServiceInfo;
import android.content.res.XmlResourceParser;
import android.view.accessibility.AccessibilityEvent;
import android.view.inputmethod.InputMethodInfo;
import android.view.inputmethod.InputMethodManager;
import java.util.List;
import org.facegate.R;
import org.facegate.gate.AppGateActivity;
import org.facegate.testing.AppTest;
import org.facegate.testing.ManualClock;
import org.junit.Before;
import org.junit.Test;
import org.robolectric.Robolectric;
import org.xmlpull.v1.XmlPullParser;

/**
 * The accessibility service on synthetic events: a locked app's window starts the gate for it; every other event type,
 * FaceGate itself, System UI, the keyboard and the home screen start nothing; grace periods and screen-off on a manual
 * clock.
 */
public class AppLockServiceTest extends AppTest {
    private static final String BANK = "com.example.bank", CHAT = "com.example.chat", MAPS = "com.example.maps",
            LAUNCHER = "com.android.launcher3", KEYBOARD = "com.example.keyboard";
    private ManualClock clock;
    private AppLockService service;

    @Before
    public void lockedBankAndChat() throws Exception {
        clock = ManualClock.at(services.clock);
        services.clock = clock;
        ResolveInfo home = new ResolveInfo();
        home.activityInfo = new ActivityInfo();
        home.activityInfo.packageName = LAUNCHER;
        home.activityInfo.name = LAUNCHER + ".Launcher";
        shadowOf(app.getPackageManager()).addResolveInfoForIntent(new Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_HOME), home);
        shadowOf(app.getSystemService(InputMethodManager.class)).setInputMethodInfoList(
                List.of(new InputMethodInfo(KEYBOARD, KEYBOARD + ".Ime", "Keyboard", null)));
        createPin("Ada");
        onIo(() -> {
            services.lockedApps().lock(BANK, "Bank");
            services.lockedApps().lock(CHAT, "Chat");
            services.lockedApps().setGrace(CHAT, 60_000);
            return null;
        });
        service = Robolectric.buildService(AppLockService.class).create().get();
        service.onServiceConnected();
        onIo(() -> null);       // the configuration it loads on connecting
    }

    /** Sends an event of {@code type} from {@code pkg}; returns the screen it started, if any. */
    private Intent event(int type, String pkg) {
        AccessibilityEvent e = AccessibilityEvent.obtain(type);
        e.setPackageName(pkg);
        service.onAccessibilityEvent(e);
        return shadowOf(app).getNextStartedActivity();
    }

    private Intent window(String pkg) {
        return event(AccessibilityEvent.TYPE_WINDOW_STATE_CHANGED, pkg);
    }

    private static void assertGateFor(String pkg, Intent started) {
        assertNotNull("the gate started for " + pkg, started);
        assertEquals(AppGateActivity.class.getName(), started.getComponent().getClassName());
        assertEquals(pkg, started.getStringExtra("org.facegate.extra.GUARDED_PACKAGE"));
        assertTrue("its own task", (started.getFlags() & Intent.FLAG_ACTIVITY_NEW_TASK) != 0);
    }

    @Test
    public void aLockedAppsWindowStartsTheGateForIt() {
        assertGateFor(BANK, window(BANK));
        assertNull("an app not locked opens freely", window(MAPS));
        assertGateFor(CHAT, window(CHAT));
    }

    @Test
    public void aLockedAppOnTheScreenWhenTheServiceConnectsIsCovered() {
        AppLockService later = Robolectric.buildService(AppLockService.class).create().get();
        services.appLock.configure(java.util.Map.of(), java.util.Set.of(), java.util.Set.of());   // as before any configuration
        AccessibilityEvent e = AccessibilityEvent.obtain(AccessibilityEvent.TYPE_WINDOW_STATE_CHANGED);
        e.setPackageName(BANK);
        later.onAccessibilityEvent(e);
        assertNull(shadowOf(app).getNextStartedActivity());
        later.onServiceConnected();
        onIo(() -> null);
        idle();
        assertGateFor(BANK, shadowOf(app).getNextStartedActivity());
    }

    @Test
    public void everyOtherEventTypeIsIgnored() {
        for (int type : new int[] {AccessibilityEvent.TYPE_VIEW_CLICKED, AccessibilityEvent.TYPE_VIEW_FOCUSED,
                AccessibilityEvent.TYPE_VIEW_TEXT_CHANGED, AccessibilityEvent.TYPE_WINDOW_CONTENT_CHANGED,
                AccessibilityEvent.TYPE_NOTIFICATION_STATE_CHANGED, AccessibilityEvent.TYPE_VIEW_SCROLLED,
                AccessibilityEvent.TYPE_WINDOWS_CHANGED, AccessibilityEvent.TYPE_ANNOUNCEMENT,
                AccessibilityEvent.TYPE_VIEW_SELECTED, AccessibilityEvent.TYPE_TOUCH_INTERACTION_START}) {
            assertNull("event type " + AccessibilityEvent.eventTypeToString(type), event(type, BANK));
        }
        // and they changed nothing: the bank's window still needs the gate
        assertGateFor(BANK, window(BANK));
    }

    @Test
    public void itsOwnWindowsSystemUiKeyboardsAndTheHomeScreenAreIgnored() {
        for (String pkg : new String[] {app.getPackageName(), AppLock.SYSTEM_UI, KEYBOARD, LAUNCHER, null}) {
            assertNull(String.valueOf(pkg), window(pkg));
        }
        assertGateFor(BANK, window(BANK));
        // the gate's own window over the bank does not start another gate: no loop
        assertNull(window(app.getPackageName()));
    }

    @Test
    public void unlockingOneAppDoesNotUnlockAnother() {
        assertGateFor(BANK, window(BANK));
        services.appLock.passed(BANK);
        assertNull(window(BANK));
        assertGateFor(CHAT, window(CHAT));
    }

    @Test
    public void aGracePeriodOnAManualClock() {
        assertGateFor(CHAT, window(CHAT));
        services.appLock.passed(CHAT);
        assertNull(window(LAUNCHER));
        clock.now += 59_000;
        assertNull("back within the chat's minute", window(CHAT));
        assertNull(window(MAPS));
        clock.now += 60_000;
        assertGateFor(CHAT, window(CHAT));
        // the bank locks again as soon as it is left
        services.appLock.passed(BANK);
        assertNull(window(BANK));
        assertNull(window(LAUNCHER));
        clock.now += 1;
        assertGateFor(BANK, window(BANK));
    }

    @Test
    public void screenOffLocksEveryAppAgain() {
        window(CHAT);
        services.appLock.passed(CHAT);
        window(BANK);
        services.appLock.passed(BANK);
        assertNull(window(BANK));
        app.sendBroadcast(new Intent(Intent.ACTION_SCREEN_OFF));
        idle();
        assertGateFor(BANK, shadowOf(app).getNextStartedActivity());
        assertGateFor(CHAT, window(CHAT));
    }

    @Test
    public void theServiceAsksForWindowChangesAloneAndOnlyTheSystemCanBindIt() throws Exception {
        ServiceInfo info = app.getPackageManager().getServiceInfo(new ComponentName(app, AppLockService.class), PackageManager.GET_META_DATA);
        assertEquals(Manifest.permission.BIND_ACCESSIBILITY_SERVICE, info.permission);
        assertEquals(R.xml.app_lock_service, info.metaData.getInt("android.accessibilityservice"));
        try (XmlResourceParser x = app.getResources().getXml(R.xml.app_lock_service)) {
            while (x.next() != XmlPullParser.START_TAG) continue;
            String ns = "http://schemas.android.com/apk/res/android";
            assertEquals(AccessibilityEvent.TYPE_WINDOW_STATE_CHANGED, x.getAttributeIntValue(ns, "accessibilityEventTypes", -1));
            assertFalse(x.getAttributeBooleanValue(ns, "canRetrieveWindowContent", true));
            int description = x.getAttributeResourceValue(ns, "description", 0);
            assertTrue(app.getString(description).startsWith("FaceGate reads one thing: the package name of the app"));
        }
    }
}
