package org.facegate.applock;

import android.content.ComponentName;
import android.content.Context;
import android.content.Intent;
import android.net.Uri;
import android.os.Bundle;
import android.provider.Settings;
import android.text.Editable;
import android.text.TextWatcher;
import android.view.View;
import android.widget.CheckBox;
import android.widget.CompoundButton;
import android.widget.EditText;
import android.widget.ImageView;
import android.widget.LinearLayout;
import android.widget.RadioButton;
import android.widget.RadioGroup;
import android.widget.Switch;
import android.widget.TextView;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.facegate.R;
import org.facegate.security.StepUp;
import org.facegate.store.LockedApp;
import org.facegate.store.LockedApps;
import org.facegate.store.Person;
import org.facegate.store.Role;
import org.facegate.ui.SecureActivity;

/**
 * Locked apps (owner only): every launchable app with its icon and label, a search field, and per app a switch that
 * locks it; a locked app shows its grace period (immediately, 1, 5 or 15 minutes) and a switch per household member
 * (the owner may always open it). What weakens the lock needs the PIN again ({@link StepUp}): no longer guarding an app,
 * allowing a member, a longer grace period; a choice whose PIN is not given goes back. At the top, whether the app
 * lock's accessibility service is on, and how to turn it on (with the restricted-settings step of Android 13+).
 */
public final class LockedAppsActivity extends SecureActivity {
    private LinearLayout list;
    private TextView message;
    private EditText search;

