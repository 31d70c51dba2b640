package org.facegate.ui;

import android.Manifest;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.net.Uri;
import android.os.SystemClock;
import android.provider.Settings;
import android.view.Gravity;
import android.view.View;
import android.widget.FrameLayout;
import android.widget.TextView;
import org.facegate.R;
import org.facegate.camera.CameraFrame;
import org.facegate.camera.CameraSetup;
import org.facegate.camera.FrameSource;
import org.facegate.engine.FaceEngine;
import org.facegate.engine.FaceModels;
import org.facegate.engine.FaceUnavailable;

/**
 * A screen that looks through the camera: asks for the permission, runs the {@link FrameSource} while resumed (and
 * while the screen wants it), hands frames to {@link #analyze} on the inference thread ({@link FrameHandoff}: the
 * camera converts the next frame while one is analysed, and no more), and shows problems (permission denied, no front
 * camera, models unusable) in place of the preview.
 */
public abstract class CameraActivity extends SecureActivity {
    private static final int PERMISSION_REQUEST = 1;

    /** Boxes and names over the preview. */
    protected FaceOverlayView overlay;
    /** This screen's camera. */
    protected FrameSource source;
    private TextView problem;
    private boolean resumed, running, wanted = true, asked, acquired;
    private FaceEngine engine;
    private final FrameHandoff frames = new FrameHandoff();
    /**
     * Analyses the frame handed over, then, if the camera converted another meanwhile, queues itself again behind
     * whatever else was posted to the inference thread (the gate's loading, a photo enrollment).
     */
    private final FaceEngine.Job analysis = new FaceEngine.Job() {
        @Override
        public void run(FaceModels models) throws Exception {
            CameraFrame frame = frames.take();
            if (frame == null) return;
            Runnable show;
            services.timings.begin();
            long t0 = System.nanoTime();
            try {
                show = analyze(models, frame);
                services.timings.frameDone(frame.convertNanos(), System.nanoTime() - t0, SystemClock.elapsedRealtime());
            } finally {
                frame.release();
            }
            if (show != null) showNow(show);
            if (frames.next()) engine.post(this);
        }

        @Override
        public void failed(Exception e) {
            frames.clear();
            services.main.post(() -> onAnalysisFailed(e));
        }
    };

    /** Puts the preview, the overlay and the problem message into {@code container}. Call from onCreate. */
    protected void attachCamera(FrameLayout container) {
        source = services.frames.create(this);
        container.addView(source.preview(), new FrameLayout.LayoutParams(-1, -1));
        overlay = new FaceOverlayView(this);
        container.addView(overlay, new FrameLayout.LayoutParams(-1, -1));
        problem = new TextView(this);
        problem.setId(R.id.camera_problem);
        problem.setGravity(Gravity.CENTER);
        problem.setPadding(32, 32, 32, 32);
        problem.setBackgroundColor(0xEE202020);
        problem.setTextColor(0xFFFFFFFF);
        problem.setVisibility(View.GONE);
        problem.setOnClickListener(v -> askAgain());
        container.addView(problem, new FrameLayout.LayoutParams(-1, -1));
        engine = services.engine();
    }

    /**
     * Runs on the inference thread for each frame that is not dropped. Returns what to show, run on the main thread
     * if the screen is still resumed; null for nothing. The frame's arrays are reused once this returns: what is
     * shown must not read its pixels.
     */
    protected abstract Runnable analyze(FaceModels models, CameraFrame frame) throws Exception;

    /**
     * Any thread: runs {@code show} on the main thread if the screen is still resumed then, as {@link #analyze}'s result
     * is; for what {@link #analyze} has to show before it returns.
     */
    protected void showNow(Runnable show) {
        services.main.post(() -> {
            if (resumed && running) show.run();
        });
    }

    /**
     * The models could not be opened or a frame failed; runs on the main thread. When face recognition is unavailable
     * for the process ({@link FaceUnavailable}) the camera stops too: no later frame could be analysed.
     */
    protected void onAnalysisFailed(Exception e) {
        if (e instanceof FaceUnavailable) setCameraWanted(false);
        showProblem(failureMessage(e));
    }

