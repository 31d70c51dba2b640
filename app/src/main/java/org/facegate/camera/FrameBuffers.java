package org.facegate.camera;

/**
 * The arrays camera frames are converted into, reused frame after frame: a frame being processed on the inference
 * thread and the next one, converted meanwhile on the camera thread, so a processed frame costs no new pixel arrays
 * (a 640x480 frame is 1.2 MB of RGB). A frame that finds both in use is dropped unconverted.
 */
public final class FrameBuffers {
    /** One being processed, one converted and waiting: the camera never gets further ahead than that. */
    static final int FRAMES = 2;

    private final YuvConverter converter = new YuvConverter();
    private final CameraFrame[] frames = new CameraFrame[FRAMES];

    public FrameBuffers() {
        for (int i = 0; i < FRAMES; i++) frames[i] = new CameraFrame(this);
    }

    /**
     * Converts {@code in} (the sensor's image) into a free frame: turned upright by {@code rotation}, unmirrored, with
     * its luma plane. Null when every frame is in use. Called on one thread (the camera's). A conversion that throws
     * leaves the frame free.
     */
    public CameraFrame convert(YuvPlanes in, int rotation, long timeMillis) {
        CameraFrame f = null;
        synchronized (this) {
            for (CameraFrame c : frames) {
                if (!c.inUse) {
                    f = c;
                    f.inUse = true;
                    break;
                }
            }
        }
        if (f == null) return null;
        try {
            long t0 = System.nanoTime();
            int n = in.width() * in.height();
            if (f.pixels == null || f.pixels.length < n) {
                f.pixels = new int[n];
                f.lumaBytes = new byte[n];
            }
            f.set(converter.toRgb(in, rotation, false, f.pixels), YuvConverter.luma(in, rotation, f.lumaBytes), timeMillis, System.nanoTime() - t0);
            return f;
        } catch (RuntimeException e) {
            release(f);         // not converted, and nobody else will release it
            throw e;
        }
    }

    synchronized void release(CameraFrame f) {
        if (!f.inUse) throw new IllegalStateException("camera frame released twice");
        f.inUse = false;
    }
}
