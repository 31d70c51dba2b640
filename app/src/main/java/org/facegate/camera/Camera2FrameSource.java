package org.facegate.camera;

import android.Manifest;
import android.app.Activity;
import android.content.Context;
import android.content.pm.PackageManager;
import android.graphics.ImageFormat;
import android.graphics.Matrix;
import android.graphics.RectF;
import android.graphics.SurfaceTexture;
import android.hardware.camera2.CameraAccessException;
import android.hardware.camera2.CameraCaptureSession;
import android.hardware.camera2.CameraCharacteristics;
import android.hardware.camera2.CameraDevice;
import android.hardware.camera2.CameraManager;
import android.hardware.camera2.CaptureRequest;
import android.hardware.camera2.params.StreamConfigurationMap;
import android.media.Image;
import android.media.ImageReader;
import android.os.Handler;
import android.os.HandlerThread;
import android.util.Size;
import android.view.Surface;
import android.view.TextureView;
import android.view.View;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.facegate.image.RgbImage;

/**
 * The front camera through Camera2, all in this class: preview on a {@link TextureView}, frames from an
 * {@link ImageReader} in YUV_420_888 converted to upright, mirrored RGB (rotated by the sensor orientation and the
 * display rotation). Frames arrive on a background thread; {@link ImageReader#acquireLatestImage} skips what piled up
 * and a frame is converted only when the sink is ready, so nothing queues up while the previous frame is processed.
 * Opened in {@link #start} (on resume) and released in {@link #stop} (on pause).
 */
public final class Camera2FrameSource implements FrameSource {
    /** Analysis resolution asked for: faces at arm's length stay well above the quality gate's minimum size. */
    static final int WANT_WIDTH = 640, WANT_HEIGHT = 480;

    private final Activity activity;
    private final TextureView preview;
    private final CameraManager manager;
    private final Object lock = new Object();
    // guarded by lock; handed between the main thread and the camera thread
    private Sink sink;
    private HandlerThread thread;
    private Handler handler;
    private CameraDevice camera;
    private CameraCaptureSession session;
    private ImageReader reader;
    private int rotation;
    private Size size;

