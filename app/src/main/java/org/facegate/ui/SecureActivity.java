package org.facegate.ui;

import android.app.Activity;
import android.content.Intent;
import android.os.Bundle;
import android.view.WindowManager;
import org.facegate.FaceGateApp;
import org.facegate.Services;
import org.facegate.gate.GateActivity;

/**
 * Base of every screen: {@code FLAG_SECURE} (no screenshots, no recents thumbnail: faces and household names stay on
 * the screen), and, for screens behind the gate, a check on every resume that the session is unlocked. That check is
 * what keeps the content unreachable without the gate even when the system itself restores a screen (e.g. from
 * recents after the process was killed); the manifest additionally exports only the gate.
 */
public abstract class SecureActivity extends Activity {
    protected Services services;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().addFlags(WindowManager.LayoutParams.FLAG_SECURE);
        services = FaceGateApp.services(this);
    }

    /** Whether this screen is behind the gate. */
    protected boolean requiresUnlock() {
        return true;
    }

    /** Whether only the owner may use this screen (household, settings). */
    protected boolean requiresOwner() {
        return false;
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (requiresUnlock() && !services.session.isUnlocked()) {
            toGate(this);
        } else if (requiresOwner() && !services.session.isOwner()) {
            finish();
        }
    }

    /** Leaves for the gate, dropping every screen behind it from the task so Back cannot return past the gate. */
    public static void toGate(Activity from) {
        from.startActivity(new Intent(from, GateActivity.class).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK | Intent.FLAG_ACTIVITY_CLEAR_TASK));
        from.finish();
    }
}
