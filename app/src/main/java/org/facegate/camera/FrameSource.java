package org.facegate.camera;

import android.app.Activity;
import android.view.View;

/**
 * Where camera screens get their frames: {@link Camera2FrameSource} on a phone, a replay of real photos in tests.
 * All camera code stays behind this interface, so a CameraX adapter could replace the Camera2 one.
 */
public interface FrameSource {
    /** Why a source delivers no frames. */
    enum Problem {
        /** The user refused the camera permission. */
        PERMISSION_DENIED,
        /** The device has no front-facing camera. */
        NO_FRONT_CAMERA,
        /**
         * Another app took the camera, or it is waited for after an error: the source keeps trying while started and
         * calls {@link Sink#recovered} once frames flow again.
         */
        CAMERA_IN_USE,
        /** The camera failed and the source gave up (or a device policy disables it). */
        CAMERA_ERROR
    }

    /** Receives frames; called on the source's own background thread. */
    interface Sink {
        /** Whether a frame would be taken now. When false the source drops the frame without converting it. */
        boolean ready();

        /**
         * A frame, upright and unmirrored (the camera's own view: a left turn of the head is a left turn in it; the
         * preview shows it mirrored, and overlay boxes are mirrored to match). The sink owns it until it calls
         * {@link CameraFrame#release}, and must, once done with it.
         */
        void frame(CameraFrame frame);

        /**
         * The source cannot deliver frames (may be called on any thread): for now ({@link Problem#CAMERA_IN_USE}), or
         * until it is started again (any other problem).
         */
        void problem(Problem problem, String detail);

        /** Frames flow again after {@link Problem#CAMERA_IN_USE} (may be called on any thread). */
        void recovered();
    }

    /** Makes the source for a screen. */
    interface Factory {
        FrameSource create(Activity activity);
    }

    /**
     * The view showing what the source sees, mirrored as a front camera's preview is; created once per source, the
     * screen places it under its overlay.
     */
    View preview();

    /** How the source is set up, once {@link #start started}; null before, or when it could not start. */
    CameraSetup setup();

    /** Starts delivering frames (the screen is resumed and has the camera permission). */
    void start(Sink sink);

    /** Stops and releases the camera (the screen is paused); no frame is delivered after this returns. */
    void stop();
}
