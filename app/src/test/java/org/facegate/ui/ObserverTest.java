package org.facegate.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import android.Manifest;
import android.app.Activity;
import android.app.AlertDialog;
import android.app.Dialog;
import android.content.pm.PackageManager;
import android.os.SystemClock;
import android.view.InputDevice;
import android.view.MotionEvent;
import android.view.View;
import android.view.Window;
import android.view.WindowManager;
import android.widget.EditText;
import java.util.Arrays;
import java.util.List;
import org.facegate.R;
import org.facegate.embed.Embedding;
import org.facegate.enroll.Sample;
import org.facegate.gate.GateActivity;
import org.facegate.household.HouseholdActivity;
import org.facegate.settings.SettingsActivity;
import org.facegate.setup.SetupActivity;
import org.facegate.store.Role;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.junit.Test;
import org.robolectric.shadows.ShadowDialog;

/**
 * What someone watching, or an app drawing over FaceGate, gets (finding 5 of issue 14): every window, dialogs
 * included, is FLAG_SECURE and hides other apps' overlays (Android 12+: these tests run on API 34); the gate and every
 * PIN field ignore touches that arrive through another window.
 */
public class ObserverTest extends AppTest {
    /** WindowManager.LayoutParams.SYSTEM_FLAG_HIDE_NON_SYSTEM_OVERLAY_WINDOWS (hidden), what setHideOverlayWindows sets. */
    private static final int HIDE_OVERLAYS = 0x00080000;

    private static void assertProtected(String what, Window w) throws Exception {
        WindowManager.LayoutParams p = w.getAttributes();
        assertTrue(what + ": FLAG_SECURE", (p.flags & WindowManager.LayoutParams.FLAG_SECURE) != 0);
        int privateFlags = WindowManager.LayoutParams.class.getField("privateFlags").getInt(p);
        assertTrue(what + ": overlays hidden", (privateFlags & HIDE_OVERLAYS) != 0);
    }

    private static Dialog latest() {
        return ShadowDialog.getLatestDialog();
    }

    @Test
    public void everyWindowIsProtectedDialogsIncluded() throws Exception {
        String[] requested = app.getPackageManager().getPackageInfo(app.getPackageName(), PackageManager.GET_PERMISSIONS).requestedPermissions;
        assertTrue(Arrays.toString(requested), Arrays.asList(requested).contains(Manifest.permission.HIDE_OVERLAY_WINDOWS));
        createPin("Ada");
        long ada = enroll("Ada", Role.OWNER, true, List.of(new Sample(new Embedding(new float[] {1, 1, 0}), 0.5f)), "test@1");
        enroll("Bea", Role.MEMBER, false, List.of(new Sample(new Embedding(new float[] {2, 1, 0}), 0.5f)), "test@1");
        assertProtected("the gate", start(GateActivity.class).getWindow());
        services.session.unlock(ada, "Ada", Role.OWNER);
        HouseholdActivity h = start(HouseholdActivity.class);
        assertProtected("the household", h.getWindow());
        Await.until("the list", () -> h.findViewById(R.id.household_list).findViewWithTag("Bea") != null);
        View bea = h.findViewById(R.id.household_list).findViewWithTag("Bea");
        bea.findViewById(R.id.row_rename).performClick();
        assertProtected("the rename dialog", latest().getWindow());
        latest().dismiss();
        bea.findViewById(R.id.row_remove).performClick();
        assertProtected("the remove confirmation", latest().getWindow());
        ((AlertDialog) latest()).getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        assertProtected("the PIN prompt", pinPrompt().getWindow());
        pinPrompt().dismiss();
        SettingsActivity s = start(SettingsActivity.class);
        s.findViewById(R.id.settings_delete).performClick();
        assertProtected("the delete confirmation", latest().getWindow());
    }

    /** A tap on {@code target} as it arrives at the window's root, through another window or not. */
    private static void tap(Activity a, View target, boolean obscured) {
        int[] at = new int[2];
        target.getLocationInWindow(at);
        float x = at[0] + target.getWidth() / 2f, y = at[1] + target.getHeight() / 2f;
        long t = SystemClock.uptimeMillis();
        View root = a.getWindow().getDecorView();
        for (int action : new int[] {MotionEvent.ACTION_DOWN, MotionEvent.ACTION_UP}) {
            MotionEvent.PointerProperties[] props = {new MotionEvent.PointerProperties()};
            props[0].id = 0;
            props[0].toolType = MotionEvent.TOOL_TYPE_FINGER;
            MotionEvent.PointerCoords[] coords = {new MotionEvent.PointerCoords()};
            coords[0].x = x;
            coords[0].y = y;
            MotionEvent e = MotionEvent.obtain(t, t, action, 1, props, coords, 0, 0, 1, 1, 0, 0,
                    InputDevice.SOURCE_TOUCHSCREEN, obscured ? MotionEvent.FLAG_WINDOW_IS_OBSCURED : 0);
            root.dispatchTouchEvent(e);
            e.recycle();
        }
        idle();         // a click runs from the looper after the touch
    }

    @Test
    public void theGateIgnoresTouchesThroughAnotherWindow() {
        createPin("Ada");       // no face enrolled: the gate shows the PIN field at once
        GateActivity gate = start(GateActivity.class);
        controller(gate).visible();
        EditText pin = gate.findViewById(R.id.gate_pin);
        Await.until("the PIN field", pin::isShown);
        pin.setText("270491");
        View unlock = gate.findViewById(R.id.gate_unlock);
        tap(gate, unlock, true);
        assertEquals("the obscured tap did nothing", "270491", pin.getText().toString());
        tap(gate, unlock, false);
        assertEquals("a plain tap submits the PIN", "", pin.getText().toString());
        Await.until("the PIN checked", services.session::isUnlocked);
    }

    @Test
    public void everyPinFieldIgnoresTouchesThroughAnotherWindow() {
        SetupActivity setup = start(SetupActivity.class);
        for (int id : new int[] {R.id.setup_pin, R.id.setup_pin_again, R.id.setup_next}) {
            assertTrue(setup.getResources().getResourceEntryName(id), setup.findViewById(id).getFilterTouchesWhenObscured());
        }
        createPin("Ada");
        services.session.unlock(-1, "Ada", Role.OWNER);
        SettingsActivity s = start(SettingsActivity.class);
        for (int id : new int[] {R.id.settings_pin_current, R.id.settings_pin_new, R.id.settings_pin_again, R.id.settings_pin_change}) {
            assertTrue(s.getResources().getResourceEntryName(id), s.findViewById(id).getFilterTouchesWhenObscured());
        }
        s.findViewById(R.id.settings_delete).performClick();
        ((AlertDialog) latest()).getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        assertTrue(pinPrompt().findViewById(R.id.pin_prompt_field).getFilterTouchesWhenObscured());
        assertTrue(pinPrompt().getButton(AlertDialog.BUTTON_POSITIVE).getFilterTouchesWhenObscured());
    }
}
