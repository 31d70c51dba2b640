package org.facegate.camera;

/**
 * When {@link Camera2FrameSource} opens, configures, reopens and gives up the camera, apart from Camera2 so that a
 * unit test can drive it with synthetic events. Each opening of the device and each capture session gets a number;
 * a callback carrying an older number is stale (a session replaced by a newer one, a device closed meanwhile) and
 * changes nothing. The camera is reopened, while the screen is resumed, after another app took it (disconnected, in
 * use) as soon as Camera2 says it is free again, or after {@link #WAIT_MILLIS} otherwise; after a device or service
 * error up to {@link #MAX_FAILURES} times in a row before giving up. Not thread-safe: the source calls it under its
 * lock.
 */
final class CameraLifecycle {
    /** Where the camera is. */
    enum State {
        /** Not started, or stopped (the screen paused). */
        STOPPED,
        /** Waiting for the device to open. */
        OPENING,
        /** Waiting for a capture session to be configured. */
        CONFIGURING,
        STREAMING,
        /** Another app has the camera, or a failure is waited out: reopens on {@link #available} or the retry timer. */
        WAITING,
        /** Given up: the screen shows why; a new {@link #start} tries again. */
        FAILED
    }

    /** Camera2's CameraDevice.StateCallback error codes. */
    static final int ERROR_CAMERA_IN_USE = 1, ERROR_MAX_CAMERAS_IN_USE = 2, ERROR_CAMERA_DISABLED = 3, ERROR_CAMERA_DEVICE = 4,
            ERROR_CAMERA_SERVICE = 5;
    /** Camera2's CameraAccessException reasons. */
    static final int ACCESS_CAMERA_DISABLED = 1, ACCESS_CAMERA_DISCONNECTED = 2, ACCESS_CAMERA_ERROR = 3, ACCESS_CAMERA_IN_USE = 4,
            ACCESS_MAX_CAMERAS_IN_USE = 5;
    /**
     * How long to wait before trying again while another app holds the camera, in case Camera2's availability
     * callbacks stay silent (API 26-28 have no access-priority callback): often enough that the gate comes back
     * within a few seconds, rarely enough not to fight an app that holds the camera with a higher priority.
     */
    static final long WAIT_MILLIS = 3000;
    /** First wait after a device or service error; doubled for each further one in a row. */
    static final long ERROR_RETRY_MILLIS = 500;
    /** Device or session failures in a row (no session configured between them) before giving up. */
    static final int MAX_FAILURES = 3;

    /** What the source does on the lifecycle's behalf. */
    interface Actions {
        /** Opens the camera device; its callbacks report back with {@code device}. */
        void open(int device);

        /** Creates a capture session on the open device (with the preview surface if {@code preview}). */
        void createSession(int session, boolean preview);

        /** Closes the session and the device, if open; releases the session's preview surface. */
        void close();

        /** Calls {@link #retry(int)} with {@code token} after {@code millis}. */
        void retryAfter(long millis, int token);

        /** The camera delivers no frames: a transient {@link FrameSource.Problem#CAMERA_IN_USE}, or having given up. */
        void problem(FrameSource.Problem problem, String detail);

        /** Frames flow again after a reported {@link FrameSource.Problem#CAMERA_IN_USE}. */
        void recovered();
    }

    private final Actions actions;
    private State state = State.STOPPED;
    private int device, session, token, failures;
    private boolean surface, interrupted;

    CameraLifecycle(Actions actions) {
        this.actions = actions;
    }

    State state() {
        return state;
    }

    /** The screen resumed: open the camera. {@code surface}: whether the preview surface exists yet. */
    void start(boolean surface) {
        if (state != State.STOPPED && state != State.FAILED) return;
        this.surface = surface;
        failures = 0;
        interrupted = false;
        open();
    }

    /** The screen paused: close everything; every callback still on its way is stale. */
    void stop() {
        if (state == State.STOPPED) return;
        state = State.STOPPED;
        invalidate();
        actions.close();
    }

    /**
     * The device {@code device} opened.
     *
     * @return whether to keep it; false: it is stale, close it
     */
    boolean opened(int device) {
        if (device != this.device || state != State.OPENING) return false;
        configure();
        return true;
    }

