package org.facegate.engine;

import android.os.Handler;
import android.os.HandlerThread;
import android.os.SystemClock;
import android.util.Log;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.facegate.inference.InferenceRuntime;

/**
 * The one thread all inference runs on. The runtime (and so any GPU delegate), the models, every inference and the
 * closing all happen on this thread, which is what TFLite's GPU delegate requires. Models are opened on first use and
 * kept while screens come and go (a rotation or a move to the next screen reuses them); they are closed
 * {@link #IDLE_CLOSE_MS} after the last screen {@link #release released} them, or at once on {@link #trimMemory}.
 * Camera frames are {@link #offer offered}: while a frame is being processed, further frames are dropped, so a slow
 * phone processes fewer frames instead of building a growing queue. {@link #stop} ends the thread.
 *
 * <p>Nothing a model throws kills the process. Any {@code Throwable} from opening the models, and any {@code Error}
 * or model failure while a job runs ({@code LinkageError} such as a native library that does not load on a 16 KB-page
 * device, {@code OutOfMemoryError}, a GPU delegate failure), closes the models and makes face recognition
 * {@link #unavailable()} for the rest of the process: every job is then told so ({@link FaceUnavailable}) and the
 * screens offer the PIN.
 */
public final class FaceEngine {
    /** Models stay open this long after the last screen released them: a screen change or a rotation reuses them. */
    public static final long IDLE_CLOSE_MS = 30_000;
    private static final String TAG = "FaceGate";

    /** Work that needs the models; runs on the inference thread. */
    public interface Job {
        void run(FaceModels models) throws Exception;

        /**
         * {@link #run} threw, or face recognition is unavailable in this process ({@link FaceUnavailable}, whose
         * message says why). Runs on the inference thread.
         */
        void failed(Exception e);
    }

    private final AssetModelSource assets;
    private final Supplier<InferenceRuntime> runtimes;
    private final HandlerThread thread;
    private final Handler handler;
    private final AtomicBoolean frameBusy = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Object idleClose = new Object();
    private int users;
    private boolean stopped;
    private volatile FaceUnavailable unavailable;
    private volatile long openMillis = -1;
    private volatile String modelReport;
    // confined to the inference thread
    private InferenceRuntime runtime;
    private FaceModels models;

    /** @param runtimes makes the inference runtime; called on the inference thread (GPU delegates are thread-bound) */
    public FaceEngine(AssetModelSource assets, Supplier<InferenceRuntime> runtimes) {
        this.assets = assets;
        this.runtimes = runtimes;
        thread = new HandlerThread("facegate-inference");
        thread.start();
        handler = new Handler(thread.getLooper());
    }

    /** A screen starts using the engine (e.g. on resume): open models stay open. */
    public synchronized void acquire() {
        users++;
        handler.removeCallbacksAndMessages(idleClose);
    }

    /** A screen stops using it (on pause): the last one out lets the models close after {@link #IDLE_CLOSE_MS}. */
    public synchronized void release() {
        if (users == 0) throw new IllegalStateException("release without acquire");
        // not counted in pending(): a delayed close is not work in progress, and stop() drops it
        if (--users == 0 && !stopped) handler.postAtTime(this::closeModels, idleClose, SystemClock.uptimeMillis() + IDLE_CLOSE_MS);
    }

    /**
     * The system asks the app to free memory ({@code onTrimMemory}): models no screen is using are closed now, without
     * waiting for the idle delay. The next screen opens them again.
     */
    public synchronized void trimMemory() {
        if (users > 0 || stopped) return;
        handler.removeCallbacksAndMessages(idleClose);
        submit(this::closeModels);
    }

    /** The inference thread's looper (tests advance its clock). */
    android.os.Looper looper() {
        return thread.getLooper();
    }

    /** Why face recognition cannot run in this process, or null while it can. */
    public FaceUnavailable unavailable() {
        return unavailable;
    }

    /**
     * The runtime, where each model runs and why, and the GPU self-test's finding, one per line, as of the last opening of
     * the models; null before the first.
     */
    public String modelReport() {
        return modelReport;
    }

    /** Milliseconds the last opening of the models took (runtime and all models), or -1 before the first. */
    public long openMillis() {
        return openMillis;
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
     * Ends the inference thread: the jobs already posted run, then the models and the runtime are closed
     * on the thread (whether or not a screen still holds them), and the thread ends. Waits for that, unless called on
     * the inference thread itself. Jobs posted and frames offered afterwards are dropped without running. Calling it
     * again does nothing.
     *
     * <p>For the end of the process: {@code FaceGateApp.onTerminate}, which only emulated processes (the JVM tests)
     * get. On a phone the process is killed without notice; the models are closed by then unless a screen used them in
     * the last {@link #IDLE_CLOSE_MS}, and an idle thread costs nothing.
     */
    public void stop() {
        synchronized (this) {
            if (stopped) return;
            handler.removeCallbacksAndMessages(idleClose);
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
        if (unavailable == null && models == null) open();
        FaceUnavailable u = unavailable;
        if (u != null) {
            failed(job, u);
            return;
        }
        try {
            job.run(models);
        } catch (ModelFault e) {
            failed(job, markUnavailable(e.getMessage(), e));
        } catch (Exception e) {
            failed(job, e);
        } catch (Throwable t) {
            // an Error out of a model or the job (LinkageError, OutOfMemoryError): the models cannot be trusted now
            failed(job, markUnavailable("face recognition failed: " + t, t));
        }
    }

    /** Tells a job it failed; a throw from there must not end the inference thread, and with it the process. */
    private static void failed(Job job, Exception e) {
        try {
            job.failed(e);
        } catch (Throwable t) {
            Log.e(TAG, "a job's failure handler threw", t);
        }
    }

    private void open() {
        long t0 = SystemClock.elapsedRealtime();
        try {
            runtime = runtimes.get();
            GuardedRuntime guarded = new GuardedRuntime(runtime);
            models = FaceModels.open(assets, guarded);
            openMillis = SystemClock.elapsedRealtime() - t0;
            StringBuilder sb = new StringBuilder(runtime.description());
            for (String p : guarded.placements) sb.append('\n').append(p);
            modelReport = sb.append('\n').append(models.selfTest).toString();
        } catch (Throwable t) {
            markUnavailable("the face models cannot be opened on this phone: " + t.getMessage(), t);
        }
    }

    /** Records why face recognition cannot run, logs it and closes whatever is open. Inference thread. */
    private FaceUnavailable markUnavailable(String reason, Throwable cause) {
        FaceUnavailable u = new FaceUnavailable(reason, cause);
        unavailable = u;
        Log.e(TAG, "face recognition unavailable for this process: " + reason, cause);
        closeAll();
        return u;
    }

    private void closeModels() {
        synchronized (this) {
            if (users > 0) return;          // reacquired before this ran
        }
        closeAll();
    }

    /** Closes the models, then the runtime (delegates after the interpreters that use them), on this thread. */
    private void closeAll() {
        try {
            if (models != null) models.close();
        } catch (Throwable t) {
            Log.w(TAG, "closing the face models failed", t);
        }
        models = null;
        try {
            if (runtime != null) runtime.close();
        } catch (Throwable t) {
            Log.w(TAG, "closing the inference runtime failed", t);
        }
        runtime = null;
    }
}
