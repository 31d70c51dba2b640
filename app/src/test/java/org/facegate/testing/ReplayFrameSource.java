package org.facegate.testing;

import android.app.Activity;
import android.graphics.Bitmap;
import android.view.View;
import android.widget.ImageView;
import java.util.concurrent.atomic.AtomicInteger;
import org.facegate.camera.FrameSource;
import org.facegate.image.RgbImage;

/**
 * A camera that films photos: while started, a background thread offers the photo currently {@link #show shown}
 * about every 15 ms, like a camera at ~60 fps, to the app's sink (which drops frames while the previous one is being
 * processed). The preview shows the photo centre-cropped, as the Camera2 preview is.
 */
public final class ReplayFrameSource implements FrameSource {
    private final ImageView preview;
    private volatile RgbImage frame;
    private volatile Sink sink;
    private Thread thread;
    public final AtomicInteger delivered = new AtomicInteger(), skipped = new AtomicInteger();
    public volatile boolean started;

    public ReplayFrameSource(Activity activity) {
        preview = new ImageView(activity);
        preview.setScaleType(ImageView.ScaleType.CENTER_CROP);
    }

    /** Puts a photo in front of the camera (null: nothing, no frames). Call on the main thread. */
    public void show(Bitmap photo) {
        preview.setImageBitmap(photo);
        frame = photo == null ? null : Photos.rgb(photo);
    }

    @Override
    public View preview() {
        return preview;
    }

    @Override
    public synchronized void start(Sink s) {
        sink = s;
        started = true;
        thread = new Thread(() -> {
            while (sink == s) {
                RgbImage f = frame;
                if (f != null) {
                    if (s.ready()) {
                        s.frame(f);
                        delivered.incrementAndGet();
                    } else {
                        skipped.incrementAndGet();
                    }
                }
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "replay-camera");
        thread.setDaemon(true);
        thread.start();
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
