package org.facegate.testing;

import android.app.Activity;
import android.graphics.Bitmap;
import android.view.View;
import android.widget.ImageView;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.facegate.camera.CameraFrame;
import org.facegate.camera.CameraSetup;
import org.facegate.camera.FrameBuffers;
import org.facegate.camera.FrameSource;
import org.facegate.camera.YuvPlanes;
import org.facegate.eval.liveness.FramePicker;
import org.facegate.image.RgbImage;

/**
 * A camera that films photos: while started, a background thread offers the photo currently {@link #show shown}
 * about every 15 ms, like a camera at ~60 fps, to the app's sink (which takes a frame only when none waits to be
 * processed), stamped with the wall clock. Or it {@link #play plays} a clip as a phone would process it: the frames a
 * pipeline of the given processed rate picks up ({@link FramePicker}: 4-12 a second with uneven gaps), in order, each
 * waiting until the app is ready for it, stamped with its jittered capture time, so a liveness challenge sees a
 * phone's timing however slowly the desktop runtime processes it. Frames go the way a phone's do: laid on a front
 * camera's sensor ({@link #SENSOR_DEGREES}) as NV21 planes and converted by the app's own {@link FrameBuffers} into
 * upright RGB with its luma plane. The preview shows the photo or the clip's first frame mirrored and centre-cropped,
 * as the Camera2 preview is.
 */
public final class ReplayFrameSource implements FrameSource {
    /** The clockwise turn that makes the replayed sensor's images upright: a typical front camera, phone upright. */
    public static final int SENSOR_DEGREES = 270;

    private final ImageView preview;
    private final FrameBuffers buffers = new FrameBuffers();
    private volatile YuvPlanes frame;
    private volatile List<RgbImage> clip;
    private volatile long clipStartMillis;
    private volatile FramePicker picker;
    /** The capture index of the clip's next frame to deliver. */
    private volatile int next;
    private volatile long lastMillis;
    private volatile Sink sink;
    private Thread thread;
    public final AtomicInteger delivered = new AtomicInteger(), skipped = new AtomicInteger();
    /** Frames of the current clip delivered so far (those the pipeline picked up). */
    public final AtomicInteger played = new AtomicInteger();
    public volatile boolean started;
    private volatile boolean taken;

    public ReplayFrameSource(Activity activity) {
        preview = new ImageView(activity);
        preview.setScaleType(ImageView.ScaleType.CENTER_CROP);
        preview.setScaleX(-1);
    }

    /** Puts a photo in front of the camera (null: nothing, no frames). Call on the main thread. */
    public void show(Bitmap photo) {
        clip = null;
        preview.setImageBitmap(photo);
        frame = photo == null ? null : Yuv.onSensor(Photos.rgb(photo), SENSOR_DEGREES);
    }

    /**
     * Plays {@code frames} (upright, the camera's own unmirrored view, captured at {@code captureFps}) as a phone
     * processing {@code processFps} frames a second picks them up, each delivered once; afterwards the camera sees
     * nothing. {@code preview} is what the screen shows meanwhile. The frame timings are {@link FramePicker}'s for
     * seed 1.
     */
    public void play(List<RgbImage> frames, double captureFps, double processFps, Bitmap preview) {
        play(frames, captureFps, processFps, preview, 1);
    }

    /** {@link #play(List, double, double, Bitmap)} at the frame timings {@link FramePicker} draws for {@code seed}. */
    public void play(List<RgbImage> frames, double captureFps, double processFps, Bitmap preview, long seed) {
        this.preview.setImageBitmap(preview);
        frame = null;
        played.set(0);
        FramePicker p = new FramePicker(captureFps, processFps, seed);
        next = p.next();
        picker = p;
        clipStartMillis = lastMillis + 1000;
        clip = frames;
    }

    /** Another app takes the camera: the sink hears so, as from Camera2FrameSource, and gets no frames meanwhile. */
    public void takenByAnotherApp() {
        Sink s = sink;
        taken = true;
        if (s != null) s.problem(Problem.CAMERA_IN_USE, "taken by another app (replay)");
    }

    /** The other app lets the camera go: frames flow again. */
    public void givenBack() {
        Sink s = sink;
        taken = false;
        if (s != null) s.recovered();
    }

    /** Whether every frame of the clip the pipeline picks up has been delivered. */
    public boolean clipDone() {
        List<RgbImage> c = clip;
        return c != null && next >= c.size();
    }

    @Override
    public View preview() {
        return preview;
    }

    /** A camera that films photos: sizes are the photos'. */
    @Override
    public CameraSetup setup() {
        return started ? new CameraSetup("replay", "photo size", "photo size", SENSOR_DEGREES, "fixed focus (a replay)") : null;
    }

    @Override
    public synchronized void start(Sink s) {
        sink = s;
        started = true;
        thread = new Thread(() -> {
            while (sink == s) {
                if (taken) {
                    pause();
                    continue;
                }
                List<RgbImage> c = clip;
                YuvPlanes f = frame;
                int i = next;
                if (c != null) {
                    if (i < c.size() && s.ready()) {
                        deliver(s, Yuv.onSensor(c.get(i), SENSOR_DEGREES), clipStartMillis + picker.captureMillis(i));
                        played.incrementAndGet();
                        next = picker.next();
                    }
                } else if (f != null) {
                    if (s.ready()) {
                        deliver(s, f, System.nanoTime() / 1_000_000);
                    } else {
                        skipped.incrementAndGet();
                    }
                }
                pause();
            }
        }, "replay-camera");
        thread.setDaemon(true);
        thread.start();
    }

    /** About a 60 fps camera's frame interval. */
    private static void pause() {
        try {
            Thread.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Sink s, YuvPlanes planes, long timeMillis) {
        lastMillis = Math.max(lastMillis, timeMillis);
        CameraFrame f = buffers.convert(planes, SENSOR_DEGREES, lastMillis);
        if (f == null) throw new AssertionError("no free camera frame although the sink was ready: a frame was not released");
        s.frame(f);
        delivered.incrementAndGet();
    }

    @Override
    public synchronized void stop() {
        sink = null;
        started = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }
}
