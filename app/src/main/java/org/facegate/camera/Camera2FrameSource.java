package org.facegate.camera;

import android.Manifest;
import android.app.Activity;
import android.content.Context;
import android.content.pm.PackageManager;
import android.graphics.ImageFormat;
import android.graphics.Point;
import android.graphics.Rect;
import android.graphics.SurfaceTexture;
import android.hardware.camera2.CameraAccessException;
import android.hardware.camera2.CameraCaptureSession;
import android.hardware.camera2.CameraCharacteristics;
import android.hardware.camera2.CameraDevice;
import android.hardware.camera2.CameraManager;
import android.hardware.camera2.CaptureRequest;
import android.hardware.camera2.params.StreamConfigurationMap;
import android.hardware.display.DisplayManager;
import android.media.Image;
import android.media.ImageReader;
import android.os.Handler;
import android.os.HandlerThread;
import android.os.Looper;
import android.util.Size;
import android.view.Display;
import android.view.Surface;
import android.view.TextureView;
import android.view.View;
import java.util.ArrayList;
import java.util.List;

/**
 * The front camera through Camera2, all in this class: preview on a {@link TextureView} at a display-sized
 * resolution, frames from an {@link ImageReader} in YUV_420_888 at about 640x480 converted into reused
 * {@link FrameBuffers} as upright, unmirrored RGB with their luma planes (turned by the sensor orientation and the
 * display rotation, which a {@link DisplayManager.DisplayListener} follows: a 180-degree turn recreates no screen).
 * Frames arrive on a background thread; {@link ImageReader#acquireLatestImage} skips what piled up and a frame is
 * converted only when the sink is ready for it (the next one may be converted while one is processed), so nothing
 * queues up. Opened in {@link #start} (on resume) and
 * released in {@link #stop} (on pause); in between {@link CameraLifecycle} decides when to reopen (another app took the
 * camera, a device error) and which callbacks are stale. Having given up (a problem other than
 * {@link Problem#CAMERA_IN_USE}), the source releases its thread, reader and listeners itself, since the screen has no
 * camera to stop; and a {@link #start} on a started source stops the running one first.
 */
public final class Camera2FrameSource implements FrameSource {
    private final Activity activity;
    private final TextureView preview;
    private final CameraManager manager;
    private final DisplayManager displays;
    private final Handler main = new Handler(Looper.getMainLooper());
    private final Object lock = new Object();
    private final FrameBuffers buffers = new FrameBuffers();
    // guarded by lock
    private final CameraLifecycle life;
    private Sink sink;
    private HandlerThread thread;
    private Handler handler;
    private String cameraId;
    private int sensorDegrees;
    private Size analysisSize, previewSize;
    private Integer focusMode;
    private CameraDevice camera;
    private CameraCaptureSession session;
    private Surface previewSurface;
    private ImageReader reader;
    /** Read by the camera thread for each frame; written when the display turns. */
    private volatile int rotation;

    private final CameraManager.AvailabilityCallback availability = new CameraManager.AvailabilityCallback() {
        @Override
        public void onCameraAvailable(String id) {
            synchronized (lock) {
                if (id.equals(cameraId)) life.available();
            }
        }

        /** API 29+: e.g. this screen became the focused one in multi-window, and may now take the camera back. */
        @Override
        public void onCameraAccessPrioritiesChanged() {
            synchronized (lock) {
                life.available();
            }
        }
    };

    private final DisplayManager.DisplayListener displayListener = new DisplayManager.DisplayListener() {
        @Override
        public void onDisplayChanged(int displayId) {
            if (displayId != Display.DEFAULT_DISPLAY) return;
            synchronized (lock) {
                if (sink == null) return;
                rotation = CameraGeometry.frameRotation(sensorDegrees, displayDegrees(), true);
            }
            configureTransform();
        }

        @Override
        public void onDisplayAdded(int displayId) {}

        @Override
        public void onDisplayRemoved(int displayId) {}
    };