    /** The preview surface appeared or went away: the running session is replaced by one with or without it. */
    void surface(boolean available) {
        if (surface == available) return;
        surface = available;
        if (state == State.CONFIGURING || state == State.STREAMING) configure();
    }

    /**
     * Session {@code session} is configured.
     *
     * @return whether to start it (send its repeating request); false: it is stale, close it
     */
    boolean configured(int session) {
        if (session != this.session || state != State.CONFIGURING) return false;
        state = State.STREAMING;
        failures = 0;
        if (interrupted) {
            interrupted = false;
            actions.recovered();
        }
        return true;
    }

    /** Session {@code session} could not be configured or started. */
    void sessionFailed(int session, String detail) {
        if (session != this.session || (state != State.CONFIGURING && state != State.STREAMING)) return;
        failed(detail);
    }

    /** Device {@code device} was disconnected (another app with a higher priority took it). */
    void disconnected(int device) {
        if (!current(device)) return;
        waitForCamera("camera disconnected (taken by another app)");
    }

    /** Device {@code device} reported an error (a CameraDevice.StateCallback error code). */
    void error(int device, int code) {
        if (!current(device)) return;
        switch (code) {
            case ERROR_CAMERA_IN_USE:
            case ERROR_MAX_CAMERAS_IN_USE:
                waitForCamera("camera in use by another app (error " + code + ")");
                break;
            case ERROR_CAMERA_DISABLED:
                giveUp("camera disabled by a device policy");
                break;
            default:
                failed("camera " + (code == ERROR_CAMERA_SERVICE ? "service" : "device") + " error " + code);
        }
    }

    /** Opening device {@code device} threw a CameraAccessException with this reason. */
    void openFailed(int device, int reason, String detail) {
        if (!current(device)) return;
        switch (reason) {
            case ACCESS_CAMERA_DISABLED:
                giveUp("camera disabled by a device policy: " + detail);
                break;
            case ACCESS_CAMERA_DISCONNECTED:
            case ACCESS_CAMERA_IN_USE:
            case ACCESS_MAX_CAMERAS_IN_USE:
                waitForCamera("camera in use by another app: " + detail);
                break;
            default:
                failed("cannot open the camera: " + detail);
        }
    }

    /** Opening device {@code device} was refused for want of the permission (revoked while resumed). */
    void permissionDenied(int device, String detail) {
        if (!current(device)) return;
        state = State.FAILED;
        invalidate();
        actions.close();
        actions.problem(FrameSource.Problem.PERMISSION_DENIED, detail);
    }

    /**
     * A delivered image could not be converted: the camera's format is not what the converter reads, and will not be
     * on the next frame either, so give up rather than retry.
     */
    void frameFailed(String detail) {
        if (state != State.CONFIGURING && state != State.STREAMING) return;
        giveUp(detail);
    }

    /** Camera2 says the camera is free, or that access priorities changed (this screen may now win it): try now. */
    void available() {
        if (state == State.WAITING) open();
    }

    /** The retry timer with {@code token} fired. */
    void retry(int token) {
        if (token == this.token && state == State.WAITING) open();
    }

    private boolean current(int device) {
        return device == this.device && state != State.STOPPED && state != State.FAILED && state != State.WAITING;
    }

    private void open() {
        state = State.OPENING;
        device++;
        actions.open(device);
    }

    private void configure() {
        state = State.CONFIGURING;
        session++;
        actions.createSession(session, surface);
    }

    private void waitForCamera(String detail) {
        state = State.WAITING;
        invalidate();
        actions.close();
        if (!interrupted) {
            interrupted = true;
            actions.problem(FrameSource.Problem.CAMERA_IN_USE, detail);
        }
        actions.retryAfter(WAIT_MILLIS, token);
    }

    private void failed(String detail) {
        if (++failures >= MAX_FAILURES) {
            giveUp(detail + " (" + failures + " failures in a row)");
            return;
        }
        state = State.WAITING;
        invalidate();
        actions.close();
        actions.retryAfter(ERROR_RETRY_MILLIS << (failures - 1), token);
    }

    private void giveUp(String detail) {
        state = State.FAILED;
        invalidate();
        actions.close();
        actions.problem(FrameSource.Problem.CAMERA_ERROR, detail);
    }

    /** Makes every outstanding callback and timer stale. */
    private void invalidate() {
        device++;
        session++;
        token++;
    }
}
