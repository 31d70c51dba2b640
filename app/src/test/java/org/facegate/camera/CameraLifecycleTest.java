package org.facegate.camera;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.facegate.camera.CameraLifecycle.State;
import org.junit.Test;

/** The camera's lifecycle on synthetic Camera2 events (the Robolectric camera cannot fail, race or be taken away). */
public class CameraLifecycleTest {
    /** Records the actions; the numbers handed out let the test answer as Camera2 would. */
    private static final class Recorder implements CameraLifecycle.Actions {
        final List<String> log = new ArrayList<>();
        int device, session, token;
        long delay;

        @Override
        public void open(int device) {
            this.device = device;
            log.add("open");
        }

        @Override
        public void createSession(int session, boolean preview) {
            this.session = session;
            log.add(preview ? "session+preview" : "session");
        }

        @Override
        public void close() {
            log.add("close");
        }

        @Override
        public void retryAfter(long millis, int token) {
            this.token = token;
            this.delay = millis;
            log.add("retry " + millis);
        }

        @Override
        public void problem(FrameSource.Problem problem, String detail) {
            log.add(problem.name());
        }

        @Override
        public void recovered() {
            log.add("recovered");
        }

        /** The log since the last call. */
        List<String> take() {
            List<String> l = new ArrayList<>(log);
            log.clear();
            return l;
        }
    }

    private final Recorder a = new Recorder();
    private final CameraLifecycle life = new CameraLifecycle(a);

    private void streaming(boolean surface) {
        life.start(surface);
        assertTrue(life.opened(a.device));
        assertTrue(life.configured(a.session));
        assertEquals(State.STREAMING, life.state());
        a.take();
    }

    @Test
    public void opensConfiguresAndStreams() {
        life.start(false);
        assertEquals(List.of("open"), a.take());
        assertEquals(State.OPENING, life.state());
        assertTrue(life.opened(a.device));
        assertEquals(List.of("session"), a.take());
        assertTrue(life.configured(a.session));
        assertEquals(State.STREAMING, life.state());
        assertEquals("no recovery reported for a first start", List.of(), a.take());
    }

    @Test
    public void thePreviewSurfaceArrivingReplacesTheSessionAndTheOldOneStaysOutOfTheWay() {
        streaming(false);
        int old = a.session;
        life.surface(true);
        assertEquals(List.of("session+preview"), a.take());
        // the surface came and went and came again before anything was configured: only the newest session counts
        int second = a.session;
        life.surface(false);
        life.surface(true);
        assertFalse("superseded session: the caller closes it", life.configured(old));
        assertFalse(life.configured(second));
        assertEquals(State.CONFIGURING, life.state());
        life.sessionFailed(second, "stale failure");
        assertEquals(State.CONFIGURING, life.state());
        assertTrue(life.configured(a.session));
        assertEquals(State.STREAMING, life.state());
    }

    @Test
    public void aDeviceThatOpensAfterStopIsClosed() {
        life.start(true);
        int device = a.device;
        life.stop();
        assertEquals(List.of("open", "close"), a.take());
        assertFalse(life.opened(device));
        life.disconnected(device);
        life.error(device, CameraLifecycle.ERROR_CAMERA_DEVICE);
        assertEquals("callbacks of a stopped camera change nothing", List.of(), a.take());
        assertEquals(State.STOPPED, life.state());
    }

    @Test
    public void anotherAppTakingTheCameraIsWaitedOutAndTheCameraReopens() {
        streaming(true);
        life.disconnected(a.device);
        assertEquals(List.of("close", "CAMERA_IN_USE", "retry " + CameraLifecycle.WAIT_MILLIS), a.take());
        assertEquals(State.WAITING, life.state());
        // Camera2 says it is free again
        life.available();
        assertEquals(List.of("open"), a.take());
        // still taken: in use, waited out again, reported only once
        life.error(a.device, CameraLifecycle.ERROR_CAMERA_IN_USE);
        assertEquals(List.of("close", "retry " + CameraLifecycle.WAIT_MILLIS), a.take());
        int staleToken = a.token - 1;
        life.retry(staleToken);
        assertEquals(List.of(), a.take());
        life.retry(a.token);
        assertEquals(List.of("open"), a.take());
        assertTrue(life.opened(a.device));
        assertTrue(life.configured(a.session));
        assertEquals(List.of("session+preview", "recovered"), a.take());
        assertEquals(State.STREAMING, life.state());
    }

