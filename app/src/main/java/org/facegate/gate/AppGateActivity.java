package org.facegate.gate;

import android.content.Context;
import android.content.Intent;
import android.os.Bundle;
import android.widget.TextView;
import java.util.ArrayList;
import java.util.List;
import org.facegate.R;
import org.facegate.applock.AppLockService;
import org.facegate.store.Gallery;
import org.facegate.store.LockedApp;
import org.facegate.store.Person;

/**
 * The gate over a locked app, started by {@link AppLockService} when the app comes to the screen: full screen, in a
 * task of its own and excluded from Recents, naming the app it guards. It is {@link GateActivity} with three
 * differences: who may pass is the owner and the members the owner allowed for this app ({@link LockedApp#allows}),
 * not who may unlock FaceGate; a pass opens this app alone ({@link org.facegate.applock.AppLock#passed}) and returns
 * to it, and opens no FaceGate session; a failed attempt (a stranger, a member not allowed, a failed liveness check),
 * Back and Home go to the home screen. Every attempt counts towards the same lockout as the main gate's, and the PIN
 * (the owner's) always passes. A row of the locked app that does not check (or an app no longer locked) lets the owner
 * alone through.
 */
public final class AppGateActivity extends GateActivity {
    static final String EXTRA_PACKAGE = "org.facegate.extra.GUARDED_PACKAGE";

    /** The gate for {@code packageName}, to start from the service (a new task). */
    public static Intent guarding(Context c, String packageName) {
        return new Intent(c, AppGateActivity.class).putExtra(EXTRA_PACKAGE, packageName).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK);
    }

    private String guarded;
    // inference thread, then main
    private volatile String label;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        guarded = getIntent().getStringExtra(EXTRA_PACKAGE);
        super.onCreate(savedInstanceState);
        if (guarded == null && !isFinishing()) home();
        if (isFinishing()) return;
        label = guarded;
        showTitle();
    }

    /** Started again while it shows: for another app, it guards that one from scratch. */
    @Override
    protected void onNewIntent(Intent intent) {
        super.onNewIntent(intent);
        String next = intent.getStringExtra(EXTRA_PACKAGE);
        if (next == null || next.equals(guarded)) return;
        setIntent(intent);
        recreate();
    }

    private void showTitle() {
        ((TextView) findViewById(R.id.gate_title)).setText(getString(R.string.app_gate_title, label));
    }

    /** Passes belong to the app, not to FaceGate's session: an app already open goes back to it. */
    @Override
    protected boolean alreadyPassed() {
        if (!services.appLock.isOpen(guarded)) return false;
        leave();
        finish();
        return true;
    }

    @Override
    protected List<Gallery.Enrolled> candidates(Gallery.Snapshot s) {
        LockedApp app = services.lockedApps().get(guarded);
        if (app != null) {
            label = app.label;
            services.main.post(() -> {
                if (!isFinishing()) showTitle();
            });
        }
        List<Gallery.Enrolled> out = new ArrayList<>();
        for (Gallery.Enrolled e : s.enrolled()) {
            Person p = e.person();
            boolean allowed = app != null ? app.allows(p) : p.role == org.facegate.store.Role.OWNER;
            // in memory only, for this attempt: the row as stored keeps its own may-unlock and MAC
            out.add(new Gallery.Enrolled(p.withMayUnlock(allowed), e.samples()));
        }
        return out;
    }

    @Override
    protected void passed(Person who, boolean byPin) {
        leave();
        services.appLock.passed(guarded);
        finish();
    }

    /** A failed attempt (already counted): out to the home screen; the app can be opened again to try again. */
    @Override
    protected void failed(String message) {
        home();
    }

    @Override
    @SuppressWarnings("deprecation")     // without enableOnBackInvokedCallback, Back still arrives here on Android 13+
    public void onBackPressed() {
        home();
    }

    /** Home or Recents pressed: the gate goes; the app behind it comes back only through a new gate. */
    @Override
    protected void onUserLeaveHint() {
        super.onUserLeaveHint();
        leave();
        finish();
    }

    private void home() {
        leave();
        startActivity(new Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_HOME).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK));
        finish();
    }
}
