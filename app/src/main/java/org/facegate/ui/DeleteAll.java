package org.facegate.ui;

import android.app.AlertDialog;
import android.widget.Toast;
import java.util.List;
import org.facegate.R;
import org.facegate.Services;

/**
 * "Delete all data", from settings (after the PIN) and from the gate when the keys are lost (the one way on then):
 * confirmed in a dialog, done off the main thread ({@link Services#deleteAllData}), and any step that failed said,
 * before the app starts over at the gate.
 */
public final class DeleteAll {
    private DeleteAll() {}

    /** Asks whether to delete everything; {@code confirmed} runs if the user says yes. */
    public static void confirm(SecureActivity screen, Runnable confirmed) {
        SecureWindows.show(new AlertDialog.Builder(screen).setMessage(R.string.settings_delete_confirm)
                .setPositiveButton(R.string.settings_delete, (d, w) -> confirmed.run())
                .setNegativeButton(R.string.household_cancel, null));
    }

    /** Deletes everything, says what could not be deleted, and goes to the gate (which starts first-run setup). */
    public static void delete(SecureActivity screen) {
        Services services = screen.services;
        services.io.execute(() -> {
            List<String> failed = services.deleteAllData();
            services.main.post(() -> {
                if (!failed.isEmpty()) {
                    Toast.makeText(services.context, screen.getString(R.string.delete_incomplete, String.join("; ", failed)),
                            Toast.LENGTH_LONG).show();
                }
                SecureActivity.toGate(screen);
            });
        });
    }
}
