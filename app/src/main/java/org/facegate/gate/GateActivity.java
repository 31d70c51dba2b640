package org.facegate.gate;

import android.app.admin.DevicePolicyManager;
import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.EditText;
import android.widget.TextView;
import java.util.Collections;
import java.util.List;
import org.facegate.R;
import org.facegate.camera.CameraFrame;
import org.facegate.engine.FaceEngine;
import org.facegate.engine.FaceModels;
import org.facegate.enroll.EnrollActivity;
import org.facegate.liveness.ChallengeSession;
import org.facegate.match.Matcher;
import org.facegate.security.GateRules;
import org.facegate.security.PinCheck;
import org.facegate.security.StepUp;
import org.facegate.settings.SettingsActivity;
import org.facegate.setup.SetupActivity;
import org.facegate.store.Gallery;
import org.facegate.store.Person;
import org.facegate.store.Role;
import org.facegate.store.UnlockEvent;
import org.facegate.ui.CameraActivity;
import org.facegate.ui.DeleteAll;
import org.facegate.ui.FaceOverlayView;
import org.facegate.ui.PinMessages;

/**
 * The gate, the app's only exported screen and where it opens. Unlocks by face ({@link UnlockAttempt}, with the
 * liveness challenge of the mode in settings, whose instruction it shows) for people who may unlock, or by PIN, which
 * is always offered. Whether the face may be used is {@link GateDecision}'s to say (PIN only after a reboot, after 24
 * hours without the PIN, after 4 hours without an unlock, after 3 failed attempts, when an administrator turned face
 * unlock off, when nobody who may unlock is enrolled with the current model, when the owner must re-enroll; when a
 * Keystore key is lost, "delete all" instead of the PIN); this screen gathers the facts and shows the
 * verdict. Before the PIN exists it hands over to first-run setup. A recognized person who may not unlock is not named:
 * whoever stands at the gate is not told who lives there.
 *
 * <p>Every ended face attempt is counted ({@link GateDecision#failures}: a detected attack counts twice) and logged on
 * the inference thread as soon as it ends, before anything is shown, so that a gate closed in time loses no failure;
 * an attempt under way when the gate closes, rotates (a free look otherwise: turning the phone is quick) or loses the
 * camera to another app counts too ({@link UnlockAttempt#abandon}). Once the gate opens, by face or PIN, the attempt
 * is over: frames still in flight are dropped, not counted. Frames are judged only while {@link GateRules} allow the
 * face, checked on the inference thread too, so a frame already waiting when the last allowed failure was counted
 * cannot open the gate.
 *
 * <p>{@link AppGateActivity} is this gate over a locked app: the same rules, attempts, lockout and PIN, with other
 * people allowed ({@link #candidates}), another way through ({@link #passed}) and another way out ({@link #failed}).
 */
