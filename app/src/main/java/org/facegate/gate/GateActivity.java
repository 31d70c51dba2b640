package org.facegate.gate;

import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.EditText;
import android.widget.FrameLayout;
import android.widget.TextView;
import java.util.Collections;
import org.facegate.R;
import org.facegate.camera.CameraFrame;
import org.facegate.engine.FaceEngine;
import org.facegate.engine.FaceModels;
import org.facegate.enroll.EnrollActivity;
import org.facegate.liveness.ChallengeSession;
import org.facegate.match.Matcher;
import org.facegate.security.GateRules;
import org.facegate.security.Throttle;
import org.facegate.setup.SetupActivity;
import org.facegate.store.Gallery;
import org.facegate.store.Person;
import org.facegate.store.Role;
import org.facegate.store.UnlockEvent;
import org.facegate.ui.CameraActivity;
import org.facegate.ui.FaceOverlayView;

/**
 * The gate, the app's only exported screen and where it opens. Unlocks by face ({@link UnlockAttempt}, with the
 * liveness challenge of the mode in settings, whose instruction it shows) for people who may unlock, or by PIN, which
 * is always offered. The face is refused (PIN only) after a reboot, after 72 hours without the PIN, during a lockout
 * ({@link Throttle}: 5 failed attempts, 30 s, doubling), when nobody who may unlock is enrolled with the current model,
 * and when the owner must re-enroll. Before the PIN exists it hands over to first-run setup.
 *
 * <p>What counts towards the lockout: a face not recognized, one failure; a liveness challenge not completed in time
 * (or the face leaving the view, or the head moving another way than asked), one failure, like any look that did not
 * work, since the user may simply have missed or misread the instruction; a detected presentation attack (a head turn without depth, a face that jumped or changed during the
 * challenge), {@link #SPOOF_FAILURES} failures, so that an attacker trying photos or videos is locked out after three
 * tries while a genuine user whom the check misjudged once still has attempts left.
 */
public final class GateActivity extends CameraActivity {
    /** Failures a detected presentation attack counts for. */
    static final int SPOOF_FAILURES = 2;

    private TextView status, pinError;
    private View pinPanel;
    private EditText pin;
    private Button unlock;
    // main thread
    private Person owner;
    private boolean ownerNeedsEnrollment, leaving, loaded, anyone;
    private final Runnable recheck = this::applyRules;
    // inference thread
    private UnlockAttempt attempt;

    @Override
    protected boolean requiresUnlock() {
        return false;
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        if (!services.pin.isSet()) {
            startActivity(new Intent(this, SetupActivity.class));
            finish();
            return;
        }
        setContentView(R.layout.gate_activity);
        status = findViewById(R.id.gate_status);
        pinPanel = findViewById(R.id.gate_pin_panel);
        pin = findViewById(R.id.gate_pin);
        pinError = findViewById(R.id.gate_pin_error);
        unlock = findViewById(R.id.gate_unlock);
        findViewById(R.id.gate_use_pin).setOnClickListener(v -> showPin());
        unlock.setOnClickListener(v -> submitPin());
        attachCamera(findViewById(R.id.gate_camera));
        setCameraWanted(false);     // until the rules say the face may be used
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (isFinishing()) return;
        if (services.session.isUnlocked()) {
            proceed();
            return;
        }
        loaded = false;
        status.setText(R.string.gate_status_loading);
        services.engine().post(new FaceEngine.Job() {
            @Override
            public void run(FaceModels models) {
                Gallery g = services.gallery();
                Person o = g.owner();
                Gallery.Snapshot s = g.load(models.modelId);
                boolean stale = o != null && s.of(o.id) == null;
                attempt = new UnlockAttempt(new Matcher(services.settings.securityLevel()), s.enrolled(), services.settings.livenessMode(),
                        services.challengeOrder, services.timings);
                boolean anyone = attempt.anyUnlocker();
                services.main.post(() -> {
                    owner = o;
                    ownerNeedsEnrollment = o == null || stale;
                    loaded = true;
                    applyRules(anyone);
                });
            }

            @Override
            public void failed(Exception e) {
                services.main.post(() -> {
                    loaded = true;
                    status.setText(failureMessage(e));
                    showPin();
                });
            }
        });
    }