    @Test
    public void deviceErrorsAreRetriedWithLongerWaitsThenGivenUp() {
        streaming(false);
        for (int i = 1; i < CameraLifecycle.MAX_FAILURES; i++) {
            life.error(a.device, CameraLifecycle.ERROR_CAMERA_DEVICE);
            assertEquals(List.of("close", "retry " + (CameraLifecycle.ERROR_RETRY_MILLIS << (i - 1))), a.take());
            life.retry(a.token);
            assertEquals(List.of("open"), a.take());
            assertTrue(life.opened(a.device));
            a.take();
        }
        life.sessionFailed(a.session, "configuration failed");
        assertEquals(List.of("close", "CAMERA_ERROR"), a.take());
        assertEquals(State.FAILED, life.state());
        life.available();
        assertEquals("a failed camera is not reopened by itself", List.of(), a.take());
        life.start(false);
        assertEquals("a new start tries again", List.of("open"), a.take());
    }

    @Test
    public void aConfiguredSessionStartsTheFailureCountAfresh() {
        streaming(false);
        for (int i = 0; i < 2 * CameraLifecycle.MAX_FAILURES; i++) {
            life.error(a.device, CameraLifecycle.ERROR_CAMERA_SERVICE);
            life.retry(a.token);
            assertTrue(life.opened(a.device));
            assertTrue(life.configured(a.session));
        }
        assertEquals(State.STREAMING, life.state());
    }

    @Test
    public void aDisabledCameraIsGivenUpAtOnce() {
        streaming(false);
        life.error(a.device, CameraLifecycle.ERROR_CAMERA_DISABLED);
        assertEquals(List.of("close", "CAMERA_ERROR"), a.take());
        life.start(false);
        life.openFailed(a.device, CameraLifecycle.ACCESS_CAMERA_DISABLED, "policy");
        assertEquals(List.of("open", "close", "CAMERA_ERROR"), a.take());
    }

    @Test
    public void openingRefusedBecauseInUseWaitsAndARevokedPermissionGivesUp() {
        life.start(false);
        life.openFailed(a.device, CameraLifecycle.ACCESS_CAMERA_IN_USE, "busy");
        assertEquals(List.of("open", "close", "CAMERA_IN_USE", "retry " + CameraLifecycle.WAIT_MILLIS), a.take());
        life.available();
        life.permissionDenied(a.device, "revoked");
        assertEquals(List.of("open", "close", "PERMISSION_DENIED"), a.take());
        assertEquals(State.FAILED, life.state());
    }

    @Test
    public void stopCancelsAPendingRetry() {
        streaming(false);
        life.disconnected(a.device);
        life.stop();
        a.take();
        life.retry(a.token);
        life.available();
        assertEquals(List.of(), a.take());
        assertEquals(State.STOPPED, life.state());
    }

    @Test
    public void anImageThatCannotBeReadGivesUp() {
        life.frameFailed("before any start");
        assertEquals("nothing to give up while stopped", List.of(), a.take());
        streaming(true);
        life.frameFailed("cannot read a camera image: U plane too short");
        assertEquals(List.of("close", "CAMERA_ERROR"), a.take());
        assertEquals(State.FAILED, life.state());
        life.frameFailed("a later image");
        assertEquals(List.of(), a.take());
        life.start(true);
        assertEquals("a new start tries again", List.of("open"), a.take());
    }
}
