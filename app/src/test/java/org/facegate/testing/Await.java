package org.facegate.testing;

import static org.junit.Assert.fail;
import static org.robolectric.Shadows.shadowOf;

import android.os.Looper;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Waits for the app's background threads (inference, I/O, replay camera) while running the main looper. Each round
 * lets 20 ms of the app's clock pass (Robolectric's SystemClock only moves when told), so time-based rules such as
 * the enrollment spacing see time go by.
 */
public final class Await {
    private static final long TIMEOUT_S = 120;

    private Await() {}

    public static void until(String what, BooleanSupplier condition) {
        until(() -> what, condition);
    }

    public static void until(Supplier<String> what, BooleanSupplier condition) {
        untilProgressing(what, condition, () -> 0);
    }

    /**
     * Like {@link #until}, but the time limit starts over whenever {@code progress} changes: for a long replay on a
     * busy machine, which fails only when it stalls.
     */
    public static void untilProgressing(Supplier<String> what, BooleanSupplier condition, IntSupplier progress) {
        long deadline = System.nanoTime() + TIMEOUT_S * 1_000_000_000L;
        int seen = progress.getAsInt();
        while (true) {
            shadowOf(Looper.getMainLooper()).idleFor(Duration.ofMillis(20));
            if (condition.getAsBoolean()) return;
            int now = progress.getAsInt();
            if (now != seen) {
                seen = now;
                deadline = System.nanoTime() + TIMEOUT_S * 1_000_000_000L;
            }
            if (System.nanoTime() > deadline) fail("timed out after " + TIMEOUT_S + " s waiting for " + what.get());
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
