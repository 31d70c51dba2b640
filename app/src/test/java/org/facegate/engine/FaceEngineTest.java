package org.facegate.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import androidx.test.core.app.ApplicationProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.facegate.testing.FaultyRuntime;
import org.facegate.testing.Photos;
import org.facegate.testing.Threads;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

@RunWith(RobolectricTestRunner.class)
public class FaceEngineTest {
    private final List<FaultyRuntime> made = new CopyOnWriteArrayList<>();

    private FaceEngine engine(Supplier<FaultyRuntime> runtimes) {
        return new FaceEngine(new AssetModelSource(ApplicationProvider.getApplicationContext().getAssets()), () -> {
            FaultyRuntime r = runtimes.get();
            made.add(r);
            return r;
        });
    }

    private static void await(CountDownLatch l) throws InterruptedException {
        assertTrue(l.await(60, TimeUnit.SECONDS));
    }

    /** Runs a job and waits for it; returns what it recorded ("ran:thread" or "failed:exception"). */
    private static List<String> runAndWait(FaceEngine engine, FaceEngine.Job job) throws InterruptedException {
        List<String> out = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        engine.post(new FaceEngine.Job() {
            @Override
            public void run(FaceModels models) throws Exception {
                job.run(models);            // a throw is reported to failed(), which counts down
                out.add("ran:" + Thread.currentThread().getName());
                done.countDown();
            }

            @Override
            public void failed(Exception e) {
                out.add("failed:" + e);
                done.countDown();
            }
        });
        await(done);
        return out;
    }

    /** A job that detects the faces of a real group photo. */
    private static final FaceEngine.Job DETECT = new FaceEngine.Job() {
        @Override
        public void run(FaceModels models) {
            models.pipeline.process(Photos.rgb(Photos.sample(1)));
        }

        @Override
        public void failed(Exception e) {}
    };

    @Test
    public void framesAreDroppedWhileOneIsProcessedAndEverythingStaysOnTheInferenceThread() throws Exception {
        FaceEngine engine = engine(FaultyRuntime::new);
        engine.acquire();
        CountDownLatch running = new CountDownLatch(1), proceed = new CountDownLatch(1), done = new CountDownLatch(1);
        int[] faces = new int[1];
        String[] thread = new String[1];
        assertTrue(engine.offer(new FaceEngine.Job() {
            @Override
            public void run(FaceModels models) throws Exception {
                running.countDown();
                await(proceed);
                thread[0] = Thread.currentThread().getName();
                faces[0] = models.pipeline.process(Photos.rgb(Photos.sample(1))).size();
                done.countDown();
            }

            @Override
            public void failed(Exception e) {
                throw new AssertionError(e);
            }
        }));
        await(running);
        assertTrue(engine.busy());
        for (int i = 0; i < 3; i++) assertFalse("dropped while busy", engine.offer(null));
        assertEquals(3, engine.droppedFrames());
        proceed.countDown();
        await(done);
        assertEquals(3, faces[0]);
        assertEquals("facegate-inference", thread[0]);
        assertTrue("model open time measured", engine.openMillis() >= 0);

        engine.release();
        engine.trimMemory();            // the system is short of memory: nobody holds the models, they close now
        for (int i = 0; i < 200 && engine.pending() > 0; i++) Thread.sleep(10);
        assertEquals(0, engine.pending());
        assertEquals(1, made.size());
        List<String> threads = made.get(0).threads;
        for (String t : threads) assertTrue(t, t.endsWith(":facegate-inference"));
        assertEquals("models closed before the runtime", "runtime-close:facegate-inference", threads.get(threads.size() - 1));
        assertEquals(made.get(0).opened.get(), made.get(0).closed.get());
        engine.stop();
    }

    @Test
    public void modelsOutliveAScreenChangeAndCloseAfterTheIdleDelay() throws Exception {
        FaceEngine engine = engine(FaultyRuntime::new);
        engine.acquire();
        assertEquals(List.of("ran:facegate-inference"), runAndWait(engine, DETECT));
        engine.release();               // a rotation: pause...
        engine.acquire();               // ...and resume
        engine.release();               // the next screen comes...
        engine.acquire();
        assertEquals(List.of("ran:facegate-inference"), runAndWait(engine, DETECT));
        FaultyRuntime r = made.get(0);
        assertEquals("one runtime for both screens", 1, made.size());
        assertEquals("nothing closed while screens come and go", 0, r.closed.get());

        engine.release();               // the last screen goes
        shadowOf(engine.looper()).idleFor(Duration.ofMillis(FaceEngine.IDLE_CLOSE_MS - 1000));
        assertEquals("still open before the delay", 0, r.closed.get());
        shadowOf(engine.looper()).idleFor(Duration.ofMillis(2000));
        assertEquals("closed after the delay", r.opened.get(), r.closed.get());

        engine.acquire();               // a later screen opens them again
        assertEquals(List.of("ran:facegate-inference"), runAndWait(engine, DETECT));
        assertEquals(2, made.size());
        engine.release();
        engine.stop();
    }

    @Test
    public void trimMemoryLeavesModelsAScreenHolds() throws Exception {
        FaceEngine engine = engine(FaultyRuntime::new);
        engine.acquire();
        runAndWait(engine, DETECT);
        engine.trimMemory();
        runAndWait(engine, DETECT);
        assertEquals(0, made.get(0).closed.get());
        assertEquals(1, made.size());
        engine.release();
        engine.stop();
    }

