package org.facegate.settings;

import android.content.Context;
import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.EditText;
import android.widget.RadioButton;
import android.widget.RadioGroup;
import android.widget.TextView;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.facegate.AppSettings;
import org.facegate.R;
import org.facegate.diagnostics.DiagnosticsActivity;
import org.facegate.enroll.EnrollActivity;
import org.facegate.liveness.LivenessMode;
import org.facegate.match.SecurityLevel;
import org.facegate.security.PinCheck;
import org.facegate.security.PinRules;
import org.facegate.security.StepUp;
import org.facegate.store.Person;
import org.facegate.ui.DeleteAll;
import org.facegate.ui.PinMessages;
import org.facegate.ui.SecureActivity;

/**
 * Settings (owner only): security level (facecore's calibrated presets with their false-accept rate per attempt for
 * this household, and false-reject rate), liveness mode, gate timeout, changing the PIN (the current one first,
 * throttled like the gate's PIN), re-enrolling the owner's face, and deleting all data. Whatever weakens the gate
 * (a more permissive level, a weaker liveness mode, a longer timeout), re-enrolling and deleting need the PIN again
 * ({@link StepUp}); a choice whose PIN is not given goes back to what it was.
 */
public final class SettingsActivity extends SecureActivity {
    static final String EXTRA_CHANGE_PIN = "change_pin";

    /** Settings opened at "change PIN", saying why: the owner's PIN no longer meets {@link PinRules}. */
    public static Intent changePin(Context c) {
        return new Intent(c, SettingsActivity.class).putExtra(EXTRA_CHANGE_PIN, true);
    }

    private RadioGroup levels;

    @Override
    protected boolean requiresOwner() {
        return true;
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.settings_activity);
        AppSettings settings = services.settings;

        levels = findViewById(R.id.settings_levels);
        List<String> names = new ArrayList<>();
        for (SecurityLevel l : SecurityLevel.all()) names.add(l.name());
        choices(levels, names, n -> SecurityLevel.named(n).describe(), () -> settings.securityLevel().name(),
                (from, to) -> StepUp.weaker(SecurityLevel.named(from), SecurityLevel.named(to)), StepUp.Action.WEAKER_LEVEL,
                n -> settings.setSecurityLevel(SecurityLevel.named(n)));
        choices(findViewById(R.id.settings_liveness), Arrays.asList(LivenessMode.ACTIVE, LivenessMode.PASSIVE, LivenessMode.OFF),
                AppSettings::describeLiveness, settings::livenessMode, StepUp::weaker, StepUp.Action.WEAKER_LIVENESS,
                settings::setLivenessMode);
        choices(findViewById(R.id.settings_timeouts), AppSettings.TIMEOUTS_MS, AppSettings::describeTimeout, settings::gateTimeoutMs,
                StepUp::longer, StepUp.Action.LONGER_TIMEOUT, settings::setGateTimeoutMs);
        showRatesPerAttempt();

        findViewById(R.id.settings_pin_change).setOnClickListener(v -> changePin());
        findViewById(R.id.settings_diagnostics).setOnClickListener(v -> startActivity(new Intent(this, DiagnosticsActivity.class)));
        if (getIntent().getBooleanExtra(EXTRA_CHANGE_PIN, false)) {
            ((TextView) findViewById(R.id.settings_pin_message)).setText(getResources().getQuantityString(R.plurals.settings_pin_weak, PinRules.MIN_LENGTH, PinRules.MIN_LENGTH));
            findViewById(R.id.settings_pin_current).requestFocus();
        }
        findViewById(R.id.settings_reenroll).setOnClickListener(v -> withFreshPin(StepUp.Action.ENROLL,
                getString(R.string.stepup_reenroll_self), () -> services.io.execute(() -> {
                    Person owner = services.gallery().owner();
                    if (owner != null) services.main.post(() -> startActivity(EnrollActivity.reenroll(this, owner, false)));
                })));
        findViewById(R.id.settings_delete).setOnClickListener(v -> DeleteAll.confirm(this,
                () -> withFreshPin(StepUp.Action.DELETE_ALL, getString(R.string.stepup_delete_all), () -> DeleteAll.delete(this))));
    }

    /**
     * One group of choices. Picking one applies it, after the PIN for {@code action} if {@code weakens} says it is
     * weaker than the current one; without the PIN the current one is picked again.
     */
    private <T> void choices(RadioGroup group, List<T> options, Function<T, String> text, Supplier<T> current,
            BiPredicate<T, T> weakens, StepUp.Action action, Consumer<T> apply) {
        for (T option : options) {
            RadioButton b = new RadioButton(this);
            b.setText(text.apply(option));
            b.setTag(option);
            b.setId(View.generateViewId());
            group.addView(b);
            if (option.equals(current.get())) b.setChecked(true);
            b.setOnCheckedChangeListener((v, on) -> {
                T from = current.get();
                if (!on || option.equals(from)) return;
                if (!weakens.test(from, option)) apply.accept(option);
                else withFreshPin(action, getString(R.string.stepup_weaken, text.apply(option)), () -> apply.accept(option),
                        () -> ((RadioButton) group.findViewWithTag(from)).setChecked(true));
            });
        }
    }

    /**
     * Each level's false-accept rate per attempt for this household: an attempt is compared with everyone who may
     * unlock, so a stranger's chance is about that many times the rate per comparison.
     */
    private void showRatesPerAttempt() {
        services.io.execute(() -> {
            int unlockers = 0;
            for (Person p : services.gallery().people()) if (p.mayUnlock) unlockers++;
            int n = unlockers;
            services.main.post(() -> {
                for (int i = 0; i < levels.getChildCount(); i++) {
                    RadioButton b = (RadioButton) levels.getChildAt(i);
                    b.setText(AppSettings.describeLevel(SecurityLevel.named((String) b.getTag()), n));
                }
            });
        });
    }

    /** Replaces the PIN once the current one is verified; a wrong current PIN counts against the PIN's lockout. */
    private void changePin() {
        EditText current = findViewById(R.id.settings_pin_current), fresh = findViewById(R.id.settings_pin_new),
                again = findViewById(R.id.settings_pin_again);
        TextView message = findViewById(R.id.settings_pin_message);
        Button change = findViewById(R.id.settings_pin_change);
        String old = current.getText().toString(), p = fresh.getText().toString();
        if (old.isEmpty()) {        // not a wrong PIN: nothing entered, nothing counted against the lockout
            message.setText(R.string.settings_pin_current_empty);
            return;
        }
        String problem = PinRules.problem(p, again.getText());
        if (problem != null) {
            message.setText(problem);
            return;
        }
        current.setText("");
        change.setEnabled(false);
        services.io.execute(() -> {
            PinCheck.Result r = services.pinCheck().check(old);
            String error = null;
            if (r.outcome() == PinCheck.Outcome.OK) {
                try {
                    services.pin.set(p);
                } catch (GeneralSecurityException | RuntimeException e) {
                    error = getString(R.string.pin_store_failed, e.getMessage());
                }
            }
            String shown = error;
            services.main.post(() -> {
                change.setEnabled(true);
                if (r.outcome() != PinCheck.Outcome.OK) {
                    message.setText(r.outcome() == PinCheck.Outcome.WRONG && r.lockoutMs() == 0 ? getString(R.string.settings_pin_wrong)
                            : PinMessages.of(this, r));
                } else if (shown != null) {
                    message.setText(shown);
                } else {
                    services.rules().pinUsed();
                    fresh.setText("");
                    again.setText("");
                    message.setText(R.string.settings_pin_changed);
                }
            });
        }, () -> change.setEnabled(true));
    }
}
