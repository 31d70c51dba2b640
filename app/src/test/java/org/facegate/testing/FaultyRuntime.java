package org.facegate.testing;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.facegate.inference.ForwardingModel;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.testing.runtime.DesktopRuntimes;

/**
 * The desktop runtime with a fault injected where only a phone would produce one: a {@code Throwable} when the models
 * open (e.g. {@code UnsatisfiedLinkError} of a native library on a 16 KB-page device) or when one runs (e.g.
 * {@code OutOfMemoryError}, a GPU delegate failing). Records on which threads it was made, models were opened and
 * closed, and it was closed, as a GPU delegate would require all of it on one thread.
 */
public final class FaultyRuntime implements InferenceRuntime {
    private final InferenceRuntime real = DesktopRuntimes.create(2);
    private final Throwable atOpen, atRun;
    private final int runsBeforeFault;
    /** Models opened, runs made, models closed. */
    public final AtomicInteger opened = new AtomicInteger(), runs = new AtomicInteger(), closed = new AtomicInteger();
    /** "made:", "open:", "close:" (a model) and "runtime-close:", each with the thread's name, in order. */
    public final List<String> threads = new CopyOnWriteArrayList<>();

    /** The desktop runtime, recording threads, without faults. */
    public FaultyRuntime() {
        this(null, null, 0);
    }

    /**
     * @param atOpen          thrown by the first open, or null
     * @param atRun           thrown by a run once {@code runsBeforeFault} runs succeeded, or null
     */
    public FaultyRuntime(Throwable atOpen, Throwable atRun, int runsBeforeFault) {
        this.atOpen = atOpen;
        this.atRun = atRun;
        this.runsBeforeFault = runsBeforeFault;
        threads.add("made:" + Thread.currentThread().getName());
    }

    @Override
    public InferenceModel open(ByteBuffer model, String name, ModelOptions options) throws ModelException {
        if (atOpen != null) throwUnchecked(atOpen);
        InferenceModel m = real.open(model, name, options);
        opened.incrementAndGet();
        threads.add("open:" + Thread.currentThread().getName());
        return new ForwardingModel(m) {
            @Override
            public void run(ByteBuffer[] inputs, ByteBuffer[] outputs) {
                if (atRun != null && runs.get() >= runsBeforeFault) throwUnchecked(atRun);
                runs.incrementAndGet();
                model.run(inputs, outputs);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
                threads.add("close:" + Thread.currentThread().getName());
                model.close();
            }
        };
    }

    @Override
    public String description() {
        return "faulty " + real.description();
    }

    @Override
    public void close() {
        threads.add("runtime-close:" + Thread.currentThread().getName());
        real.close();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwUnchecked(Throwable t) throws T {
        throw (T) t;
    }
}
