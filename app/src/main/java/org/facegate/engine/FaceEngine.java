package org.facegate.engine;

import android.os.Handler;
import android.os.HandlerThread;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.facegate.tflite.InterpreterFactory;

/**
 * The one thread all inference runs on. The interpreter factory (and so any GPU delegate), the models, every
 * inference and the closing all happen on this thread, which is what TFLite's GPU delegate requires. Models are
 * opened on first use and closed when the last screen using them {@link #release releases} them. Camera frames are
 * {@link #offer offered}: while a frame is being processed, further frames are dropped, so a slow phone processes
 * fewer frames instead of building a growing queue. {@link #stop} ends the thread.
 */
public final class FaceEngine {
    /** Work that needs the models; runs on the inference thread. */
    public interface Job {
        void run(FaceModels models) throws Exception;

        /** The models could not be opened, or {@link #run} threw. Runs on the inference thread. */
        void failed(Exception e);
    }

    private final AssetModelSource assets;
    private final Supplier<InterpreterFactory> factories;
    private final HandlerThread thread;
    private final Handler handler;
    private final AtomicBoolean frameBusy = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private int users;
    private boolean stopped;
    // confined to the inference thread
    private InterpreterFactory factory;
    private FaceModels models;

    /**
     * @param factories makes the interpreter factory; called on the inference thread (GPU delegates are thread-bound)
     */
    public FaceEngine(AssetModelSource assets, Supplier<InterpreterFactory> factories) {
        this.assets = assets;
        this.factories = factories;
        thread = new HandlerThread("facegate-inference");
        thread.start();
        handler = new Handler(thread.getLooper());
    }

    /** A screen starts using the engine (e.g. on resume). */
    public synchronized void acquire() {
        users++;
    }

    /** A screen stops using it (on pause): the last one out closes the models, on the inference thread. */
    public synchronized void release() {
        if (users == 0) throw new IllegalStateException("release without acquire");
        if (--users == 0) submit(this::closeModels);
    }

    /** Runs a job on the inference thread, after every job posted before it. */
    public void post(Job job) {
        submit(() -> runJob(job));
    }

    /**
     * Runs a frame job unless one is still running, in which case the frame is dropped.
     *
     * @return whether the job was accepted
     */
    public boolean offer(Job job) {
        if (!frameBusy.compareAndSet(false, true)) {
            dropped.incrementAndGet();
            return false;
        }
        boolean queued = submit(() -> {
            try {
                runJob(job);
            } finally {
                frameBusy.set(false);
            }
        });
        if (!queued) frameBusy.set(false);
        return queued;
    }

    /** Whether a frame job is queued or running (frames offered now would be dropped). */
    public boolean busy() {
        return frameBusy.get();
    }

    /** Jobs queued or running. */
    public int pending() {
        return pending.get();
    }

    /** Frames dropped because the previous one was still being processed. */
    public int droppedFrames() {
        return dropped.get();
    }

    /**
     * Ends the inference thread: the jobs already posted run, then the models and the interpreter factory are closed
     * on the thread (whether or not a screen still holds them), and the thread ends. Waits for that, unless called on
     * the inference thread itself. Jobs posted and frames offered afterwards are dropped without running. Calling it
     * again does nothing.
     *
     * <p>For the end of the process: {@code FaceGateApp.onTerminate}, which only emulated processes (the JVM tests)
     * get. On a phone the process is killed without notice; the models are already closed by then, since the last
     * screen {@link #release released} them on pause, and an idle thread costs nothing.
     */
    public void stop() {
        synchronized (this) {
            if (stopped) return;
            submit(this::closeAll);
            stopped = true;
        }
        thread.quitSafely();
        if (Thread.currentThread() == thread) return;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Whether the job was queued (not after {@link #stop}). Queues under the lock, so never behind the closing. */
    private synchronized boolean submit(Runnable r) {
        if (stopped) return false;
        pending.incrementAndGet();
        handler.post(() -> {
            try {
                r.run();
            } finally {
                pending.decrementAndGet();
            }
        });
        return true;
    }

    private void runJob(Job job) {
        try {
            if (models == null) {
                factory = factories.get();
                try {
                    models = FaceModels.open(assets, factory);
                } catch (Exception e) {
                    closeFactory();
                    throw e;
                }
            }
            job.run(models);
        } catch (Exception e) {
            job.failed(e);
        }
    }

    private void closeModels() {
        synchronized (this) {
            if (users > 0) return;          // reacquired before this ran
        }
        closeAll();
    }

    private void closeAll() {
        if (models != null) {
            models.close();
            models = null;
        }
        closeFactory();
    }

    /** Delegates are closed after the interpreters that use them, on this same thread. */
    private void closeFactory() {
        if (factory instanceof AutoCloseable) {
            try {
                ((AutoCloseable) factory).close();
            } catch (Exception e) {
                // nothing left to release
            }
        }
        factory = null;
    }
}