    @Override
    protected void onPause() {
        services.main.removeCallbacks(recheck);
        super.onPause();
    }

    private void applyRules(boolean anyoneMayUnlock) {
        anyone = anyoneMayUnlock;
        applyRules();
    }

    /** Decides whether the face may be used now, and says why not. */
    private void applyRules() {
        if (!loaded || leaving) return;
        GateRules rules = services.rules();
        GateRules.PinReason reason = rules.pinRequired();
        long locked = rules.face.lockedForMs();
        String why = null;
        if (owner == null) why = getString(R.string.gate_status_no_face_enrolled);
        else if (reason == GateRules.PinReason.REBOOT) why = getString(R.string.gate_status_pin_reboot);
        else if (reason == GateRules.PinReason.EXPIRED) why = getString(R.string.gate_status_pin_expired);
        else if (ownerNeedsEnrollment && !anyone) why = getString(R.string.gate_status_reenroll);
        else if (!anyone) why = getString(R.string.gate_status_nobody);
        else if (locked > 0) {
            why = getString(R.string.gate_status_locked_out, (locked + 999) / 1000);
            services.main.postDelayed(recheck, Math.min(locked, 1000));
        }
        if (why != null) {
            setCameraWanted(false);
            overlay.show(1, 1, Collections.emptyList());
            status.setText(why);
            showPin();
        } else {
            status.setText(R.string.gate_status_look);
            setCameraWanted(true);
        }
    }

    @Override
    protected Runnable analyze(FaceModels models, CameraFrame frame) {
        UnlockAttempt a = attempt;
        if (a == null) return null;
        UnlockAttempt.Outcome o = a.frame(models, frame.image(), frame.luma(), frame.timeMillis());
        int width = frame.image().width(), height = frame.image().height();
        return () -> show(width, height, o);
    }

    private void show(int width, int height, UnlockAttempt.Outcome o) {
        if (leaving) return;
        boolean failed = o.kind() == UnlockAttempt.Kind.FAILED || o.kind() == UnlockAttempt.Kind.SPOOF || o.kind() == UnlockAttempt.Kind.TIMEOUT;
        int color = o.kind() == UnlockAttempt.Kind.UNLOCK ? 0xFF43A047 : failed ? 0xFFE53935 : 0xFFFFFFFF;
        overlay.show(width, height, o.box() == null ? Collections.emptyList()
                : Collections.singletonList(new FaceOverlayView.Mark(o.box(), "", color)));
        switch (o.kind()) {
            case NO_FACE:
                status.setText(R.string.gate_status_look);
                break;
            case LOOKING:
                status.setText(R.string.gate_status_checking);
                break;
            case CHALLENGE:
                status.setText(o.instruction());
                break;
            case UNLOCK:
                services.rules().face.recordSuccess();
                log(UnlockEvent.now(UnlockEvent.Outcome.FACE_MATCH, o.person().person().id, o.score()));
                open(o.person().person());
                break;
            case FAILED:
                log(UnlockEvent.now(UnlockEvent.Outcome.FACE_REJECTED, o.person() == null ? null : o.person().person().id, o.score()));
                long lockout = services.rules().face.recordFailure();
                if (lockout > 0) {
                    applyRules();
                } else if (o.person() != null) {
                    status.setText(getString(R.string.gate_status_not_allowed, o.person().person().name));
                } else {
                    status.setText(getString(R.string.gate_status_failed, services.rules().face.failures(), Throttle.MAX_FAILURES));
                }
                break;
            case SPOOF:
                livenessFailed(UnlockEvent.Outcome.FACE_SPOOF, o, SPOOF_FAILURES, getString(R.string.gate_status_spoof, spoofReason(o.reason())));
                break;
            case TIMEOUT:
                livenessFailed(UnlockEvent.Outcome.FACE_TIMEOUT, o, 1, timeoutReason(o));
                break;
        }
    }

