package org.facegate.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import android.graphics.RectF;
import org.facegate.camera.CameraFrame;
import org.facegate.camera.FrameBuffers;
import org.facegate.camera.YuvPlanes;
import org.facegate.detect.Box;
import org.facegate.image.RgbImage;
import org.facegate.testing.Yuv;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/**
 * The camera-to-inference handoff and the frame arrays on synthetic sequences of events (plain classes; Robolectric
 * only for RectF), and where the overlay puts a box of the unmirrored frame.
 */
@RunWith(RobolectricTestRunner.class)
public class FrameHandoffTest {
    private final FrameBuffers buffers = new FrameBuffers();
    private final YuvPlanes planes = Yuv.onSensor(new RgbImage(6, 8, new int[48]), 270);
    private final FrameHandoff handoff = new FrameHandoff();

    private CameraFrame convert(long t) {
        return buffers.convert(planes, 270, t);
    }

    @Test
    public void theNextFrameIsConvertedWhileOneIsAnalysedAndNoFurther() {
        assertTrue(handoff.ready());
        assertTrue("first frame: queue the job", handoff.put(convert(1)));
        assertFalse("one waits: the camera converts no more", handoff.ready());
        CameraFrame first = handoff.take();
        assertEquals(1, first.timeMillis());
        assertTrue("the job took it: convert the next meanwhile", handoff.ready());
        assertFalse("the job is running: not queued again", handoff.put(convert(2)));
        assertNull("both arrays in use: a third frame is dropped unconverted", convert(3));
        first.release();
        assertTrue("a frame waits: the job queues itself again", handoff.next());
        CameraFrame second = handoff.take();
        assertEquals(2, second.timeMillis());
        second.release();
        assertFalse("nothing waits: idle", handoff.next());
        assertTrue("and the next frame queues the job", handoff.put(convert(4)));
    }

    @Test
    public void arraysAreReusedFrameAfterFrame() {
        CameraFrame a = convert(1);
        int[] pixels = a.image().argb();
        a.release();
        CameraFrame b = convert(2);
        assertSame(pixels, b.image().argb());
        assertEquals("upright again: the 6x8 frame laid on an 8x6 sensor", 6, b.image().width());
        assertEquals(8, b.image().height());
        assertEquals(b.image().width(), b.luma().width());
        b.release();
        try {
            b.release();
            throw new AssertionError("released twice");
        } catch (IllegalStateException expected) {
            // a double release would let the source overwrite a frame still in use
        }
    }

    @Test
    public void stoppingReleasesTheWaitingFrameAndOvertakesTheQueuedJob() {
        assertTrue(handoff.put(convert(1)));
        handoff.clear();
        assertNull("the queued job finds nothing", handoff.take());
        assertTrue("both arrays free again", convert(2) != null && convert(3) != null);
    }

    @Test
    public void aBoxIsMirroredOntoThePreview() {
        RectF r = new RectF();
        // a face in the left quarter of a 480x640 frame, shown in a 960x1280 view: the right quarter of the view
        FaceOverlayView.place(new Box(0, 100, 120, 220), 480, 640, 960, 1280, r);
        assertEquals(new RectF(720, 200, 960, 440), r);
    }
}
