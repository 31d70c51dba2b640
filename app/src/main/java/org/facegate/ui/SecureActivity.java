package org.facegate.ui;

import android.app.Activity;
import android.content.Intent;
import android.os.Bundle;
import org.facegate.FaceGateApp;
import org.facegate.Services;
import org.facegate.gate.GateActivity;
import org.facegate.security.StepUp;

/**
 * Base of every screen: a protected window ({@link SecureWindows}: {@code FLAG_SECURE}, no overlays from Android 12),
 * and, for screens behind the gate, a check on every resume that the session is unlocked. That check is what keeps the
 * content unreachable without the gate even when the system itself restores a screen (e.g. from recents after the
 * process was killed); the manifest additionally exports only the gate. Owner actions that need the PIN again go
 * through {@link #withFreshPin}.
 */
public abstract class SecureActivity extends Activity {
    protected Services services;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        SecureWindows.protect(getWindow());
        services = FaceGateApp.services(this);
    }

    /**
     * Runs {@code action} now if the PIN was entered for {@code what} within {@link StepUp#FRESH_MS}, else once it is
     * ({@link PinPrompt}, saying {@code why}); {@code cancelled} runs if the user gives up.
     */
    protected void withFreshPin(StepUp.Action what, String why, Runnable action, Runnable cancelled) {
        if (services.stepUp.fresh(what)) action.run();
        else PinPrompt.ask(this, what, why, action, cancelled);
    }

    /** {@link #withFreshPin(StepUp.Action, String, Runnable, Runnable)} with nothing to undo when the user gives up. */
    protected void withFreshPin(StepUp.Action what, String why, Runnable action) {
        withFreshPin(what, why, action, () -> {});
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
