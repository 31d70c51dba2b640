package org.facegate.ui;

import android.app.AlertDialog;
import android.os.Build;
import android.view.Window;
import android.view.WindowManager;
import androidx.annotation.RequiresApi;

/**
 * What every window of the app gets, dialogs included: {@code FLAG_SECURE} (no screenshots, no screen recording, no
 * recents thumbnail: faces, names and PIN prompts stay on the screen) and, from Android 12, other apps' overlay windows
 * hidden while it shows (an overlay could otherwise cover the gate or a PIN prompt and trick the user into tapping).
 */
public final class SecureWindows {
    private SecureWindows() {}

    /** Protects a window; call before it is shown. */
    public static void protect(Window w) {
        w.addFlags(WindowManager.LayoutParams.FLAG_SECURE);
        if (Build.VERSION.SDK_INT >= 31) hideOverlays(w);
    }

    /** Creates, protects and shows a dialog. */
    public static AlertDialog show(AlertDialog.Builder builder) {
        AlertDialog d = builder.create();
        protect(d.getWindow());
        d.show();
        return d;
    }

    /** API 31 (HIDE_OVERLAY_WINDOWS, a normal permission, is in the manifest); called only from API 31 on. */
    @RequiresApi(31)
    private static void hideOverlays(Window w) {
        try {
            w.setHideOverlayWindows(true);
        } catch (SecurityException e) {
            // the permission withheld (it is granted at install): FLAG_SECURE still protects the window; no screen ends
            android.util.Log.w("FaceGate", "overlays not hidden: " + e.getMessage());
        }
    }
}