    public Camera2FrameSource(Activity activity) {
        this.activity = activity;
        this.preview = new TextureView(activity);
        this.manager = (CameraManager) activity.getSystemService(Context.CAMERA_SERVICE);
        this.displays = (DisplayManager) activity.getSystemService(Context.DISPLAY_SERVICE);
        this.life = new CameraLifecycle(new Actions());
        preview.setSurfaceTextureListener(new TextureView.SurfaceTextureListener() {
            @Override
            public void onSurfaceTextureAvailable(SurfaceTexture st, int w, int h) {
                configureTransform();
                synchronized (lock) {
                    // the camera may have opened before the preview surface existed: a session with both
                    life.surface(true);
                }
            }

            @Override
            public void onSurfaceTextureSizeChanged(SurfaceTexture st, int w, int h) {
                configureTransform();
            }

            @Override
            public boolean onSurfaceTextureDestroyed(SurfaceTexture st) {
                synchronized (lock) {
                    life.surface(false);
                }
                return true;
            }

            @Override
            public void onSurfaceTextureUpdated(SurfaceTexture st) {}
        });
    }

    @Override
    public View preview() {
        return preview;
    }

    @Override
    public void start(Sink s) {
        stop();     // started twice without a stop: the first run's thread, reader and listeners are let go
        if (activity.checkSelfPermission(Manifest.permission.CAMERA) != PackageManager.PERMISSION_GRANTED) {
            s.problem(Problem.PERMISSION_DENIED, "camera permission not granted");
            return;
        }
        String id;
        CameraCharacteristics ch;
        try {
            id = frontCamera();
            if (id == null) {
                s.problem(Problem.NO_FRONT_CAMERA, "no front-facing camera among " + manager.getCameraIdList().length + " cameras");
                return;
            }
            ch = manager.getCameraCharacteristics(id);
        } catch (CameraAccessException e) {
            s.problem(Problem.CAMERA_ERROR, e.getMessage());
            return;
        }
        Integer sensor = ch.get(CameraCharacteristics.SENSOR_ORIENTATION);
        StreamConfigurationMap map = ch.get(CameraCharacteristics.SCALER_STREAM_CONFIGURATION_MAP);
        Rect active = ch.get(CameraCharacteristics.SENSOR_INFO_ACTIVE_ARRAY_SIZE);
        Size analysis = CameraGeometry.analysisSize(map == null ? null : map.getOutputSizes(ImageFormat.YUV_420_888),
                active == null || active.isEmpty() ? new Size(4, 3) : new Size(active.width(), active.height()));
        Point display = new Point();
        activity.getWindowManager().getDefaultDisplay().getRealSize(display);
        synchronized (lock) {
            sink = s;
            cameraId = id;
            sensorDegrees = sensor == null ? 270 : sensor;
            rotation = CameraGeometry.frameRotation(sensorDegrees, displayDegrees(), true);
            analysisSize = analysis;
            previewSize = CameraGeometry.previewSize(map == null ? null : map.getOutputSizes(SurfaceTexture.class), analysis, display.x, display.y);
            focusMode = focusMode(ch.get(CameraCharacteristics.CONTROL_AF_AVAILABLE_MODES));
            thread = new HandlerThread("facegate-camera");
            thread.start();
            handler = new Handler(thread.getLooper());
            reader = ImageReader.newInstance(analysis.getWidth(), analysis.getHeight(), ImageFormat.YUV_420_888, 2);
            reader.setOnImageAvailableListener(this::onImage, handler);
            manager.registerAvailabilityCallback(availability, handler);
            displays.registerDisplayListener(displayListener, main);
            life.start(preview.isAvailable());
        }
        configureTransform();
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (sink == null) return;
            life.stop();
            release();
        }
    }

    /**
     * Lets go of what {@link #start} made: the listeners, the reader and the camera thread (dropping pending retries).
     * Under the lock, with the camera already closed by the lifecycle.
     */
    private void release() {
        sink = null;
        manager.unregisterAvailabilityCallback(availability);
        displays.unregisterDisplayListener(displayListener);
        reader.close();
        reader = null;
        thread.quitSafely();
        thread = null;
        handler = null;
    }

    @Override
    public CameraSetup setup() {
        synchronized (lock) {
            if (analysisSize == null) return null;
            return new CameraSetup(cameraId, analysisSize.toString(), previewSize.toString(), sensorDegrees,
                    focusMode == null ? "fixed focus (no continuous mode listed)"
                            : focusMode == CaptureRequest.CONTROL_AF_MODE_CONTINUOUS_PICTURE ? "continuous picture" : "continuous video");
        }
    }

    /** Whether a capture session is running (for tests and diagnostics). */
    public boolean isStreaming() {
        synchronized (lock) {
            return life.state() == CameraLifecycle.State.STREAMING && session != null;
        }
    }

    /** The preview surface of the current session, null without one (for tests). */
    Surface previewSurface() {
        synchronized (lock) {
            return previewSurface;
        }
    }

    /** The clockwise rotation applied to sensor images, in degrees. */
    public int rotation() {
        return rotation;
    }

    /**
     * The autofocus mode to ask for: continuous (picture, as Camera2Basic, else video) when the camera lists it;
     * null to leave the template's default, as on the fixed-focus front cameras that list only OFF.
     */
    static Integer focusMode(int[] available) {
        if (available == null) return null;
        int best = -1;
        for (int m : available) {
            if (m == CaptureRequest.CONTROL_AF_MODE_CONTINUOUS_PICTURE) best = m;
            else if (m == CaptureRequest.CONTROL_AF_MODE_CONTINUOUS_VIDEO && best < 0) best = m;
        }
        return best < 0 ? null : best;
    }

    private String frontCamera() throws CameraAccessException {
        for (String id : manager.getCameraIdList()) {
            Integer facing = manager.getCameraCharacteristics(id).get(CameraCharacteristics.LENS_FACING);
            if (facing != null && facing == CameraCharacteristics.LENS_FACING_FRONT) return id;
        }
        return null;
    }

    private int displayDegrees() {
        switch (activity.getWindowManager().getDefaultDisplay().getRotation()) {
            case Surface.ROTATION_90: return 90;
            case Surface.ROTATION_180: return 180;
            case Surface.ROTATION_270: return 270;
            default: return 0;
        }
    }

    /** Camera2 on behalf of the lifecycle; every method runs under the lock. */
    private final class Actions implements CameraLifecycle.Actions {
        @Override
        public void open(int device) {
            try {
                manager.openCamera(cameraId, new DeviceCallback(device), handler);
            } catch (CameraAccessException e) {
                handler.post(() -> {
                    synchronized (lock) {
                        life.openFailed(device, e.getReason(), String.valueOf(e.getMessage()));
                    }
                });
            } catch (IllegalArgumentException e) {        // the camera went away since start()
                handler.post(() -> {
                    synchronized (lock) {
                        life.openFailed(device, CameraLifecycle.ACCESS_CAMERA_ERROR, String.valueOf(e.getMessage()));
                    }
                });
            } catch (SecurityException e) {
                handler.post(() -> {
                    synchronized (lock) {
                        life.permissionDenied(device, String.valueOf(e.getMessage()));
                    }
                });
            }
        }

        @Override
        public void createSession(int id, boolean withPreview) {
            CameraDevice c = camera;
            closeSession();
            List<Surface> targets = new ArrayList<>();
            targets.add(reader.getSurface());
            SurfaceTexture st = preview.getSurfaceTexture();
            if (withPreview && st != null) {
                st.setDefaultBufferSize(previewSize.getWidth(), previewSize.getHeight());
                previewSurface = new Surface(st);
                targets.add(previewSurface);
            }
            Surface shown = previewSurface;
            try {
                c.createCaptureSession(targets, new SessionCallback(id, c, shown), handler);
            } catch (CameraAccessException | IllegalStateException | IllegalArgumentException e) {
                handler.post(() -> {
                    synchronized (lock) {
                        life.sessionFailed(id, "cannot configure the camera: " + e.getMessage());
                    }
                });
            }
        }

        @Override
        public void close() {
            closeSession();
            if (camera != null) camera.close();
            camera = null;
        }

        @Override
        public void retryAfter(long millis, int token) {
            handler.postDelayed(() -> {
                synchronized (lock) {
                    life.retry(token);
                }
            }, millis);
        }

        @Override
        public void problem(Problem p, String detail) {
            Sink s = sink;
            if (s == null) return;
            // given up (the lifecycle closed the camera and waits for a new start): nothing is left to stop, so
            // nothing would release the thread, the reader and the listeners but this
            if (p != Problem.CAMERA_IN_USE) release();
            s.problem(p, detail);
        }

        @Override
        public void recovered() {
            if (sink != null) sink.recovered();
        }
    }

    /** Closes the session and releases the preview surface made for it. Under the lock. */
    private void closeSession() {
        if (session != null) session.close();
        session = null;
        if (previewSurface != null) previewSurface.release();
        previewSurface = null;
    }

    /** One opening of the device; reports to the lifecycle with its number. */
    private final class DeviceCallback extends CameraDevice.StateCallback {
        private final int device;

        DeviceCallback(int device) {
            this.device = device;
        }

        @Override
        public void onOpened(CameraDevice c) {
            synchronized (lock) {
                CameraDevice before = camera;
                camera = c;
                if (!life.opened(device)) {      // stopped, or superseded, while opening
                    camera = before;
                    c.close();
                }
            }
        }

        @Override
        public void onDisconnected(CameraDevice c) {
            synchronized (lock) {
                life.disconnected(device);
            }
            c.close();
        }

        @Override
        public void onError(CameraDevice c, int error) {
            synchronized (lock) {
                life.error(device, error);
            }
            c.close();
        }
    }

    /** One capture session; a superseded one closes itself when it is configured and leaves the live one alone. */
    private final class SessionCallback extends CameraCaptureSession.StateCallback {
        private final int id;
        private final CameraDevice device;
        private final Surface shown;

        SessionCallback(int id, CameraDevice device, Surface shown) {
            this.id = id;
            this.device = device;
            this.shown = shown;
        }

        @Override
        public void onConfigured(CameraCaptureSession s) {
            synchronized (lock) {
                if (!life.configured(id)) {
                    s.close();
                    return;
                }
                session = s;
                try {
                    CaptureRequest.Builder b = device.createCaptureRequest(CameraDevice.TEMPLATE_PREVIEW);
                    b.addTarget(reader.getSurface());
                    if (shown != null) b.addTarget(shown);
                    if (focusMode != null) b.set(CaptureRequest.CONTROL_AF_MODE, focusMode);
                    s.setRepeatingRequest(b.build(), null, handler);
                } catch (CameraAccessException | IllegalStateException e) {
                    life.sessionFailed(id, "cannot start the preview: " + e.getMessage());
                }
            }
        }

        @Override
        public void onConfigureFailed(CameraCaptureSession s) {
            synchronized (lock) {
                life.sessionFailed(id, "camera session configuration failed");
            }
        }
    }

    private void onImage(ImageReader r) {
        Image img = r.acquireLatestImage();
        if (img == null) return;
        try {
            // under the lock, so that once stop() returns no frame is delivered and the reader is not read closed
            synchronized (lock) {
                if (reader == r) deliver(img);
            }
        } finally {
            img.close();
        }
    }

    /**
     * Converts a camera image for the sink, if the source is started and the sink ready (else drops it unconverted).
     * An image the conversion cannot read (planes shorter than the size says, a layout the converter does not know)
     * gives up with the reason: thrown on the camera thread it would end the process, and a phone that delivers one
     * such image delivers them all. The caller closes the image. Package-private for tests, which pass image doubles.
     */
    void deliver(Image img) {
        synchronized (lock) {
            if (sink == null || !sink.ready()) return;
            CameraFrame frame;
            try {
                Image.Plane[] p = img.getPlanes();
                YuvPlanes planes = new YuvPlanes(img.getWidth(), img.getHeight(), p[0].getBuffer(), p[0].getRowStride(),
                        p[1].getBuffer(), p[2].getBuffer(), p[1].getRowStride(), p[1].getPixelStride());
                frame = buffers.convert(planes, rotation, img.getTimestamp() / 1_000_000);
            } catch (RuntimeException e) {
                life.frameFailed("cannot read a camera image: " + e);
                return;
            }
            if (frame != null) sink.frame(frame);
        }
    }

    /** Shows the preview undistorted and upright in its view (when it has a size; called again on every change). */
    private void configureTransform() {
        int vw = preview.getWidth(), vh = preview.getHeight();
        Size s;
        synchronized (lock) {
            s = previewSize;
        }
        if (vw == 0 || vh == 0 || s == null) return;
        preview.setTransform(CameraGeometry.previewTransform(vw, vh, s, displayDegrees()));
    }
}