    @Test
    public void aLinkageErrorAtOpenMakesFaceRecognitionUnavailableWithoutKillingTheThread() throws Exception {
        FaceEngine engine = engine(() -> new FaultyRuntime(new UnsatisfiedLinkError("dlopen failed: libtensorflowlite_jni.so: 16 KB page size"), null, 0));
        engine.acquire();
        List<String> first = runAndWait(engine, DETECT);
        assertEquals(1, first.size());
        assertTrue(first.get(0), first.get(0).startsWith("failed:" + FaceUnavailable.class.getName()));
        assertTrue(first.get(0), first.get(0).contains("16 KB page size"));
        assertTrue(engine.unavailable().getMessage().startsWith("the face models cannot be opened on this phone"));
        // later jobs are told at once; the runtime is not made again
        List<String> second = runAndWait(engine, DETECT);
        assertTrue(second.get(0), second.get(0).startsWith("failed:" + FaceUnavailable.class.getName()));
        assertEquals(1, made.size());
        assertEquals("the runtime is closed", "runtime-close:facegate-inference", made.get(0).threads.get(made.get(0).threads.size() - 1));
        engine.release();
        engine.stop();
    }

    @Test
    public void anOutOfMemoryErrorWhileRunningClosesTheModelsAndMakesFaceRecognitionUnavailable() throws Exception {
        FaceEngine engine = engine(() -> new FaultyRuntime(null, new OutOfMemoryError("Failed to allocate a 4 MB buffer"), 0));
        engine.acquire();
        List<String> r = runAndWait(engine, DETECT);
        assertTrue(r.get(0), r.get(0).startsWith("failed:" + FaceUnavailable.class.getName()));
        assertTrue(r.get(0), r.get(0).contains("OutOfMemoryError"));
        FaultyRuntime rt = made.get(0);
        assertEquals("every model closed", rt.opened.get(), rt.closed.get());
        assertEquals(List.of("failed:" + engine.unavailable()), runAndWait(engine, DETECT));
        engine.release();
        engine.stop();
    }

    @Test
    public void aModelThatThrowsWhileRunningIsAFaultOfTheModelsNotOfTheJob() throws Exception {
        FaceEngine engine = engine(() -> new FaultyRuntime(null, new IllegalStateException("Internal error: GPU delegate failed to invoke"), 3));
        engine.acquire();
        List<String> r = runAndWait(engine, DETECT);
        assertTrue(r.get(0), r.get(0).contains("failed while running"));
        assertTrue(r.get(0), r.get(0).contains("GPU delegate failed to invoke"));
        assertTrue(engine.unavailable() != null);
        engine.release();
        engine.stop();
    }

    @Test
    public void aJobsOwnExceptionFailsThatJobOnly() throws Exception {
        FaceEngine engine = engine(FaultyRuntime::new);
        engine.acquire();
        List<String> r = runAndWait(engine, new FaceEngine.Job() {
            @Override
            public void run(FaceModels models) throws Exception {
                throw new java.io.IOException("database is locked");
            }

            @Override
            public void failed(Exception e) {}
        });
        assertEquals(List.of("failed:java.io.IOException: database is locked"), r);
        assertNull(engine.unavailable());
        assertEquals(List.of("ran:facegate-inference"), runAndWait(engine, DETECT));
        engine.release();
        engine.stop();
    }

    @Test
    public void aFailureHandlerThatThrowsDoesNotEndTheInferenceThread() throws Exception {
        FaceEngine engine = engine(() -> new FaultyRuntime(new NoClassDefFoundError("org/tensorflow/lite/InterpreterApi"), null, 0));
        engine.acquire();
        CountDownLatch told = new CountDownLatch(1);
        engine.post(new FaceEngine.Job() {
            @Override
            public void run(FaceModels models) {}

            @Override
            public void failed(Exception e) {
                told.countDown();
                throw new IllegalStateException("a screen's handler went wrong");
            }
        });
        await(told);
        List<String> after = runAndWait(engine, DETECT);
        assertTrue(after.get(0), after.get(0).startsWith("failed:" + FaceUnavailable.class.getName()));
        engine.release();
        engine.stop();
    }

    /** A job that records that it ran, on which thread. */
    private static FaceEngine.Job recording(List<String> ran) {
        return new FaceEngine.Job() {
            @Override
            public void run(FaceModels models) {
                ran.add("ran:" + Thread.currentThread().getName());
            }

            @Override
            public void failed(Exception e) {
                ran.add("failed:" + e);
            }
        };
    }

    @Test
    public void stopRunsWhatWasPostedClosesTheModelsOnTheThreadAndEndsIt() {
        FaceEngine engine = engine(FaultyRuntime::new);
        int before = Threads.alive("facegate-inference");
        engine.acquire();               // a screen still holds the models: stopping closes them all the same
        List<String> ran = new ArrayList<>();
        engine.post(recording(ran));
        engine.stop();

        assertEquals(List.of("ran:facegate-inference"), ran);
        assertEquals(1, made.size());
        List<String> threads = made.get(0).threads;
        assertEquals("runtime-close:facegate-inference", threads.get(threads.size() - 1));
        assertEquals(0, engine.pending());
        assertEquals("the thread has ended when stop returns", before - 1, Threads.alive("facegate-inference"));

        engine.stop();                  // again: nothing to do
        engine.post(recording(ran));    // afterwards: dropped, neither run nor failed
        assertFalse(engine.offer(recording(ran)));
        engine.release();
        assertEquals(List.of("ran:facegate-inference"), ran);
        assertEquals(0, engine.pending());
        assertEquals(1, made.size());
    }

    @Test
    public void onTheJvmTheAndroidRuntimeFindsNoGpuDelegateAndSaysWhy() {
        // the JVM has no libtensorflowlite_gpu_jni: the device check fails, and every model would go to the CPU
        TfliteRuntime r = TfliteRuntime.forThisDevice(2, null);
        String d = r.description();
        assertTrue(d, d.contains("GPU delegate unavailable: java.lang.UnsatisfiedLinkError"));
        r.close();
    }
}
