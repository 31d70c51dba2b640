package org.facegate.gate;

import android.content.Intent;
import android.os.Bundle;
import android.text.format.DateFormat;
import android.view.View;
import android.widget.TextView;
import java.util.Date;
import java.util.List;
import org.facegate.R;
import org.facegate.applock.LockedAppsActivity;
import org.facegate.household.HouseholdActivity;
import org.facegate.household.WhosHereActivity;
import org.facegate.settings.SettingsActivity;
import org.facegate.store.Person;
import org.facegate.store.UnlockEvent;
import org.facegate.ui.SecureActivity;

/**
 * What the gate protects: the unlocked home screen, with the household, "who's here" and settings, and the recent
 * unlock log. Not exported; {@link SecureActivity} sends it back to the gate whenever the session is locked.
 */
public final class ContentActivity extends SecureActivity {
    private TextView recent;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.content_activity);
        recent = findViewById(R.id.content_recent);
        findViewById(R.id.content_household).setOnClickListener(v -> startActivity(new Intent(this, HouseholdActivity.class)));
        findViewById(R.id.content_whos_here).setOnClickListener(v -> startActivity(new Intent(this, WhosHereActivity.class)));
        findViewById(R.id.content_settings).setOnClickListener(v -> startActivity(new Intent(this, SettingsActivity.class)));
        findViewById(R.id.content_locked_apps).setOnClickListener(v -> startActivity(new Intent(this, LockedAppsActivity.class)));
        findViewById(R.id.content_lock).setOnClickListener(v -> {
            services.session.lock();
            toGate(this);
        });
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (isFinishing()) return;
        ((TextView) findViewById(R.id.content_welcome)).setText(getString(R.string.content_welcome, services.session.name()));
        int owner = services.session.isOwner() ? View.VISIBLE : View.GONE;
        findViewById(R.id.content_household).setVisibility(owner);
        findViewById(R.id.content_settings).setVisibility(owner);
        findViewById(R.id.content_locked_apps).setVisibility(owner);
        services.io.execute(() -> {
            List<UnlockEvent> events = services.db().events().recent(8);
            StringBuilder sb = new StringBuilder();
            for (UnlockEvent e : events) {
                Person p = e.personId == null ? null : services.db().persons().byId(e.personId);
                sb.append(DateFormat.format("yyyy-MM-dd HH:mm", new Date(e.time))).append("  ").append(describe(e.outcome));
                if (p != null) sb.append("  ").append(p.name);
                if (e.score != null) sb.append(String.format(java.util.Locale.ROOT, "  (%.2f)", e.score));
                sb.append('\n');
            }
            services.main.post(() -> recent.setText(sb.toString().trim()));
        });
    }

    private static String describe(UnlockEvent.Outcome o) {
        switch (o) {
            case FACE_MATCH: return "face ✓";
            case FACE_REJECTED: return "face ✗";
            case FACE_SPOOF: return "face ✗ (photo?)";
            case FACE_TIMEOUT: return "face ✗ (liveness timed out)";
            case PIN: return "PIN ✓";
            default: return "PIN ✗";
        }
    }
}