    /** One line saying why face recognition failed: unavailable on this phone, or this analysis. */
    protected String failureMessage(Exception e) {
        if (e instanceof FaceUnavailable) return getString(R.string.face_unavailable, e.getMessage());
        return getString(R.string.camera_models_failed, String.valueOf(e.getMessage()));
    }

    /** Starts or stops looking (e.g. the gate stops during a lockout). */
    protected void setCameraWanted(boolean want) {
        wanted = want;
        if (want) maybeStart();
        else stopCamera();
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (isFinishing()) return;
        resumed = true;
        engine.acquire();
        acquired = true;
        maybeStart();
    }

    @Override
    protected void onPause() {
        resumed = false;
        stopCamera();
        if (acquired) engine.release();
        acquired = false;
        super.onPause();
    }

    private void maybeStart() {
        if (!resumed || !wanted || running) return;
        if (checkSelfPermission(Manifest.permission.CAMERA) != PackageManager.PERMISSION_GRANTED) {
            if (!asked) {
                asked = true;
                requestPermissions(new String[] {Manifest.permission.CAMERA}, PERMISSION_REQUEST);
            } else {
                showProblem(FrameSource.Problem.PERMISSION_DENIED);
            }
            return;
        }
        problem.setVisibility(View.GONE);
        running = true;
        services.timings.clear();       // the report's frames are this camera's
        source.start(new FrameSource.Sink() {
            @Override
            public boolean ready() {
                return frames.ready();
            }

            @Override
            public void frame(CameraFrame frame) {
                if (frames.put(frame)) engine.post(analysis);
            }

            @Override
            public void problem(FrameSource.Problem p, String detail) {
                services.main.post(() -> {
                    // another app has the camera: the source keeps trying while it runs
                    if (p != FrameSource.Problem.CAMERA_IN_USE) running = false;
                    if (resumed) showProblem(p);
                });
            }

            @Override
            public void recovered() {
                services.main.post(() -> {
                    if (!resumed || !running) return;
                    problem.setVisibility(View.GONE);
                    onCameraBack();
                });
            }
        });
        CameraSetup setup = source.setup();
        if (setup != null) services.camera = setup;
    }

    private void stopCamera() {
        if (!running) return;
        running = false;
        source.stop();
        frames.clear();     // no frame comes after stop(); one converted just before it is not analysed
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] results) {
        if (requestCode != PERMISSION_REQUEST) return;
        if (results.length > 0 && results[0] == PackageManager.PERMISSION_GRANTED) maybeStart();
        else showProblem(FrameSource.Problem.PERMISSION_DENIED);
    }

    /** Shows why the camera is off, in place of the preview. */
    protected void showProblem(FrameSource.Problem p) {
        switch (p) {
            case PERMISSION_DENIED: showProblem(getString(R.string.camera_permission_denied)); break;
            case NO_FRONT_CAMERA: showProblem(getString(R.string.camera_no_front)); break;
            case CAMERA_IN_USE: showProblem(getString(R.string.camera_in_use)); break;
            default: showProblem(getString(R.string.camera_error));
        }
    }

    /** Shows a message in place of the preview. */
    protected void showProblem(String message) {
        problem.setText(message);
        problem.setVisibility(View.VISIBLE);
        onCameraOff();
    }

    /** The camera cannot be used (the message is shown); screens offer their alternative here. */
    protected void onCameraOff() {}

    /** The camera works again after another app had it (the message is hidden). */
    protected void onCameraBack() {}

    /** The text shown instead of the preview, or null when the camera runs normally. */
    public CharSequence problemText() {
        return problem.getVisibility() == View.VISIBLE ? problem.getText() : null;
    }

    /** Tapping the message: ask again, or, once the system no longer asks, open the app's system settings. */
    private void askAgain() {
        if (checkSelfPermission(Manifest.permission.CAMERA) == PackageManager.PERMISSION_GRANTED) return;
        if (shouldShowRequestPermissionRationale(Manifest.permission.CAMERA)) {
            requestPermissions(new String[] {Manifest.permission.CAMERA}, PERMISSION_REQUEST);
        } else {
            services.session.handingOff();
            startActivity(new Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", getPackageName(), null)));
        }
    }
}
