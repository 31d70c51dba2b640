package org.facegate.camera;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Activity;
import android.content.Context;
import android.hardware.camera2.CameraCharacteristics;
import android.hardware.camera2.CameraManager;
import android.graphics.ImageFormat;
import android.graphics.Matrix;
import android.graphics.SurfaceTexture;
import android.media.Image;
import android.view.Surface;
import android.view.TextureView;
import android.view.View;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.facegate.image.RgbImage;
import org.facegate.testing.Await;
import org.facegate.testing.Yuv;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.shadows.ShadowCameraCharacteristics;
import org.robolectric.shadows.ShadowLooper;

@RunWith(RobolectricTestRunner.class)
public class Camera2FrameSourceTest {
    /** Records what the source reports. */
    private static final class Recorder implements FrameSource.Sink {
        final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger frames = new AtomicInteger();

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void frame(CameraFrame frame) {
            frames.incrementAndGet();
            frame.release();
        }

        @Override
        public void problem(FrameSource.Problem problem, String detail) {
            problems.add(problem.name());
        }

        @Override
        public void recovered() {
            problems.add("recovered");
        }
    }

    private static void addCamera(Activity a, String id, int facing) {
        CameraCharacteristics ch = ShadowCameraCharacteristics.newCameraCharacteristics();
        shadowOf(ch).set(CameraCharacteristics.LENS_FACING, facing);
        shadowOf(ch).set(CameraCharacteristics.SENSOR_ORIENTATION, 270);
        shadowOf((CameraManager) a.getSystemService(Context.CAMERA_SERVICE)).addCamera(id, ch);
    }

    @Test
    public void opensTheFrontCamera() {
        Activity a = Robolectric.buildActivity(Activity.class).setup().get();
        shadowOf(a.getApplication()).grantPermissions(Manifest.permission.CAMERA);
        addCamera(a, "0", CameraCharacteristics.LENS_FACING_BACK);
        addCamera(a, "1", CameraCharacteristics.LENS_FACING_FRONT);
        Camera2FrameSource source = new Camera2FrameSource(a);
        Recorder r = new Recorder();
        source.start(r);
        awaitStreaming(source, r);
        assertEquals(270, source.rotation());
        assertEquals(new CameraSetup("1", "640x480", "640x480", 270, "fixed focus (no continuous mode listed)"), source.setup());
        source.stop();
        assertTrue(!source.isStreaming() && r.problems.isEmpty());
    }

    private static void awaitStreaming(Camera2FrameSource source, Recorder r) {
        Await.until(() -> "capture session running; problems " + r.problems, source::isStreaming);
    }

    /** A started source on a front camera whose preview view is laid out at 1080x1920 (outside any window, so it keeps that size). */
    private static Camera2FrameSource started(Activity a, Recorder r) {
        shadowOf(a.getApplication()).grantPermissions(Manifest.permission.CAMERA);
        addCamera(a, "1", CameraCharacteristics.LENS_FACING_FRONT);
        Camera2FrameSource source = new Camera2FrameSource(a);
        source.preview().measure(View.MeasureSpec.makeMeasureSpec(1080, View.MeasureSpec.EXACTLY), View.MeasureSpec.makeMeasureSpec(1920, View.MeasureSpec.EXACTLY));
        source.preview().layout(0, 0, 1080, 1920);
        source.start(r);
        awaitStreaming(source, r);
        return source;
    }

    @Test
    public void theCameraReopensAfterAnotherAppTookIt() {
        Activity a = Robolectric.buildActivity(Activity.class).setup().get();
        Recorder r = new Recorder();
        Camera2FrameSource source = started(a, r);
        shadowOf((CameraManager) a.getSystemService(Context.CAMERA_SERVICE)).triggerDisconnect();
        Await.until(() -> "the source to report the camera taken: " + r.problems, () -> r.problems.contains("CAMERA_IN_USE"));
        // Robolectric's camera is free again at once: the retry (or Camera2's availability callback) reopens it
        ShadowLooper.idleMainLooper(CameraLifecycle.WAIT_MILLIS, TimeUnit.MILLISECONDS);
        Await.until(() -> "reopened: " + r.problems, () -> r.problems.contains("recovered") && source.isStreaming());
        assertEquals(List.of("CAMERA_IN_USE", "recovered"), r.problems);
        source.stop();
        assertFalse(source.isStreaming());
    }

