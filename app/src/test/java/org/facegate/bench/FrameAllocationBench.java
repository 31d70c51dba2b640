package org.facegate.bench;

import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.facegate.camera.CameraFrame;
import org.facegate.camera.FrameBuffers;
import org.facegate.camera.YuvPlanes;
import org.facegate.diagnostics.FrameTimings;
import org.facegate.engine.FaceModels;
import org.facegate.enroll.Enroller;
import org.facegate.enroll.QualityGate;
import org.facegate.enroll.QualityReport;
import org.facegate.gate.UnlockAttempt;
import org.facegate.image.RgbImage;
import org.facegate.liveness.LivenessMode;
import org.facegate.match.Matcher;
import org.facegate.match.SecurityLevel;
import org.facegate.store.Gallery;
import org.facegate.store.Person;
import org.facegate.store.Role;
import org.facegate.testing.Photos;
import org.facegate.testing.TestModels;
import org.facegate.testing.Yuv;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/**
 * Bytes allocated per processed gate frame on the JVM path (measurement, not a test: skipped unless
 * {@code -Dfacegate.bench=true}). The selfie clip of {@code shared/eval/liveness}, each frame cropped to 480x640 (a
 * 640x480 analysis stream turned upright) and laid on a front camera's sensor (NV21, sensor at 270 degrees), goes
 * through what the phone does per processed frame: the camera thread's conversion into the reused
 * {@link FrameBuffers}, then the gate's unlock attempt with active liveness (luma from the plane) against the man
 * enrolled from one of its frames. {@code ThreadMXBean#getThreadAllocatedBytes}
 * of this thread before and after each step; the first {@link #WARM_UP} frames (buffers made, JIT) are left out.
 *
 * <pre>mvn -o -pl app -am verify -Dtest=FrameAllocationBench -Dsurefire.failIfNoSpecifiedTests=false -Dfacegate.bench=true</pre>
 */
@RunWith(RobolectricTestRunner.class)
public class FrameAllocationBench {
    static final int WARM_UP = 30, LOOPS = 2, FPS = 12, ENROLL_FRAME = 35, SENSOR_DEGREES = 270;

    @Test
    public void bytesPerProcessedFrame() throws Exception {
        assumeTrue("allocation benchmark: run with -Dfacegate.bench=true", Boolean.getBoolean("facegate.bench"));
        String dir = System.getProperty("facegate.liveness");
        File clip = new File(dir, "real/blinkdetector_video");
        assumeTrue("liveness clip not found (-Dfacegate.liveness=" + dir + "): skipped", clip.isDirectory());
        List<RgbImage> upright = new ArrayList<>();
        for (int i = 1; new File(clip, String.format("frame_%04d.jpg", i)).isFile(); i++) {
            RgbImage f = Photos.rgb(new File(clip, String.format("frame_%04d.jpg", i)));
            upright.add(f.crop(0, (f.height() - 640) / 2, 480, 640));
        }
        List<YuvPlanes> sensor = new ArrayList<>();
        for (RgbImage f : upright) sensor.add(Yuv.onSensor(f, SENSOR_DEGREES));

        try (FaceModels models = TestModels.open()) {
            Enroller enroller = new Enroller(models.detector, models.embedder, QualityGate.DEFAULT, new Matcher(SecurityLevel.standard()));
            RgbImage photo = upright.get(ENROLL_FRAME - 1);
            QualityReport r = enroller.check(photo);
            if (!r.ok()) throw new AssertionError("enrollment frame refused: " + r.issues());
            Gallery.Enrolled owner = new Gallery.Enrolled(new Person(1, "Owner", Role.OWNER, true, 0, new byte[0]), List.of(enroller.sample(photo, r).embedding()));
            UnlockAttempt attempt = new UnlockAttempt(new Matcher(SecurityLevel.standard()), List.of(owner), LivenessMode.ACTIVE, () -> UnlockAttempt.randomOrder(0),
                    new FrameTimings());
            FrameBuffers buffers = new FrameBuffers();
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            int n = LOOPS * sensor.size();
            long[] convert = new long[n], analyse = new long[n];
            for (int k = 0; k < n; k++) {
                long t = k * 1000L / FPS;
                long a0 = mx.getCurrentThreadAllocatedBytes();
                CameraFrame frame = buffers.convert(sensor.get(k % sensor.size()), SENSOR_DEGREES, t);
                long a1 = mx.getCurrentThreadAllocatedBytes();
                attempt.frame(models, frame.image(), frame.luma(), t, first -> {});
                frame.release();
                long a2 = mx.getCurrentThreadAllocatedBytes();
                convert[k] = a1 - a0;
                analyse[k] = a2 - a1;
            }
            report("convert", convert);
            report("analyse", analyse);
            long[] total = new long[n];
            for (int k = 0; k < n; k++) total[k] = convert[k] + analyse[k];
            report("total", total);
        }
    }

    private static void report(String what, long[] bytes) {
        long[] steady = Arrays.copyOfRange(bytes, WARM_UP, bytes.length);
        long sum = 0;
        for (long b : steady) sum += b;
        Arrays.sort(steady);
        System.out.printf(Locale.ROOT, "[alloc] %-8s per processed frame (%d frames after %d warm-up): median %,d B, mean %,d B, p90 %,d B, max %,d B%n",
                what, steady.length, WARM_UP, steady[steady.length / 2], sum / steady.length, steady[steady.length * 9 / 10], steady[steady.length - 1]);
    }
}
