package org.facegate.camera;

import org.facegate.image.LumaPlane;
import org.facegate.image.RgbImage;

/**
 * One camera frame as the screens get it: upright, in the camera's own (unmirrored) view, as RGB and as the luma
 * plane the sensor delivered with it, in arrays its {@link FrameBuffers} reuse. It belongs to the screen from
 * {@link FrameSource.Sink#frame} until {@link #release}; afterwards the source writes another frame into the same
 * arrays, so nothing may keep its pixels (keep sizes, boxes, embeddings).
 */
public final class CameraFrame {
    private final FrameBuffers owner;
    int[] pixels;
    byte[] lumaBytes;
    private RgbImage image;
    private LumaPlane luma;
    private long timeMillis, convertNanos;
    boolean inUse;

    CameraFrame(FrameBuffers owner) {
        this.owner = owner;
    }

    void set(RgbImage image, LumaPlane luma, long timeMillis, long convertNanos) {
        this.image = image;
        this.luma = luma;
        this.timeMillis = timeMillis;
        this.convertNanos = convertNanos;
    }

    /** What converting it took on the camera thread, nanoseconds (for the diagnostics). */
    public long convertNanos() {
        return convertNanos;
    }

    /** The frame, upright and unmirrored (the preview shows it mirrored, as a mirror would). */
    public RgbImage image() {
        return image;
    }

    /** Its luma, as the sensor delivered it, read in {@link #image}'s coordinates. */
    public LumaPlane luma() {
        return luma;
    }

    /**
     * When it was captured (the camera's clock, ms; increasing): liveness challenges are timed on it, not on when
     * processing got round to the frame.
     */
    public long timeMillis() {
        return timeMillis;
    }

    /** Gives the arrays back to the source. */
    public void release() {
        owner.release(this);
    }
}