    @Test
    public void thePreviewIsTransformedWhenItsSurfaceArrivesAndASessionIsMadeWithIt() {
        Activity a = Robolectric.buildActivity(Activity.class).setup().get();
        Recorder r = new Recorder();
        Camera2FrameSource source = started(a, r);
        TextureView view = (TextureView) source.preview();
        assertNull("no preview surface before the view has one", source.previewSurface());
        SurfaceTexture st = new SurfaceTexture(0);
        view.setSurfaceTexture(st);
        view.getSurfaceTextureListener().onSurfaceTextureAvailable(st, 1080, 1920);
        Matrix expected = CameraGeometry.previewTransform(1080, 1920, android.util.Size.parseSize(source.setup().preview()), 0);
        assertEquals(expected, view.getTransform(null));
        assertTrue("the camera's buffer is undistorted in the portrait view, not the identity", !view.getTransform(null).isIdentity());
        Await.until(() -> "a session with the preview: " + r.problems, () -> source.isStreaming() && source.previewSurface() != null);
        Surface first = source.previewSurface();
        // the view resized (multi-window): transformed again
        view.layout(0, 0, 1080, 1080);
        view.getSurfaceTextureListener().onSurfaceTextureSizeChanged(st, 1080, 1080);
        assertEquals(CameraGeometry.previewTransform(1080, 1080, android.util.Size.parseSize(source.setup().preview()), 0), view.getTransform(null));
        // the surface goes away and comes back: each session gets its own, the old one is let go
        view.getSurfaceTextureListener().onSurfaceTextureDestroyed(st);
        Await.until(() -> "a session without the preview: " + r.problems, () -> source.isStreaming() && source.previewSurface() == null);
        view.getSurfaceTextureListener().onSurfaceTextureAvailable(st, 1080, 1080);
        Await.until(() -> "a session with the preview again: " + r.problems, () -> source.isStreaming() && source.previewSurface() != null);
        assertTrue(source.previewSurface() != first);
        source.stop();
        assertNull(source.previewSurface());
        assertEquals(List.of(), r.problems);
    }

    @Test
    public void aHalfTurnOfTheDisplayTurnsTheFrames() {
        Activity a = Robolectric.buildActivity(Activity.class).setup().get();
        Recorder r = new Recorder();
        Camera2FrameSource source = started(a, r);
        assertEquals(270, source.rotation());
        // portrait to upside-down portrait: the screen is not recreated, the display listener hears it
        shadowOf(a.getWindowManager().getDefaultDisplay()).setRotation(Surface.ROTATION_180);
        ShadowLooper.idleMainLooper();
        assertEquals(90, source.rotation());
        source.stop();
        shadowOf(a.getWindowManager().getDefaultDisplay()).setRotation(Surface.ROTATION_0);
        ShadowLooper.idleMainLooper();
        assertEquals("a stopped source no longer listens", 90, source.rotation());
    }

    @Test
    public void saysSoWithoutAFrontCamera() {
        Activity a = Robolectric.buildActivity(Activity.class).setup().get();
        shadowOf(a.getApplication()).grantPermissions(Manifest.permission.CAMERA);
        addCamera(a, "0", CameraCharacteristics.LENS_FACING_BACK);
        Recorder r = new Recorder();
        new Camera2FrameSource(a).start(r);
        assertEquals(List.of("NO_FRONT_CAMERA"), r.problems);
    }

    @Test
    public void saysSoWithoutThePermission() {
        Activity a = Robolectric.buildActivity(Activity.class).setup().get();
        shadowOf(a.getApplication()).denyPermissions(Manifest.permission.CAMERA);
        addCamera(a, "1", CameraCharacteristics.LENS_FACING_FRONT);
        Recorder r = new Recorder();
        Camera2FrameSource s = new Camera2FrameSource(a);
        s.start(r);
        assertEquals(List.of("PERMISSION_DENIED"), r.problems);
        assertTrue(!s.isStreaming());
    }

