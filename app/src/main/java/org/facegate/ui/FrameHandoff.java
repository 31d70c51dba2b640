package org.facegate.ui;

import org.facegate.camera.CameraFrame;

/**
 * Hands camera frames from the camera thread to the inference thread: one frame may wait while another is analysed,
 * so the camera converts the next frame during inference (the inference thread never waits for a conversion) and
 * never gets further ahead (a frame that would have to wait behind another is not converted). Decides when the
 * analysis job must be queued: once per run of frames, by the camera; then by the job itself while frames keep
 * waiting.
 */
final class FrameHandoff {
    private CameraFrame waiting;
    private boolean scheduled;

    /** Camera thread: whether a frame would be taken now (none waits). */
    synchronized boolean ready() {
        return waiting == null;
    }

    /**
     * Camera thread: a converted frame (replacing, and releasing, one still waiting).
     *
     * @return whether to queue the analysis job (it is neither queued nor running)
     */
    synchronized boolean put(CameraFrame frame) {
        if (waiting != null) waiting.release();
        waiting = frame;
        if (scheduled) return false;
        scheduled = true;
        return true;
    }

    /** Inference thread: the frame to analyse, or null (the job was overtaken by {@link #clear}): then idle. */
    synchronized CameraFrame take() {
        CameraFrame f = waiting;
        waiting = null;
        if (f == null) scheduled = false;
        return f;
    }

    /** Inference thread, after analysing: whether another frame waits (queue the job again); else idle. */
    synchronized boolean next() {
        if (waiting != null) return true;
        scheduled = false;
        return false;
    }

    /** The camera stopped, or the analysis failed: the waiting frame is released, nothing is scheduled. */
    synchronized void clear() {
        if (waiting != null) waiting.release();
        waiting = null;
        scheduled = false;
    }
}
