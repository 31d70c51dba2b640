package org.facegate.applock;

import android.accessibilityservice.AccessibilityService;
import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.content.IntentFilter;
import android.view.accessibility.AccessibilityEvent;
import org.facegate.FaceGateApp;
import org.facegate.Services;
import org.facegate.gate.AppGateActivity;

/**
 * The app lock's eyes: an accessibility service told of window state changes only ({@code res/xml/app_lock_service.xml}:
 * {@code typeWindowStateChanged}, {@code canRetrieveWindowContent="false"}), of which it reads the package name alone
 * and hands it to {@link AppLock}; when that says so it starts the gate for the app ({@link AppGateActivity}). Being
 * bound by the system is what lets it start the gate from the background on Android 10+. Screen-off (a broadcast it
 * listens for while connected) locks every app again. Exported, as the system must bind it, but only to holders of
 * {@code BIND_ACCESSIBILITY_SERVICE}, i.e. the system.
 */
public final class AppLockService extends AccessibilityService {
    private Services services;
    private BroadcastReceiver screenOff;

    @Override
    public void onCreate() {
        super.onCreate();
        services = FaceGateApp.services(this);
    }

    @Override
    protected void onServiceConnected() {
        super.onServiceConnected();
        services.io.execute(() -> {
            services.refreshAppLock();
            // a locked app that came before the configuration is covered now
            AppLock.Decision d = services.appLock.recheck();
            services.main.post(() -> guard(d));
        });
        screenOff = new BroadcastReceiver() {
            @Override
            public void onReceive(Context context, Intent intent) {
                guard(services.appLock.screenOff());
                // keyboards and home screens installed since are known from the next screen-on
                services.io.execute(services::refreshAppLock);
            }
        };
        // a protected broadcast that only the system sends
        registerReceiver(screenOff, new IntentFilter(Intent.ACTION_SCREEN_OFF));
    }

    @Override
    public void onAccessibilityEvent(AccessibilityEvent event) {
        // the configuration asks for nothing else; anything else that arrives is not looked at
        if (event.getEventType() != AccessibilityEvent.TYPE_WINDOW_STATE_CHANGED) return;
        CharSequence pkg = event.getPackageName();
        guard(services.appLock.foreground(pkg == null ? null : pkg.toString()));
    }

    private void guard(AppLock.Decision d) {
        if (d.gate()) startActivity(AppGateActivity.guarding(this, d.packageName()));
    }

    @Override
    public void onInterrupt() {
        // no feedback to interrupt
    }

    @Override
    public void onDestroy() {
        if (screenOff != null) unregisterReceiver(screenOff);
        screenOff = null;
        super.onDestroy();
    }
}