    /** The camera threads alive in this process. */
    private static long cameraThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("facegate-camera")).count();
    }

    @Test
    public void startedTwiceItKeepsOneCameraThread() {
        Activity a = Robolectric.buildActivity(Activity.class).setup().get();
        long before = cameraThreads();
        Recorder r = new Recorder();
        Camera2FrameSource source = started(a, r);
        source.start(r);
        awaitStreaming(source, r);
        Await.until(() -> cameraThreads() - before + " camera threads, not 1", () -> cameraThreads() == before + 1);
        source.stop();
        Await.until("no camera thread left", () -> cameraThreads() == before);
        assertEquals(List.of(), r.problems);
    }

    @Test
    public void havingGivenUpItReleasesItsThreadAndListenersAndStartsAgain() {
        Activity a = Robolectric.buildActivity(Activity.class).setup().get();
        CameraManager manager = (CameraManager) a.getSystemService(Context.CAMERA_SERVICE);
        long before = cameraThreads();
        Recorder r = new Recorder();
        Camera2FrameSource source = started(a, r);
        // the camera goes away for good: every reopening fails until the source gives up (CameraLifecycle.MAX_FAILURES)
        shadowOf(manager).removeCamera("1");
        shadowOf(manager).triggerDisconnect();
        Await.until(() -> "given up: " + r.problems, () -> {
            ShadowLooper.idleMainLooper(500, TimeUnit.MILLISECONDS);
            return r.problems.contains("CAMERA_ERROR");
        });
        assertEquals(List.of("CAMERA_IN_USE", "CAMERA_ERROR"), r.problems);
        // the screen does not stop a source that gave up: the source let go of everything itself
        Await.until("the camera thread ended", () -> cameraThreads() == before);
        shadowOf(a.getWindowManager().getDefaultDisplay()).setRotation(Surface.ROTATION_180);
        ShadowLooper.idleMainLooper();
        assertEquals("the display listener is unregistered", 270, source.rotation());
        shadowOf(a.getWindowManager().getDefaultDisplay()).setRotation(Surface.ROTATION_0);
        ShadowLooper.idleMainLooper();
        // the camera is back and the screen resumes: one thread again, streaming
        addCamera(a, "1", CameraCharacteristics.LENS_FACING_FRONT);
        source.start(r);
        awaitStreaming(source, r);
        assertEquals(before + 1, cameraThreads());
        source.stop();
        Await.until("no camera thread left", () -> cameraThreads() == before);
    }

    /** A YUV_420_888 camera image made of these planes, as ImageReader hands them out. */
    private static Image image(YuvPlanes in) {
        return image(in.width(), in.height(), in.y(), in.yRowStride(), in.u(), in.v(), in.uvRowStride(), in.uvPixelStride());
    }

    /** A YUV_420_888 camera image of {@code width} x {@code height} with these planes, whether they fit the size or not. */
    private static Image image(int width, int height, ByteBuffer y, int yRowStride, ByteBuffer u, ByteBuffer v, int uvRowStride, int uvPixelStride) {
        Image.Plane[] planes = {plane(y, yRowStride, 1), plane(u, uvRowStride, uvPixelStride), plane(v, uvRowStride, uvPixelStride)};
        return new Image() {
            @Override
            public int getFormat() {
                return ImageFormat.YUV_420_888;
            }

            @Override
            public int getWidth() {
                return width;
            }

            @Override
            public int getHeight() {
                return height;
            }

            @Override
            public long getTimestamp() {
                return 1_000_000_000L;
            }

            @Override
            public Image.Plane[] getPlanes() {
                return planes;
            }

            /** Hidden API, abstract in the SDK the tests run on. */
            @Override
            public int getTransform() {
                return 0;
            }

            /** Hidden API, abstract in the SDK the tests run on. */
            @Override
            public int getScalingMode() {
                return 0;
            }

            @Override
            public void close() {}
        };
    }

    private static Image.Plane plane(ByteBuffer buffer, int rowStride, int pixelStride) {
        return new Image.Plane() {
            @Override
            public int getRowStride() {
                return rowStride;
            }

            @Override
            public int getPixelStride() {
                return pixelStride;
            }

            @Override
            public ByteBuffer getBuffer() {
                return buffer;
            }
        };
    }

    @Test
    public void anImageThatCannotBeReadIsReportedNotThrown() {
        Activity a = Robolectric.buildActivity(Activity.class).setup().get();
        Recorder r = new Recorder();
        Camera2FrameSource source = started(a, r);
        YuvPlanes good = Yuv.encode(new RgbImage(64, 48, new int[64 * 48]), Yuv.Layout.NV21);
        source.deliver(image(good));
        assertEquals(1, r.frames.get());
        // the chroma plane ends half-way through the size the image states
        ByteBuffer u = good.u().duplicate();
        u.limit(u.limit() / 2);
        source.deliver(image(good.width(), good.height(), good.y(), good.yRowStride(), u, good.v(), good.uvRowStride(), good.uvPixelStride()));
        assertEquals(List.of("CAMERA_ERROR"), r.problems);
        assertFalse("the camera is closed", source.isStreaming());
        source.deliver(image(good));
        assertEquals("nothing delivered after giving up", 1, r.frames.get());
    }

    @Test
    public void aConversionThatThrowsLeavesItsFrameFree() {
        FrameBuffers buffers = new FrameBuffers();
        YuvPlanes good = Yuv.encode(new RgbImage(8, 6, new int[8 * 6]), Yuv.Layout.I420);
        assertThrows(IllegalArgumentException.class, () -> buffers.convert(good, 45, 0));
        CameraFrame first = buffers.convert(good, 90, 0), second = buffers.convert(good, 90, 0);
        assertTrue("both frames free for the next images", first != null && second != null);
        assertNull("and no third", buffers.convert(good, 90, 0));
    }
}
