package org.facegate.testing;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.facegate.inference.ForwardingModel;
import org.facegate.inference.InferenceModel;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.inference.ModelOptions;
import org.facegate.testing.runtime.DesktopRuntimes;

/**
 * The desktop runtime, with the runs of one model made to wait while a test holds them: to see what a screen shows
 * while a frame's analysis is still under way.
 */
public final class HeldRuntime implements InferenceRuntime {
    private final InferenceRuntime real = DesktopRuntimes.create(2);
    private final String filePrefix;
    private volatile CountDownLatch held;
    /** Runs waiting now. */
    public final AtomicInteger waiting = new AtomicInteger();

    /** @param filePrefix how the file name of the model whose runs {@link #hold} stops begins */
    public HeldRuntime(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /** Runs of the model wait from now on, until {@link #release}. */
    public void hold() {
        held = new CountDownLatch(1);
    }

    /** Lets the waiting runs, and later ones, go. */
    public void release() {
        CountDownLatch h = held;
        held = null;
        if (h != null) h.countDown();
    }

    @Override
    public InferenceModel open(ByteBuffer bytes, String name, ModelOptions options) throws ModelException {
        InferenceModel m = real.open(bytes, name, options);
        if (!name.startsWith(filePrefix)) return m;
        return new ForwardingModel(m) {
            @Override
            public void run(ByteBuffer[] inputs, ByteBuffer[] outputs) {
                CountDownLatch h = held;
                if (h != null) {
                    waiting.incrementAndGet();
                    try {
                        h.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while held", e);
                    } finally {
                        waiting.decrementAndGet();
                    }
                }
                model.run(inputs, outputs);
            }
        };
    }

    @Override
    public String description() {
        return "held " + real.description();
    }

    @Override
    public void close() {
        real.close();
    }
}
