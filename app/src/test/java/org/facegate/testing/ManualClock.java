package org.facegate.testing;

import org.facegate.security.DeviceClock;

/** A device clock that tests move by hand: time since boot and the boot count stay as set. */
public final class ManualClock implements DeviceClock {
    public long now;
    public int boot;

    public ManualClock(long now, int boot) {
        this.now = now;
        this.boot = boot;
    }

    /** Stopped at what {@code clock} shows now. */
    public static ManualClock at(DeviceClock clock) {
        return new ManualClock(clock.elapsedRealtime(), clock.bootCount());
    }

    @Override
    public long elapsedRealtime() {
        return now;
    }

    @Override
    public int bootCount() {
        return boot;
    }
}