    public Camera2FrameSource(Activity activity) {
        this.activity = activity;
        this.preview = new TextureView(activity);
        this.manager = (CameraManager) activity.getSystemService(Context.CAMERA_SERVICE);
        preview.setSurfaceTextureListener(new TextureView.SurfaceTextureListener() {
            @Override
            public void onSurfaceTextureAvailable(SurfaceTexture st, int w, int h) {
                synchronized (lock) {
                    // the camera may have opened before the preview surface existed: start over with both
                    if (camera != null) handler.post(Camera2FrameSource.this::createSession);
                }
            }

            @Override
            public void onSurfaceTextureSizeChanged(SurfaceTexture st, int w, int h) {
                configureTransform();
            }

            @Override
            public boolean onSurfaceTextureDestroyed(SurfaceTexture st) {
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
        synchronized (lock) {
            sink = s;
            rotation = frameRotation(sensor == null ? 270 : sensor, displayDegrees(), true);
            size = chooseSize(ch.get(CameraCharacteristics.SCALER_STREAM_CONFIGURATION_MAP));
            thread = new HandlerThread("facegate-camera");
            thread.start();
            handler = new Handler(thread.getLooper());
            reader = ImageReader.newInstance(size.getWidth(), size.getHeight(), ImageFormat.YUV_420_888, 2);
            reader.setOnImageAvailableListener(this::onImage, handler);
            try {
                manager.openCamera(id, new CameraDevice.StateCallback() {
                    @Override
                    public void onOpened(CameraDevice c) {
                        synchronized (lock) {
                            if (sink == null) {        // stopped while opening
                                c.close();
                                return;
                            }
                            camera = c;
                        }
                        createSession();
                    }

                    @Override
                    public void onDisconnected(CameraDevice c) {
                        c.close();
                        fail(Problem.CAMERA_ERROR, "camera disconnected (in use by another app?)");
                    }

                    @Override
                    public void onError(CameraDevice c, int error) {
                        c.close();
                        fail(Problem.CAMERA_ERROR, "camera error " + error);
                    }
                }, handler);
            } catch (CameraAccessException | SecurityException e) {
                Problem p = e instanceof SecurityException ? Problem.PERMISSION_DENIED : Problem.CAMERA_ERROR;
                sink = null;
                releaseLocked();
                s.problem(p, e.getMessage());
                return;
            }
        }
        activity.runOnUiThread(this::configureTransform);
    }

    @Override
    public void stop() {
        synchronized (lock) {
            sink = null;
            releaseLocked();
        }
    }

    /** Whether a capture session is running (for tests and diagnostics). */
    public boolean isStreaming() {
        synchronized (lock) {
            return session != null;
        }
    }

    /** The clockwise rotation applied to sensor images, in degrees. */
    public int rotation() {
        synchronized (lock) {
            return rotation;
        }
    }

    private void releaseLocked() {
        if (session != null) session.close();
        if (camera != null) camera.close();
        if (reader != null) reader.close();
        if (thread != null) thread.quitSafely();
        session = null;
        camera = null;
        reader = null;
        thread = null;
        handler = null;
    }

    private void fail(Problem p, String detail) {
        Sink s;
        synchronized (lock) {
            s = sink;
            sink = null;
            releaseLocked();
        }
        if (s != null) s.problem(p, detail);
    }

    private String frontCamera() throws CameraAccessException {
        for (String id : manager.getCameraIdList()) {
            Integer facing = manager.getCameraCharacteristics(id).get(CameraCharacteristics.LENS_FACING);
            if (facing != null && facing == CameraCharacteristics.LENS_FACING_FRONT) return id;
        }
        return null;
    }

    /** The YUV size nearest 640x480 in area among those with a 4:3-ish landscape shape, else the smallest. */
    static Size chooseSize(StreamConfigurationMap map) {
        Size[] sizes = map == null ? null : map.getOutputSizes(ImageFormat.YUV_420_888);
        if (sizes == null || sizes.length == 0) return new Size(WANT_WIDTH, WANT_HEIGHT);
        Size best = null;
        long want = (long) WANT_WIDTH * WANT_HEIGHT;
        for (Size s : sizes) {
            if (best == null || Math.abs((long) s.getWidth() * s.getHeight() - want) < Math.abs((long) best.getWidth() * best.getHeight() - want)) {
                best = s;
            }
        }
        return best;
    }

    private int displayDegrees() {
        switch (activity.getWindowManager().getDefaultDisplay().getRotation()) {
            case Surface.ROTATION_90: return 90;
            case Surface.ROTATION_180: return 180;
            case Surface.ROTATION_270: return 270;
            default: return 0;
        }
    }

    /**
     * The clockwise rotation that turns a sensor image upright on a display rotated by {@code displayDegrees}
     * (Camera2's JPEG-orientation rule: a front camera turns against the display, a back camera with it).
     */
    public static int frameRotation(int sensorDegrees, int displayDegrees, boolean front) {
        return front ? (sensorDegrees + displayDegrees) % 360 : (sensorDegrees - displayDegrees + 360) % 360;
    }

    private void createSession() {
        CameraDevice c;
        ImageReader r;
        Handler h;
        synchronized (lock) {
            c = camera;
            r = reader;
            h = handler;
            if (c == null || r == null) return;
            if (session != null) {
                session.close();
                session = null;
            }
        }
        List<Surface> targets = new ArrayList<>();
        targets.add(r.getSurface());
        SurfaceTexture st = preview.getSurfaceTexture();
        Surface previewSurface = null;
        if (st != null) {
            st.setDefaultBufferSize(size.getWidth(), size.getHeight());
            previewSurface = new Surface(st);
            targets.add(previewSurface);
        }
        final Surface shown = previewSurface;
        try {
            c.createCaptureSession(targets, new CameraCaptureSession.StateCallback() {
                @Override
                public void onConfigured(CameraCaptureSession s) {
                    try {
                        CaptureRequest.Builder b = c.createCaptureRequest(CameraDevice.TEMPLATE_PREVIEW);
                        b.addTarget(r.getSurface());
                        if (shown != null) b.addTarget(shown);
                        b.set(CaptureRequest.CONTROL_AF_MODE, CaptureRequest.CONTROL_AF_MODE_CONTINUOUS_PICTURE);
                        s.setRepeatingRequest(b.build(), null, h);
                        synchronized (lock) {
                            if (camera == c) session = s;
                            else s.close();
                        }
                    } catch (CameraAccessException | IllegalStateException e) {
                        fail(Problem.CAMERA_ERROR, "cannot start the preview: " + e.getMessage());
                    }
                }

                @Override
                public void onConfigureFailed(CameraCaptureSession s) {
                    fail(Problem.CAMERA_ERROR, "camera session configuration failed");
                }
            }, h);
        } catch (CameraAccessException | IllegalStateException e) {
            fail(Problem.CAMERA_ERROR, "cannot configure the camera: " + e.getMessage());
        }
    }

    private void onImage(ImageReader r) {
        Image img = r.acquireLatestImage();
        if (img == null) return;
        try {
            // under the lock, so that once stop() returns no frame is delivered and the reader is not read closed
            synchronized (lock) {
                if (sink == null || reader != r || !sink.ready()) return;      // stopped, or busy: drop unconverted
                Image.Plane[] p = img.getPlanes();
                sink.frame(toRgb(img.getWidth(), img.getHeight(), p[0].getBuffer(), p[0].getRowStride(),
                        p[1].getBuffer(), p[2].getBuffer(), p[1].getRowStride(), p[1].getPixelStride(), rotation, true),
                        img.getTimestamp() / 1_000_000);
            }
        } finally {
            img.close();
        }
    }

    /**
     * YUV 4:2:0 (any row and pixel strides, as YUV_420_888 planes come) to packed RGB, rotated clockwise by
     * {@code rotation} degrees and then, if {@code mirror}, flipped left-to-right. Full-range BT.601 (JFIF), what
     * camera YUV output uses.
     */
    public static RgbImage toRgb(int width, int height, ByteBuffer y, int yRowStride, ByteBuffer u, ByteBuffer v,
            int uvRowStride, int uvPixelStride, int rotation, boolean mirror) {
        boolean swap = rotation == 90 || rotation == 270;
        int ow = swap ? height : width, oh = swap ? width : height;
        int[] out = new int[ow * oh];
        for (int sy = 0; sy < height; sy++) {
            int yRow = sy * yRowStride, uvRow = (sy >> 1) * uvRowStride;
            for (int sx = 0; sx < width; sx++) {
                int yy = y.get(yRow + sx) & 0xFF;
                int uvi = uvRow + (sx >> 1) * uvPixelStride;
                int cb = (u.get(uvi) & 0xFF) - 128, cr = (v.get(uvi) & 0xFF) - 128;
                // fixed point, 16 fractional bits: 1.402, 0.344136, 0.714136, 1.772
                int r = yy + ((91881 * cr) >> 16);
                int g = yy - ((22554 * cb + 46802 * cr) >> 16);
                int b = yy + ((116130 * cb) >> 16);
                r = r < 0 ? 0 : Math.min(r, 255);
                g = g < 0 ? 0 : Math.min(g, 255);
                b = b < 0 ? 0 : Math.min(b, 255);
                int dx, dy;
                switch (rotation) {
                    case 90: dx = height - 1 - sy; dy = sx; break;
                    case 180: dx = width - 1 - sx; dy = height - 1 - sy; break;
                    case 270: dx = sy; dy = width - 1 - sx; break;
                    default: dx = sx; dy = sy;
                }
                if (mirror) dx = ow - 1 - dx;
                out[dy * ow + dx] = 0xFF000000 | (r << 16) | (g << 8) | b;
            }
        }
        return new RgbImage(ow, oh, out);
    }

    /**
     * Scales the preview to fill its view without distortion (centre crop, the same mapping the overlay uses) and
     * turns it for landscape displays: the camera buffer arrives in the sensor's landscape shape.
     */
    private void configureTransform() {
        int vw = preview.getWidth(), vh = preview.getHeight();
        Size s;
        synchronized (lock) {
            s = size;
        }
        if (vw == 0 || vh == 0 || s == null) return;
        int deg = displayDegrees();
        Matrix m = new Matrix();
        RectF view = new RectF(0, 0, vw, vh);
        boolean landscape = deg == 90 || deg == 270;
        // the buffer as the view would show it unscaled: landscape sensor shape on a landscape display, else portrait
        float bw = landscape ? s.getWidth() : s.getHeight(), bh = landscape ? s.getHeight() : s.getWidth();
        float scale = Math.max(vw / bw, vh / bh);
        if (landscape) {
            RectF buffer = new RectF(0, 0, bh, bw);
            buffer.offset(view.centerX() - buffer.centerX(), view.centerY() - buffer.centerY());
            m.setRectToRect(view, buffer, Matrix.ScaleToFit.FILL);
            m.postScale(scale, scale, view.centerX(), view.centerY());
            m.postRotate(deg == 90 ? 270 : 90, view.centerX(), view.centerY());
        } else {
            m.setScale(bw * scale / vw, bh * scale / vh, view.centerX(), view.centerY());
            if (deg == 180) m.postRotate(180, view.centerX(), view.centerY());
        }
        preview.setTransform(m);
    }
}
