package org.facegate.settings;

import android.app.AlertDialog;
import android.os.Bundle;
import android.widget.RadioButton;
import android.widget.RadioGroup;
import org.facegate.AppSettings;
import org.facegate.R;
import org.facegate.enroll.EnrollActivity;
import org.facegate.match.SecurityLevel;
import org.facegate.store.Person;
import org.facegate.ui.SecureActivity;

/**
 * Settings (owner only): security level (facecore's calibrated presets with their false-accept and false-reject
 * rates), gate timeout, re-enrolling the owner's face, and deleting all data.
 */
public final class SettingsActivity extends SecureActivity {
    @Override
    protected boolean requiresOwner() {
        return true;
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.settings_activity);
        AppSettings settings = services.settings;

        RadioGroup levels = findViewById(R.id.settings_levels);
        String current = settings.securityLevel().name();
        for (SecurityLevel l : SecurityLevel.all()) {
            RadioButton b = new RadioButton(this);
            b.setText(l.describe());
            b.setTag(l.name());
            b.setId(android.view.View.generateViewId());
            levels.addView(b);
            if (l.name().equals(current)) b.setChecked(true);
            b.setOnCheckedChangeListener((v, checked) -> {
                if (checked) settings.setSecurityLevel(l);
            });
        }

        RadioGroup timeouts = findViewById(R.id.settings_timeouts);
        for (long ms : AppSettings.TIMEOUTS_MS) {
            RadioButton b = new RadioButton(this);
            b.setText(AppSettings.describeTimeout(ms));
            b.setTag(ms);
            b.setId(android.view.View.generateViewId());
            timeouts.addView(b);
            if (ms == settings.gateTimeoutMs()) b.setChecked(true);
            b.setOnCheckedChangeListener((v, checked) -> {
                if (checked) settings.setGateTimeoutMs(ms);
            });
        }

        findViewById(R.id.settings_reenroll).setOnClickListener(v -> services.io.execute(() -> {
            Person owner = services.gallery().owner();
            if (owner != null) services.main.post(() -> startActivity(EnrollActivity.reenroll(this, owner, false)));
        }));
        findViewById(R.id.settings_delete).setOnClickListener(v -> new AlertDialog.Builder(this)
                .setMessage(R.string.settings_delete_confirm)
                .setPositiveButton(R.string.settings_delete, (d, w) -> deleteAll())
                .setNegativeButton(R.string.household_cancel, null).show());
    }

    private void deleteAll() {
        services.io.execute(() -> {
            String error = null;
            try {
                services.deleteAllData();
            } catch (java.security.GeneralSecurityException e) {
                error = e.getMessage();
            }
            String shown = error;
            services.main.post(() -> {
                if (shown != null) android.widget.Toast.makeText(this, shown, android.widget.Toast.LENGTH_LONG).show();
                toGate(this);
            });
        });
    }
}