    @Override
    protected boolean requiresOwner() {
        return true;
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.locked_apps_activity);
        list = findViewById(R.id.locked_apps_list);
        message = findViewById(R.id.locked_apps_message);
        search = findViewById(R.id.locked_apps_search);
        search.addTextChangedListener(new TextWatcher() {
            @Override
            public void beforeTextChanged(CharSequence s, int start, int count, int after) {}

            @Override
            public void onTextChanged(CharSequence s, int start, int before, int count) {}

            @Override
            public void afterTextChanged(Editable s) {
                filter();
            }
        });
        findViewById(R.id.locked_apps_open_settings).setOnClickListener(v -> away(new Intent(Settings.ACTION_ACCESSIBILITY_SETTINGS)));
        findViewById(R.id.locked_apps_app_info).setOnClickListener(v -> away(new Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS,
                Uri.fromParts("package", getPackageName(), null))));
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (isFinishing()) return;
        boolean on = serviceEnabled(this);
        ((TextView) findViewById(R.id.locked_apps_service)).setText(on ? R.string.locked_apps_service_on : R.string.locked_apps_service_off);
        findViewById(R.id.locked_apps_guide).setVisibility(on ? View.GONE : View.VISIBLE);
        refresh();
    }

    /** Whether the user turned the app lock's accessibility service on. */
    public static boolean serviceEnabled(Context c) {
        String enabled = Settings.Secure.getString(c.getContentResolver(), Settings.Secure.ENABLED_ACCESSIBILITY_SERVICES);
        if (enabled == null) return false;
        ComponentName me = new ComponentName(c, AppLockService.class);
        for (String s : enabled.split(":")) {
            if (me.equals(ComponentName.unflattenFromString(s))) return true;
        }
        return false;
    }

    /** To a system screen (the session's handoff allowance covers the trip, as for the photo picker). */
    private void away(Intent to) {
        services.session.handingOff();
        startActivity(to);
    }

    /** Reloads the apps, what is locked and the household (I/O thread), then the list. */
    private void refresh() {
        services.io.execute(() -> {
            List<Packages.App> apps = Packages.launchable(this);
            Map<String, LockedApp> locked = new HashMap<>();
            for (LockedApp a : services.lockedApps().all()) locked.put(a.packageName, a);
            List<Person> people = services.gallery().people();
            services.main.post(() -> show(apps, locked, people));
        });
    }

    private void show(List<Packages.App> apps, Map<String, LockedApp> locked, List<Person> people) {
        list.removeAllViews();
        String owner = "";
        List<Person> members = new ArrayList<>();
        for (Person p : people) {
            if (p.role == Role.OWNER) owner = p.name;
            else members.add(p);
        }
        for (Packages.App app : apps) list.addView(row(app, locked.get(app.packageName()), owner, members));
        filter();
    }

    private View row(Packages.App app, LockedApp locked, String owner, List<Person> members) {
        View row = getLayoutInflater().inflate(R.layout.locked_app_row, list, false);
        row.setTag(app.packageName());
        ((ImageView) row.findViewById(R.id.app_icon)).setImageDrawable(app.info().loadIcon(getPackageManager()));
        ((TextView) row.findViewById(R.id.app_label)).setText(app.label());
        ((TextView) row.findViewById(R.id.app_package)).setText(app.packageName());
        Switch lock = row.findViewById(R.id.app_locked);
        lock.setChecked(locked != null);
        lock.setOnCheckedChangeListener((b, on) -> {
            if (on == (locked != null)) return;      // put back after a PIN not given
            if (on) change(a -> a.lock(app.packageName(), app.label()));
            else withFreshPin(StepUp.Action.UNLOCK_APP, getString(R.string.stepup_unlock_app, app.label()),
                    () -> change(a -> a.unlock(app.packageName())), () -> lock.setChecked(true));
        });
        if (locked == null) return row;
        row.findViewById(R.id.app_options).setVisibility(View.VISIBLE);
        RadioGroup grace = row.findViewById(R.id.app_grace);
        for (long ms : LockedApp.GRACE_MS) {
            RadioButton b = new RadioButton(this);
            b.setText(describeGrace(ms));
            b.setTag(ms);
            b.setId(View.generateViewId());
            grace.addView(b);
            b.setChecked(ms == locked.graceMs);
            b.setOnCheckedChangeListener((v, on) -> {
                if (!on || ms == locked.graceMs) return;
                Runnable apply = () -> change(a -> a.setGrace(app.packageName(), ms));
                if (ms < locked.graceMs) apply.run();
                else withFreshPin(StepUp.Action.LONGER_GRACE, getString(R.string.stepup_grace, app.label(), describeGrace(ms)), apply,
                        () -> ((RadioButton) grace.findViewWithTag(locked.graceMs)).setChecked(true));
            });
        }
        ((TextView) row.findViewById(R.id.app_owner)).setText(getString(R.string.locked_apps_owner_always, owner));
        LinearLayout memberList = row.findViewById(R.id.app_members);
        for (Person p : members) {
            CheckBox may = new CheckBox(this);
            may.setText(getString(R.string.locked_apps_may_open, p.name));
            may.setTag(p.name);
            boolean allowed = locked.allows(p);
            may.setChecked(allowed);
            may.setOnCheckedChangeListener((CompoundButton b, boolean on) -> {
                if (on == allowed) return;
                Runnable apply = () -> change(a -> a.setAllowed(app.packageName(), p.id, on));
                if (!on) apply.run();
                else withFreshPin(StepUp.Action.ALLOW_APP, getString(R.string.stepup_allow_app, p.name, app.label()), apply,
                        () -> may.setChecked(false));
            });
            memberList.addView(may);
        }
        return row;
    }

    private String describeGrace(long ms) {
        if (ms == 0) return getString(R.string.locked_apps_grace_now);
        int minutes = (int) (ms / 60_000);
        return getResources().getQuantityString(R.plurals.locked_apps_grace_minutes, minutes, minutes);
    }

    /** Shows the apps whose label or package contains the search text. */
    private void filter() {
        String q = search.getText().toString().trim().toLowerCase(Locale.ROOT);
        int shown = 0;
        for (int i = 0; i < list.getChildCount(); i++) {
            View row = list.getChildAt(i);
            String label = ((TextView) row.findViewById(R.id.app_label)).getText().toString().toLowerCase(Locale.ROOT);
            boolean match = q.isEmpty() || label.contains(q) || ((String) row.getTag()).toLowerCase(Locale.ROOT).contains(q);
            row.setVisibility(match ? View.VISIBLE : View.GONE);
            if (match) shown++;
        }
        message.setText(shown == 0 && list.getChildCount() > 0 ? getString(R.string.locked_apps_none) : "");
    }

    /** A change to the locked apps. */
    private interface Change {
        void apply(LockedApps apps) throws GeneralSecurityException;
    }

    /** Makes a change off the main thread, tells the app lock, says why if it failed, and reloads the list. */
    private void change(Change c) {
        services.io.execute(() -> {
            String error = null;
            try {
                c.apply(services.lockedApps());
            } catch (GeneralSecurityException e) {
                error = e.getMessage();
            }
            services.refreshAppLock();
            String shown = error;
            services.main.post(() -> {
                message.setText(shown == null ? "" : shown);
                refresh();
            });
        });
    }
}
