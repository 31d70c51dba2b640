package org.facegate;

import android.app.Activity;
import android.app.Application;
import android.content.Context;
import android.os.Bundle;
import org.facegate.gate.AppGateActivity;

/**
 * Holds the {@link Services} and watches whether any of the app's screens is visible, to lock the session when the
 * app has been in the background longer than the gate timeout (the gate over a locked app does not count as one).
 */
public final class FaceGateApp extends Application {
    private Services services;
    private int started;

    @Override
    public void onCreate() {
        super.onCreate();
        services = new Services(this);
        registerActivityLifecycleCallbacks(new ActivityLifecycleCallbacks() {
            @Override
            public void onActivityStarted(Activity a) {
                if (overAnotherApp(a)) return;
                if (started++ == 0) {
                    services.session.foregrounded(services.clock.elapsedRealtime(), services.settings.gateTimeoutMs());
                }
            }

            @Override
            public void onActivityStopped(Activity a) {
                if (overAnotherApp(a)) return;
                // a rotation stops and restarts the screen: not a trip to the background
                if (--started == 0 && !a.isChangingConfigurations()) services.session.backgrounded(services.clock.elapsedRealtime());
            }

            @Override
            public void onActivityCreated(Activity a, Bundle b) {}

            @Override
            public void onActivityResumed(Activity a) {}

            @Override
            public void onActivityPaused(Activity a) {}

            @Override
            public void onActivitySaveInstanceState(Activity a, Bundle b) {}

            @Override
            public void onActivityDestroyed(Activity a) {}
        });
    }

    /**
     * The gate over a locked app is not one of FaceGate's own screens: while it shows, FaceGate's session is in the
     * background as much as when any other app shows.
     */
    private static boolean overAnotherApp(Activity a) {
        return a instanceof AppGateActivity;
    }

    /** The system is short of memory: face models no screen is using are closed now (they reopen on demand). */
    @Override
    public void onTrimMemory(int level) {
        super.onTrimMemory(level);
        services.engine().trimMemory();
    }

    /**
     * Never called on a phone, where the process is killed without notice; emulated processes get it (Robolectric,
     * after each test), and each test's threads would otherwise stay behind.
     */
    @Override
    public void onTerminate() {
        services.close();
        super.onTerminate();
    }

    /** The app's services. */
    public static Services services(Context context) {
        return ((FaceGateApp) context.getApplicationContext()).services;
    }
}
