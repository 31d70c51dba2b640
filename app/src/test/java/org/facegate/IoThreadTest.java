package org.facegate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.os.Handler;
import android.os.Looper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.facegate.testing.Await;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

@RunWith(RobolectricTestRunner.class)
public class IoThreadTest {
    private final List<String> shown = new ArrayList<>();
    private final IoThread io = new IoThread(new Handler(Looper.getMainLooper()), e -> shown.add(e.getMessage() + (Looper.getMainLooper().isCurrentThread() ? " on main" : " elsewhere")));

    @Test
    public void aTaskThatThrowsIsShownOnTheMainThreadAfterItsFailureStepAndTheThreadGoesOn() throws Exception {
        List<String> steps = new ArrayList<>();
        io.execute(() -> {
            throw new IllegalStateException("disk full");
        }, () -> steps.add("button enabled again, shown " + shown.size()));
        io.execute(() -> {
            throw new SecurityException("no key");
        });
        Future<String> next = io.submit(() -> Thread.currentThread().getName());
        assertEquals("the next task runs on the same thread", "facegate-io", next.get());
        Await.until("both shown", () -> shown.size() == 2);
        assertEquals(List.of("button enabled again, shown 0"), steps);
        assertEquals(List.of("disk full on main", "no key on main"), shown);
        io.shutdown();
    }

    @Test
    public void submittedWorkReportsThroughItsFuture() throws Exception {
        Future<?> f = io.submit(() -> {
            throw new IllegalStateException("query failed");
        });
        try {
            f.get();
        } catch (ExecutionException e) {
            assertEquals("query failed", e.getCause().getMessage());
        }
        shadowOf(Looper.getMainLooper()).idle();
        assertTrue("the caller handles it: not shown twice " + shown, shown.isEmpty());
        io.shutdown();
    }
}
