package org.facegate.camera;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Activity;
import android.content.Context;
import android.hardware.camera2.CameraCharacteristics;
import android.hardware.camera2.CameraManager;
import android.os.Looper;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.facegate.image.RgbImage;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.shadows.ShadowCameraCharacteristics;

@RunWith(RobolectricTestRunner.class)
public class Camera2FrameSourceTest {
    /** 8x4 RGB image of 2x2 single-colour blocks (so 4:2:0 chroma subsampling loses nothing). */
    private static int[] blocks() {
        int[] colors = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x00FFFF, 0xFF00FF, 0x808080, 0x203040};
        int[] px = new int[8 * 4];
        for (int y = 0; y < 4; y++) for (int x = 0; x < 8; x++) px[y * 8 + x] = 0xFF000000 | colors[(y / 2) * 4 + x / 2];
        return px;
    }

    /** Full-range BT.601 YUV with a padded Y row stride and interleaved (pixel stride 2) chroma, as cameras give. */
    private static RgbImage convert(int[] rgb, int w, int h, int rotation, boolean mirror) {
        int yStride = w + 3, uvStride = w + 5;
        ByteBuffer y = ByteBuffer.allocate(yStride * h), u = ByteBuffer.allocate(uvStride * h / 2 + 1), v = ByteBuffer.allocate(uvStride * h / 2 + 1);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int p = rgb[j * w + i], r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
                y.put(j * yStride + i, (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b));
                if (i % 2 == 0 && j % 2 == 0) {
                    int at = (j / 2) * uvStride + (i / 2) * 2;
                    u.put(at, (byte) Math.min(255, Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)));
                    v.put(at, (byte) Math.min(255, Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)));
                }
            }
        }
        return Camera2FrameSource.toRgb(w, h, y, yStride, u, v, uvStride, 2, rotation, mirror);
    }

    private static void assertPixel(int expected, int actual) {
        for (int s = 0; s <= 16; s += 8) {
            int e = (expected >> s) & 0xFF, a = (actual >> s) & 0xFF;
            assertTrue(String.format("expected %06x, got %06x", expected & 0xFFFFFF, actual & 0xFFFFFF), Math.abs(e - a) <= 3);
        }
    }

    @Test
    public void yuvBecomesUprightMirroredRgb() {
        int[] rgb = blocks();
        for (int rotation : new int[] {0, 90, 180, 270}) {
            for (boolean mirror : new boolean[] {false, true}) {
                RgbImage out = convert(rgb, 8, 4, rotation, mirror);
                boolean swap = rotation % 180 != 0;
                assertEquals(swap ? 4 : 8, out.width());
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 8; x++) {
                        // where source pixel (x, y) must land: rotate clockwise, then mirror
                        int dx, dy;
                        switch (rotation) {
                            case 90: dx = 3 - y; dy = x; break;
                            case 180: dx = 7 - x; dy = 3 - y; break;
                            case 270: dx = y; dy = 7 - x; break;
                            default: dx = x; dy = y;
                        }
                        if (mirror) dx = out.width() - 1 - dx;
                        assertPixel(rgb[y * 8 + x], out.argb()[dy * out.width() + dx]);
                    }
                }
            }
        }
    }

    @Test
    public void rotationFollowsSensorAndDisplay() {
        assertEquals("typical front camera, portrait", 270, Camera2FrameSource.frameRotation(270, 0, true));
        assertEquals("front, landscape (display turned 90)", 0, Camera2FrameSource.frameRotation(270, 90, true));
        assertEquals("front, reverse landscape", 180, Camera2FrameSource.frameRotation(270, 270, true));
        assertEquals("back camera, portrait", 90, Camera2FrameSource.frameRotation(90, 0, false));
        assertEquals("back, landscape", 0, Camera2FrameSource.frameRotation(90, 90, false));
    }

    /** Records what the source reports. */
    private static final class Recorder implements FrameSource.Sink {
        final List<String> problems = new ArrayList<>();

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void frame(RgbImage frame, long timeMillis) {}

        @Override
        public void problem(FrameSource.Problem problem, String detail) {
            problems.add(problem.name());
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
        for (int i = 0; i < 50 && !source.isStreaming(); i++) {
            shadowOf(Looper.getMainLooper()).idle();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertTrue("capture session running; problems " + r.problems, source.isStreaming());
        assertEquals(270, source.rotation());
        source.stop();
        assertTrue(!source.isStreaming() && r.problems.isEmpty());
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
}