    /** A recognized face that failed the liveness check: logged, counted, and said why. */
    private void livenessFailed(UnlockEvent.Outcome outcome, UnlockAttempt.Outcome o, int failures, String why) {
        log(UnlockEvent.now(outcome, o.person().person().id, o.score()));
        if (services.rules().face.recordFailures(failures) > 0) {
            applyRules();
        } else {
            status.setText(getString(R.string.gate_status_liveness_failed, why, services.rules().face.failures(), Throttle.MAX_FAILURES));
        }
    }

    private String spoofReason(ChallengeSession.Reason r) {
        switch (r) {
            case PLANAR_MOTION: return getString(R.string.liveness_planar);
            case FACE_JUMP: return getString(R.string.liveness_face_jump);
            default: return getString(R.string.liveness_identity);
        }
    }

    private String timeoutReason(UnlockAttempt.Outcome o) {
        if (o.reason() == ChallengeSession.Reason.FACE_LOST) return getString(R.string.liveness_face_lost);
        if (o.reason() == ChallengeSession.Reason.WRONG_MOVEMENT) return getString(R.string.liveness_wrong_movement);
        switch (o.challenge()) {
            case BLINK: return getString(R.string.liveness_timeout_blink);
            case TURN_LEFT: case TURN_RIGHT: return getString(R.string.liveness_timeout_turn);
            default: return getString(R.string.liveness_timeout_tilt);
        }
    }

    @Override
    protected void onCameraOff() {
        status.setText(R.string.gate_status_camera_off);
        showPin();
    }

    /**
     * Another app gave the camera back: a new attempt, since the one under way saw a gap in its frames that its
     * challenge would count as a timeout (a failure the user did not cause).
     */
    @Override
    protected void onCameraBack() {
        services.engine().post(new FaceEngine.Job() {
            @Override
            public void run(FaceModels models) {
                if (attempt != null) attempt.reset();
            }

            @Override
            public void failed(Exception e) {
                // the models cannot open: the frames will say so
            }
        });
        applyRules();
    }

    private void showPin() {
        pinPanel.setVisibility(View.VISIBLE);
        pin.requestFocus();
    }

    private void submitPin() {
        long locked = services.rules().pin.lockedForMs();
        if (locked > 0) {
            pinError.setText(getString(R.string.gate_pin_locked_out, (locked + 999) / 1000));
            return;
        }
        String entered = pin.getText().toString();
        pin.setText("");
        unlock.setEnabled(false);
        services.io.execute(() -> {
            boolean ok = services.pin.verify(entered);
            services.main.post(() -> pinChecked(ok));
        }, () -> unlock.setEnabled(true));
    }

    private void pinChecked(boolean ok) {
        unlock.setEnabled(true);
        if (ok) {
            services.rules().pinUsed();
            log(UnlockEvent.now(UnlockEvent.Outcome.PIN, owner == null ? null : owner.id, null));
            open(owner);
            return;
        }
        log(UnlockEvent.now(UnlockEvent.Outcome.PIN_REJECTED, null, null));
        long lockout = services.rules().pin.recordFailure();
        pinError.setText(lockout > 0 ? getString(R.string.gate_pin_locked_out, (lockout + 999) / 1000) : getString(R.string.gate_pin_wrong));
    }

    /** Opens the session: by face for {@code who}, by PIN for the owner (null before the owner's face is enrolled). */
    private void open(Person who) {
        leaving = true;
        if (who == null) services.session.unlock(-1, services.prefs.getString(SetupActivity.OWNER_NAME, ""), Role.OWNER);
        else services.session.unlock(who.id, who.name, who.role);
        proceed();
    }

    /** After unlocking: the owner's enrollment if it is missing or stale and the owner is here, else the content. */
    private void proceed() {
        leaving = true;
        setCameraWanted(false);
        Intent next;
        if (ownerNeedsEnrollment && services.session.isOwner()) {
            next = owner == null ? EnrollActivity.firstRun(this) : EnrollActivity.reenroll(this, owner, true);
        } else {
            next = new Intent(this, ContentActivity.class);
        }
        startActivity(next);
        finish();
    }

    private void log(UnlockEvent e) {
        services.io.execute(() -> services.gallery().log(e));
    }
}
