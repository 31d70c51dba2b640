package org.facegate.setup;

import android.content.Intent;
import android.os.Bundle;
import android.widget.Button;
import android.widget.EditText;
import android.widget.TextView;
import java.security.GeneralSecurityException;
import org.facegate.R;
import org.facegate.enroll.EnrollActivity;
import org.facegate.enroll.NameIssue;
import org.facegate.enroll.PersonName;
import org.facegate.gate.GateActivity;
import org.facegate.security.PinRules;
import org.facegate.security.PinStore;
import org.facegate.security.StepUp;
import org.facegate.store.Role;
import org.facegate.ui.SecureActivity;
import org.facegate.ui.Sentences;

/**
 * First run, step 1: the owner's name and fallback PIN (stored as a salted slow hash by {@link PinStore}). Step 2 is
 * {@link EnrollActivity}. Only reachable while no PIN exists: afterwards it forwards to the gate, so it cannot be used
 * to replace the PIN.
 */
public final class SetupActivity extends SecureActivity {
    /** Preference holding the owner's name until their person row is written by enrollment. */
    public static final String OWNER_NAME = "owner.name";

    private EditText name, pin, pinAgain;
    private TextView error;
    private Button next;

    @Override
    protected boolean requiresUnlock() {
        return false;
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        if (services.pin.isSet()) {
            startActivity(new Intent(this, GateActivity.class));
            finish();
            return;
        }
        setContentView(R.layout.setup_activity);
        name = findViewById(R.id.setup_name);
        pin = findViewById(R.id.setup_pin);
        pinAgain = findViewById(R.id.setup_pin_again);
        error = findViewById(R.id.setup_error);
        next = findViewById(R.id.setup_next);
        next.setOnClickListener(v -> submit());
    }

    private void submit() {
        // the owner's name follows the same rule as every name (org.facegate.enroll.PersonName, as the CLI)
        String n = PersonName.normalized(name.getText().toString()), p = pin.getText().toString();
        NameIssue nameIssue = PersonName.issue(n);
        String problem = nameIssue == NameIssue.EMPTY ? getString(R.string.setup_name_missing)
                : nameIssue != null ? Sentences.capitalized(nameIssue.advice())
                : PinRules.problem(p, pinAgain.getText());
        if (problem != null) {
            error.setText(problem);
            return;
        }
        error.setText("");
        next.setEnabled(false);
        services.io.execute(() -> {
            String failure = null;
            try {
                services.pin.set(p);
            } catch (GeneralSecurityException | RuntimeException e) {
                failure = getString(R.string.pin_store_failed, e.getMessage());
            }
            String shown = failure;
            services.main.post(() -> {
                if (shown != null) {
                    error.setText(shown);
                    next.setEnabled(true);
                    return;
                }
                services.prefs.edit().putString(OWNER_NAME, n).apply();
                services.rules().pinUsed();
                // the owner just proved who they are by creating the PIN (CDD C-1-4: a new credential before the first
                // face): enrollment runs inside the session, with the PIN fresh for it
                services.session.unlock(-1, n, Role.OWNER);
                services.stepUp.confirmed(StepUp.Action.ENROLL);
                startActivity(EnrollActivity.firstRun(this));
                finish();
            });
        }, () -> next.setEnabled(true));
    }
}
