package org.facegate.security;

import android.content.ContentResolver;
import android.os.SystemClock;
import android.provider.Settings;

/**
 * The clocks the gate's rules run on: time since boot (monotonic, immune to the user changing the date) and a boot
 * counter (a reboot demands the PIN, like the platform's biometric rules).
 */
public interface DeviceClock {
    /** Milliseconds since boot, including deep sleep. */
    long elapsedRealtime();

    /** Number of boots so far, or -1 when the device does not say. */
    int bootCount();

    /** The device's clocks. */
    static DeviceClock system(ContentResolver resolver) {
        return new DeviceClock() {
            @Override
            public long elapsedRealtime() {
                return SystemClock.elapsedRealtime();
            }

            @Override
            public int bootCount() {
                return Settings.Global.getInt(resolver, Settings.Global.BOOT_COUNT, -1);
            }
        };
    }
}
