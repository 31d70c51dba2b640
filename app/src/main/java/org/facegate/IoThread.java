package org.facegate;

import android.os.Handler;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The app's I/O thread: blocking work that is not inference (PIN hashing, database writes from screens), one task at
 * a time. A RuntimeException escaping a task (a Keystore {@code ProviderException}, an SQLite error) would reach the
 * thread's uncaught-exception handler, which on Android ends the process; here it is caught and handed to the main
 * thread instead: the task's own failure step puts its screen back (a button re-enabled), then {@code failures}
 * shows the message. The thread carries on with the next task.
 */
public final class IoThread extends ThreadPoolExecutor {
    private final Handler main;
    private final Consumer<RuntimeException> failures;

    /** @param failures shows a task's failure; runs on {@code main} */
    public IoThread(Handler main, Consumer<RuntimeException> failures) {
        super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "facegate-io");
            t.setDaemon(true);
            return t;
        });
        this.main = main;
        this.failures = failures;
    }

    /** Runs {@code task}; a RuntimeException from it is shown. (Tasks from {@code submit} report through their Future.) */
    @Override
    public void execute(Runnable task) {
        execute(task, null);
    }

    /**
     * Runs {@code task}; if it throws a RuntimeException, runs {@code onFailure} (null: nothing) on the main thread and
     * shows the exception.
     */
    public void execute(Runnable task, Runnable onFailure) {
        super.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                main.post(() -> {
                    if (onFailure != null) onFailure.run();
                    failures.accept(e);
                });
            }
        });
    }
}