public class GateActivity extends CameraActivity {
    private TextView status, pinError;
    private View pinPanel, deleteAll;
    private EditText pin;
    private Button unlock;
    // main thread
    private Person owner;
    private boolean ownerNeedsEnrollment, leaving, loaded, anyone, keysLost, adminOff, attempting;
    // the inference thread's; set to null from the main thread when the gate opens
    private volatile UnlockAttempt attempt;

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
        deleteAll = findViewById(R.id.gate_delete_all);
        findViewById(R.id.gate_use_pin).setOnClickListener(v -> showPin());
        unlock.setOnClickListener(v -> submitPin());
        deleteAll.setOnClickListener(v -> DeleteAll.confirm(this, () -> DeleteAll.delete(this)));
        attachCamera(findViewById(R.id.gate_camera));
        setCameraWanted(false);     // until the rules say the face may be used
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (isFinishing()) return;
        if (alreadyPassed()) return;
        loaded = false;
        status.setText(R.string.gate_status_loading);
        services.engine().post(new FaceEngine.Job() {
            @Override
            public void run(FaceModels models) throws Exception {
                Gallery g = services.gallery();
                boolean lost = services.pin.keyLost() || g.recordsUnreadable();
                boolean off = (getSystemService(DevicePolicyManager.class).getKeyguardDisabledFeatures(null)
                        & DevicePolicyManager.KEYGUARD_DISABLE_FACE) != 0;
                Person o = g.owner();
                Gallery.Snapshot s = g.load(models.modelId);
                boolean stale = o != null && s.of(o.id) == null;
                attempt = new UnlockAttempt(new Matcher(services.settings.securityLevel()), candidates(s), services.settings.livenessMode(),
                        () -> services.challengeOrder.apply(services.rules().faceFailures()), services.timings);
                boolean anyone = attempt.anyUnlocker();
                services.main.post(() -> {
                    owner = o;
                    ownerNeedsEnrollment = o == null || stale;
                    keysLost = lost;
                    adminOff = off;
                    loaded = attempting = true;
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

    /** Whether the gate has nothing to do on resume (the session is already open): it has moved on if so. */
    protected boolean alreadyPassed() {
        if (!services.session.isUnlocked()) return false;
        proceed();
        return true;
    }

    /**
     * Who the face is matched against, each with whether they may pass (inference thread; blocking reads allowed):
     * everyone enrolled, as they may unlock FaceGate.
     */
    protected List<Gallery.Enrolled> candidates(Gallery.Snapshot s) {
        return s.enrolled();
    }

    /** The attempt under way when the gate closes (or rotates) counts, if it saw a face: leaving in time is no free look. */
    @Override
    protected void onPause() {
        abandonAttempt();
        attempting = false;
        super.onPause();
    }

    /** Gives up the attempt under way, counted as failed if it saw a face (inference thread, after the frames queued). */
    private void abandonAttempt() {
        if (attempting) services.engine().post(new FaceEngine.Job() {
            @Override
            public void run(FaceModels models) {
                UnlockAttempt a = attempt;
                UnlockAttempt.Outcome o = a == null ? null : a.abandon();
                if (o != null) record(o);
            }

            @Override
            public void failed(Exception e) {
                // the models are gone: so is the attempt
            }
        });
    }

    private void applyRules(boolean anyoneMayUnlock) {
        anyone = anyoneMayUnlock;
        applyRules();
    }

    /** Asks {@link GateDecision} whether the face may be used now, and shows the answer. */
    private void applyRules() {
        if (!loaded || leaving) return;
        GateDecision.Verdict v = GateDecision.decide(new GateDecision.Facts(keysLost, adminOff, owner != null,
                ownerNeedsEnrollment, anyone, services.rules().pinRequired()));
        if (v == GateDecision.Verdict.LOOK) {
            status.setText(R.string.gate_status_look);
            setCameraWanted(true);
            return;
        }
        setCameraWanted(false);
        overlay.show(1, 1, Collections.emptyList());
        status.setText(describe(v));
        if (v == GateDecision.Verdict.KEYS_LOST) keysLost();
        else showPin();
    }

    private String describe(GateDecision.Verdict v) {
        switch (v) {
            case KEYS_LOST: return getString(R.string.gate_status_keys_lost);
            case NO_OWNER: return getString(R.string.gate_status_no_face_enrolled);
            case FACE_OFF_BY_ADMIN: return getString(R.string.gate_status_admin_off);
            case PIN_AFTER_REBOOT: return getString(R.string.gate_status_pin_reboot);
            case PIN_EXPIRED: return getString(R.string.gate_status_pin_expired);
            case PIN_AFTER_IDLE: return getString(R.string.gate_status_pin_idle);
            case PIN_AFTER_FAILURES: return getResources().getQuantityString(R.plurals.gate_status_pin_failures, GateRules.MAX_FACE_FAILURES, GateRules.MAX_FACE_FAILURES);
            case REENROLL: return getString(R.string.gate_status_reenroll);
            default: return getString(R.string.gate_status_nobody);
        }
    }

    /** The PIN can no longer be checked: the one way on is to start over, offered instead of the PIN. */
    private void keysLost() {
        pinPanel.setVisibility(View.GONE);
        findViewById(R.id.gate_use_pin).setVisibility(View.GONE);
        deleteAll.setVisibility(View.VISIBLE);
    }

    @Override
    protected Runnable analyze(FaceModels models, CameraFrame frame) {
        UnlockAttempt a = attempt;
        if (a == null) return null;
        // the failure counted for the frame before may have been the last the rules allow: the gate shows the PIN
        if (services.rules().pinRequired() != null) return this::applyRules;
        int width = frame.image().width(), height = frame.image().height();
        UnlockAttempt.Outcome o = a.frame(models, frame.image(), frame.luma(), frame.timeMillis(), first -> {
            showNow(() -> show(width, height, first));
            // how early, for the diagnostics: the share of a frame the time-to-unlock measurements assume
            services.timings.firstInstruction();
        });
        if (attempt != a) return null;      // the gate opened (the PIN) while this frame was judged: it counts for nothing
        record(o);
        if (o.kind() == UnlockAttempt.Kind.UNLOCK) attempt = null;      // over: later frames must not start another
        return () -> show(width, height, o);
    }

    /**
     * Counts and logs an ended attempt (inference thread), durably, before the gate shows it: the screen may be gone by
     * then, and its result with it.
     */
    private void record(UnlockAttempt.Outcome o) {
        UnlockEvent.Outcome logged = GateDecision.logged(o.kind());
        if (logged == null) return;
        int failures = GateDecision.failures(o.kind());
        if (failures > 0) services.rules().faceFailed(failures);
        else services.rules().faceUnlocked();
        log(UnlockEvent.now(logged, o.person() == null ? null : o.person().person().id, o.score()));
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
                UnlockAttempt.Instruction i = o.instruction();
                status.setText(i.steps() > 1 ? getString(R.string.gate_status_challenge_step, i.text(), i.step(), i.steps()) : i.text());
                break;
            case UNLOCK:
                open(o.person().person(), false);
                break;
            case FAILED:
                failed(o.person() != null ? getString(R.string.gate_status_not_allowed, faceFailures(), GateRules.MAX_FACE_FAILURES)
                        : getString(R.string.gate_status_failed, faceFailures(), GateRules.MAX_FACE_FAILURES));
                break;
            case SPOOF:
                livenessFailed(getString(R.string.gate_status_spoof, spoofReason(o.reason())));
                break;
            case TIMEOUT:
                livenessFailed(timeoutReason(o));
                break;
        }
    }

    private int faceFailures() {
        return services.rules().faceFailures();
    }

    /** A failed attempt (already counted): the PIN if that was one too many, else why and how many are left. */
    protected void failed(String message) {
        if (services.rules().pinRequired() != null) applyRules();
        else status.setText(message);
    }

    /** A recognized face that failed the liveness check (already counted): said why. */
    private void livenessFailed(String why) {
        failed(getString(R.string.gate_status_liveness_failed, why, faceFailures(), GateRules.MAX_FACE_FAILURES));
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

    /**
     * The camera stopped (another app took it, an error): the attempt under way ends as if the gate closed, counted if
     * it saw a face, since taking the camera away (split screen) would otherwise be a free retry; the next attempt
     * starts afresh when the camera comes back ({@link #onCameraBack}).
     */
    @Override
    protected void onCameraOff() {
        abandonAttempt();
        status.setText(R.string.gate_status_camera_off);
        showPin();
    }

    @Override
    protected void onCameraBack() {
        applyRules();
    }

    private void showPin() {
        pinPanel.setVisibility(View.VISIBLE);
        pin.requestFocus();
    }

    private void submitPin() {
        String entered = pin.getText().toString();
        if (entered.isEmpty()) return;      // a tap on Unlock with nothing typed is no guess: not counted
        pin.setText("");
        unlock.setEnabled(false);
        services.io.execute(() -> {
            PinCheck.Result r = services.pinCheck().check(entered);
            services.main.post(() -> pinChecked(r));
        }, () -> unlock.setEnabled(true));
    }

    private void pinChecked(PinCheck.Result r) {
        unlock.setEnabled(true);
        switch (r.outcome()) {
            case OK:
                services.rules().pinUsed();
                log(UnlockEvent.now(UnlockEvent.Outcome.PIN, owner == null ? null : owner.id, null));
                open(owner, true);
                return;
            case KEY_LOST:
                status.setText(R.string.gate_status_keys_lost);
                keysLost();
                return;
            case LOCKED_OUT:
                break;
            default:
                log(UnlockEvent.now(UnlockEvent.Outcome.PIN_REJECTED, null, null));
        }
        pinError.setText(PinMessages.of(this, r));
    }

    /**
     * The gate opened, by face for {@code who} or by PIN ({@code byPin}) for the owner: the attempt is over, then
     * {@link #passed} moves on.
     */
    private void open(Person who, boolean byPin) {
        leaving = true;
        attempting = false;
        attempt = null;     // frames in flight count for nothing now; onPause has nothing to give up
        passed(who, byPin);
    }

    /**
     * Someone passed (the attempt is already counted and logged): by face {@code who}, by PIN ({@code byPin}) the owner
     * (null before the owner's face is enrolled). Opens the session and moves on.
     */
    protected void passed(Person who, boolean byPin) {
        // the PIN was just entered: it stands for the enrollment that follows when the owner's face is missing
        if (byPin && ownerNeedsEnrollment) services.stepUp.confirmed(StepUp.Action.ENROLL);
        leave();
        if (who == null) services.session.unlock(-1, services.prefs.getString(SetupActivity.OWNER_NAME, ""), Role.OWNER);
        else services.session.unlock(who.id, who.name, who.role);
        proceed();
    }

    /**
     * After unlocking: the owner's enrollment if it is missing or stale and the owner is here, else a new PIN if the
     * owner's no longer meets the rules (an older 4-digit one), else the content.
     */
    private void proceed() {
        leave();
        Intent next;
        if (ownerNeedsEnrollment && services.session.isOwner()) {
            next = owner == null ? EnrollActivity.firstRun(this) : EnrollActivity.reenroll(this, owner, true);
        } else if (services.session.isOwner() && services.pin.needsChange()) {
            next = SettingsActivity.changePin(this);
        } else {
            next = new Intent(this, ContentActivity.class);
        }
        startActivity(next);
        finish();
    }

    /** The gate is done: no later frame is shown or starts anything. */
    protected void leave() {
        leaving = true;
        setCameraWanted(false);
    }

    private void log(UnlockEvent e) {
        services.io.execute(() -> services.gallery().log(e));
    }
}
