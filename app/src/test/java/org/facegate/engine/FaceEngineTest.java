package org.facegate.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import androidx.test.core.app.ApplicationProvider;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.facegate.testing.Photos;
import org.facegate.testing.Threads;
import org.facegate.tflite.CpuInterpreterFactory;
import org.facegate.tflite.InterpreterFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.tensorflow.lite.Interpreter;

@RunWith(RobolectricTestRunner.class)
public class FaceEngineTest {
    /** CPU interpreters, recording the threads they are made and closed on (as a GPU delegate would require). */
    static final class RecordingFactory implements InterpreterFactory, AutoCloseable {
        final InterpreterFactory cpu = new CpuInterpreterFactory(2);
        final List<String> threads = new ArrayList<>();

        RecordingFactory() {
            threads.add("factory:" + Thread.currentThread().getName());
        }

        @Override
        public Interpreter create(ByteBuffer model) {
            threads.add("create:" + Thread.currentThread().getName());
            return cpu.create(model);
        }

        @Override
        public String backend() {
            return cpu.backend();
        }

        @Override
        public void close() {
            threads.add("close:" + Thread.currentThread().getName());
        }
    }

    private static void await(CountDownLatch l) throws InterruptedException {
        assertTrue(l.await(60, TimeUnit.SECONDS));
    }

    @Test
    public void framesAreDroppedWhileOneIsProcessedAndEverythingStaysOnTheInferenceThread() throws Exception {
        List<RecordingFactory> made = new ArrayList<>();
        FaceEngine engine = new FaceEngine(new AssetModelSource(ApplicationProvider.getApplicationContext().getAssets()), () -> {
            RecordingFactory f = new RecordingFactory();
            made.add(f);
            return f;
        });
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

        engine.release();           // the last user: models and factory closed, on the same thread
        for (int i = 0; i < 200 && engine.pending() > 0; i++) Thread.sleep(10);
        assertEquals(0, engine.pending());
        assertEquals(1, made.size());
        for (String t : made.get(0).threads) assertTrue(t, t.endsWith(":facegate-inference"));
        assertTrue(made.get(0).threads.get(made.get(0).threads.size() - 1).startsWith("close:"));
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
        List<RecordingFactory> made = new ArrayList<>();
        FaceEngine engine = new FaceEngine(new AssetModelSource(ApplicationProvider.getApplicationContext().getAssets()), () -> {
            RecordingFactory f = new RecordingFactory();
            made.add(f);
            return f;
        });
        int before = Threads.alive("facegate-inference");
        engine.acquire();               // a screen still holds the models: stopping closes them all the same
        List<String> ran = new ArrayList<>();
        engine.post(recording(ran));
        engine.stop();

        assertEquals(List.of("ran:facegate-inference"), ran);
        assertEquals(1, made.size());
        List<String> threads = made.get(0).threads;
        assertEquals("close:facegate-inference", threads.get(threads.size() - 1));
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
    public void withoutAGpuDelegateTheFactoryFallsBackToCpu() {
        // the JVM has no libtensorflowlite_gpu_jni: the device check fails and XNNPACK on CPU is used
        InterpreterFactory f = GpuInterpreterFactory.forThisDevice(2);
        assertTrue(f.backend(), f instanceof CpuInterpreterFactory);
    }
}
