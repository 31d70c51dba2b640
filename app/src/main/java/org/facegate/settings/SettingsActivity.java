package org.facegate.settings;

import android.app.AlertDialog;
import android.content.Intent;
import android.os.Bundle;
import android.widget.Button;
import android.widget.EditText;
import android.widget.RadioButton;
import android.widget.RadioGroup;
import android.widget.TextView;
import org.facegate.AppSettings;
import org.facegate.R;
import org.facegate.diagnostics.DiagnosticsActivity;
import org.facegate.enroll.EnrollActivity;
import org.facegate.liveness.LivenessMode;
import org.facegate.match.SecurityLevel;
import org.facegate.security.PinRules;
import org.facegate.security.Throttle;
import org.facegate.store.Person;
import org.facegate.ui.SecureActivity;

/**
 * Settings (owner only): security level (facecore's calibrated presets with their false-accept and false-reject
 * rates), liveness mode, gate timeout, changing the PIN (the current one first, throttled like the gate's PIN),
 * re-enrolling the owner's face, and deleting all data.
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
            choice(levels, l.describe(), l.name(), l.name().equals(current), () -> settings.setSecurityLevel(l));
        }
        RadioGroup liveness = findViewById(R.id.settings_liveness);
        for (LivenessMode m : new LivenessMode[] {LivenessMode.ACTIVE, LivenessMode.PASSIVE, LivenessMode.OFF}) {
            choice(liveness, AppSettings.describeLiveness(m), m, m == settings.livenessMode(), () -> settings.setLivenessMode(m));
        }
        RadioGroup timeouts = findViewById(R.id.settings_timeouts);
        for (long ms : AppSettings.TIMEOUTS_MS) {
            choice(timeouts, AppSettings.describeTimeout(ms), ms, ms == settings.gateTimeoutMs(), () -> settings.setGateTimeoutMs(ms));
        }

        findViewById(R.id.settings_pin_change).setOnClickListener(v -> changePin());
        findViewById(R.id.settings_diagnostics).setOnClickListener(v -> startActivity(new Intent(this, DiagnosticsActivity.class)));
        findViewById(R.id.settings_reenroll).setOnClickListener(v -> services.io.execute(() -> {
            Person owner = services.gallery().owner();
            if (owner != null) services.main.post(() -> startActivity(EnrollActivity.reenroll(this, owner, false)));
        }));
        findViewById(R.id.settings_delete).setOnClickListener(v -> new AlertDialog.Builder(this)
                .setMessage(R.string.settings_delete_confirm)
                .setPositiveButton(R.string.settings_delete, (d, w) -> deleteAll())
                .setNegativeButton(R.string.household_cancel, null).show());
    }

    /** Adds one option to a group of choices; {@code chosen} runs when the user picks it. */
    private void choice(RadioGroup group, String text, Object tag, boolean checked, Runnable chosen) {
        RadioButton b = new RadioButton(this);
        b.setText(text);
        b.setTag(tag);
        b.setId(android.view.View.generateViewId());
        group.addView(b);
        if (checked) b.setChecked(true);
        b.setOnCheckedChangeListener((v, on) -> {
            if (on) chosen.run();
        });
    }

    /** Replaces the PIN once the current one is verified; a wrong current PIN counts against the PIN's lockout. */
    private void changePin() {
        EditText current = findViewById(R.id.settings_pin_current), fresh = findViewById(R.id.settings_pin_new),
                again = findViewById(R.id.settings_pin_again);
        TextView message = findViewById(R.id.settings_pin_message);
        Button change = findViewById(R.id.settings_pin_change);
        Throttle throttle = services.rules().pin;
        String old = current.getText().toString(), p = fresh.getText().toString();
        String problem = PinRules.problem(p, again.getText());
        long locked = throttle.lockedForMs();
        if (locked > 0) problem = getString(R.string.gate_pin_locked_out, (locked + 999) / 1000);
        if (problem != null) {
            message.setText(problem);
            return;
        }
        current.setText("");
        change.setEnabled(false);
        services.io.execute(() -> {
            boolean ok = services.pin.verify(old);
            if (ok) services.pin.set(p);
            services.main.post(() -> {
                change.setEnabled(true);
                if (ok) {
                    services.rules().pinUsed();
                    fresh.setText("");
                    again.setText("");
                    message.setText(R.string.settings_pin_changed);
                } else {
                    long lockout = throttle.recordFailure();
                    message.setText(lockout > 0 ? getString(R.string.gate_pin_locked_out, (lockout + 999) / 1000) : getString(R.string.settings_pin_wrong));
                }
            });
        }, () -> change.setEnabled(true));
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
