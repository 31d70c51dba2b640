package org.facegate.enroll;

import static org.facegate.ui.Sentences.capitalized;

import android.app.Activity;
import android.content.Context;
import android.content.Intent;
import android.os.Bundle;
import android.os.SystemClock;
import android.widget.ProgressBar;
import android.widget.TextView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.facegate.R;
import org.facegate.camera.CameraFrame;
import org.facegate.engine.FaceModels;
import org.facegate.engine.FaceUnavailable;
import org.facegate.gate.ContentActivity;
import org.facegate.image.RgbImage;
import org.facegate.match.Matcher;
import org.facegate.security.StepUp;
import org.facegate.setup.SetupActivity;
import org.facegate.store.Gallery;
import org.facegate.store.Person;
import org.facegate.store.Role;
import org.facegate.ui.CameraActivity;
import org.facegate.ui.FaceOverlayView;

/**
 * Guided enrollment from the camera: every frame goes through facecore's quality gate, whose advice ("move closer",
 * "too dark", "head turned"...) is shown live; {@link #SAMPLES} good frames at least {@link #SPACING_MS} apart (so the
 * head has moved a little between them) make the template. The frames must show one person ({@link SamePerson}: a
 * second person stepping in is refused, with the reason shown a moment before capturing starts over), and not match
 * anyone else enrolled; then it is written in one transaction (a new person, or replacing the person's templates).
 * Used for the owner at first run, re-enrollment, and household members. Owner only, and only with the PIN entered
 * for it within the last minute ({@link StepUp.Action#ENROLL}: CDD 7.3.10 C-1-4): whoever holds an open session
 * cannot enroll their own face.
 */
public final class EnrollActivity extends CameraActivity {
    /** Good frames per template. */
    public static final int SAMPLES = 5;
    /** Least time between two kept frames. */
    public static final long SPACING_MS = 300;
    /** How long the reason of a refused enrollment stays up before capturing starts over. */
    static final long REFUSAL_SHOWN_MS = 3000;

    static final String EXTRA_PERSON = "person", EXTRA_NAME = "name", EXTRA_ROLE = "role", EXTRA_MAY_UNLOCK = "may_unlock",
            EXTRA_FIRST_RUN = "first_run";

    /** The owner's first enrollment (first run, or the owner row was never written). */
    public static Intent firstRun(Context c) {
        return new Intent(c, EnrollActivity.class).putExtra(EXTRA_FIRST_RUN, true).putExtra(EXTRA_ROLE, Role.OWNER.name())
                .putExtra(EXTRA_MAY_UNLOCK, true)
                .putExtra(EXTRA_NAME, c.getSharedPreferences(org.facegate.Services.PREFS, Context.MODE_PRIVATE).getString(SetupActivity.OWNER_NAME, "Owner"));
    }

    /**
     * New templates for an enrolled person (model changed, or a better template wanted).
     *
     * @param thenContent go on to the content screen when done (coming from the gate), rather than back
     */
    public static Intent reenroll(Context c, Person p, boolean thenContent) {
        return new Intent(c, EnrollActivity.class).putExtra(EXTRA_PERSON, p.id).putExtra(EXTRA_NAME, p.name)
                .putExtra(EXTRA_ROLE, p.role.name()).putExtra(EXTRA_MAY_UNLOCK, p.mayUnlock).putExtra(EXTRA_FIRST_RUN, thenContent);
    }

    /** A new household member. */
    public static Intent newMember(Context c, String name, boolean mayUnlock) {
        return new Intent(c, EnrollActivity.class).putExtra(EXTRA_NAME, name).putExtra(EXTRA_ROLE, Role.MEMBER.name())
                .putExtra(EXTRA_MAY_UNLOCK, mayUnlock);
    }

    /**
     * Kept frames and the outcome of the save; survives rotation (onRetainNonConfigurationInstance), so a screen that
     * comes back after the template was written (a rotation or a pause between the save and its UI step) finishes
     * instead of waiting for frames it will never use. Touched on the inference thread.
     */
    static final class Progress {
        final List<org.facegate.enroll.Sample> samples = new ArrayList<>();
        long lastKept = Long.MIN_VALUE / 2;
        boolean saving, done;
        /** The person enrolled: from the intent, or, for a new person, the id the save gave them. */
        long personId = -1;
        /** Why the last enrollment was refused, shown until {@link #REFUSAL_SHOWN_MS} after {@code refusedAt}. */
        String refusal;
        long refusedAt;
    }

    private Progress progress;
    private TextView advice;
    private ProgressBar bar;
    private TextView count;
    private String name;
    private Role role;
    private boolean mayUnlock, firstRun;
    // inference thread
    private Enroller enroller;
    private FaceModels enrollerModels;

    @Override
    protected boolean requiresOwner() {
        return true;
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        // a screen recreated after a rotation was let in when it first opened
        if (savedInstanceState == null && !services.stepUp.fresh(StepUp.Action.ENROLL)) {
            finish();
            return;
        }
        setContentView(R.layout.enroll_activity);
        Intent i = getIntent();
        name = i.getStringExtra(EXTRA_NAME);
        role = Role.valueOf(i.getStringExtra(EXTRA_ROLE));
        mayUnlock = i.getBooleanExtra(EXTRA_MAY_UNLOCK, false);
        firstRun = i.getBooleanExtra(EXTRA_FIRST_RUN, false);
        Object retained = getLastNonConfigurationInstance();
        if (retained instanceof Progress) {
            progress = (Progress) retained;
        } else {
            progress = new Progress();
            progress.personId = i.getLongExtra(EXTRA_PERSON, -1);
        }
        ((TextView) findViewById(R.id.enroll_title)).setText(getString(R.string.enroll_title, name));
        advice = findViewById(R.id.enroll_advice);
        bar = findViewById(R.id.enroll_progress);
        count = findViewById(R.id.enroll_count);
        bar.setMax(SAMPLES);
        findViewById(R.id.enroll_cancel).setOnClickListener(v -> finish());
        findViewById(R.id.enroll_cancel).setEnabled(!firstRun);
        showCount(0);
        attachCamera(findViewById(R.id.enroll_camera));
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (isFinishing()) return;
        boolean saved;
        synchronized (progress) {
            saved = progress.done;
        }
        if (saved) finished();
    }

    @Override
    public Object onRetainNonConfigurationInstance() {
        return progress;
    }

    @Override
    protected Runnable analyze(FaceModels models, CameraFrame camera) throws Exception {
        RgbImage frame = camera.image();
        synchronized (progress) {
            if (progress.done) return this::finished;       // saved while this screen was away
            if (progress.saving) return null;
        }
        if (enrollerModels != models) {
            enroller = new Enroller(models.detector, models.embedder, QualityGate.DEFAULT, new Matcher(services.settings.securityLevel()));
            enrollerModels = models;
        }
        QualityReport report = enroller.check(frame);
        int kept;
        boolean full = false;
        synchronized (progress) {
            long now = SystemClock.elapsedRealtime();
            if (progress.refusal != null && now - progress.refusedAt >= REFUSAL_SHOWN_MS) progress.refusal = null;
            if (progress.refusal == null && report.ok() && now - progress.lastKept >= SPACING_MS) {
                progress.samples.add(enroller.sample(frame, report));
                progress.lastKept = now;
                full = progress.samples.size() >= SAMPLES;
                progress.saving = full;
            }
            kept = progress.samples.size();
        }
        boolean saved = full && save(models);
        String refusal;
        synchronized (progress) {
            refusal = progress.refusal;
        }
        int shown = kept;
        int width = frame.width(), height = frame.height();
        return () -> {
            int color = report.ok() ? 0xFF43A047 : 0xFFFFB300;
            overlay.show(width, height, report.face() == null ? Collections.emptyList()
                    : Collections.singletonList(new FaceOverlayView.Mark(report.face().box(), "", color)));
            if (saved) {
                finished();
            } else if (refusal != null) {
                advice.setText(refusal);
                showCount(0);
            } else {
                advice.setText(report.ok() ? getString(R.string.enroll_hold_still) : advice(report));
                showCount(shown);
            }
        };
    }

    /**
     * Checks that the frames show one person and nobody else enrolled, and writes the template; when refused, keeps
     * the reason in {@link Progress#refusal} and starts over. Inference thread.
     */
    private boolean save(FaceModels models) {
        List<Sample> samples;
        long personId;
        synchronized (progress) {
            samples = new ArrayList<>(progress.samples);
            personId = progress.personId;
        }
        List<String> frames = new ArrayList<>();
        for (int i = 1; i <= samples.size(); i++) frames.add("frame " + i);
        try {
            Gallery g = services.gallery();
            List<org.facegate.match.Person> others = new ArrayList<>();
            for (Gallery.Enrolled e : g.load(models.modelId).enrolled()) {
                if (e.person().id != personId) others.add(new org.facegate.match.Person(e.person().name, e.samples()));
            }
            // a re-enrollment replaces the person's templates: its frames need only show one person, not the old face
            enroller.check(name, samples, frames, Collections.emptyList(), others);
            if (personId < 0) personId = g.addPerson(name, role, mayUnlock, samples, models.modelId);
            else g.replaceTemplates(personId, samples, models.modelId);
            synchronized (progress) {
                progress.personId = personId;
                progress.done = true;
            }
            return true;
        } catch (EnrollmentException | Gallery.GalleryException e) {
            startOver(e instanceof EnrollmentException r && r.reason() == EnrollmentException.Reason.DIFFERENT_PEOPLE
                    ? getString(R.string.enroll_different_people) : capitalized(e.getMessage()));
        } catch (RuntimeException e) {
            // e.g. a ProviderException from the Keystore while sealing: nothing was written (one transaction)
            startOver(getString(R.string.enroll_save_failed, String.valueOf(e.getMessage())));
        }
        return false;
    }

    /** Drops the kept frames and shows why for {@link #REFUSAL_SHOWN_MS} before capturing again. */
    private void startOver(String why) {
        synchronized (progress) {
            progress.samples.clear();
            progress.saving = false;
            progress.refusal = why;
            progress.refusedAt = SystemClock.elapsedRealtime();
        }
    }

    private void finished() {
        if (isFinishing()) return;
        long personId;
        synchronized (progress) {
            personId = progress.personId;
        }
        advice.setText(R.string.enroll_done);
        showCount(SAMPLES);
        setCameraWanted(false);
        if (role == Role.OWNER) {
            // the session was opened by PIN before the owner had a person row: now it has one
            services.session.unlock(personId, name, Role.OWNER);
        }
        if (firstRun) startActivity(new Intent(this, ContentActivity.class));
        setResult(Activity.RESULT_OK);
        finish();
    }

    /**
     * facecore's advice for the first issue; for a turned head, which way to turn. The frame is the camera's own,
     * unmirrored view, so a nose nearer the image's left eye, the subject's right (yaw &lt; 0), means the head is
     * turned to the user's right.
     */
    String advice(QualityReport report) {
        if (report.issues().get(0) == QualityIssue.HEAD_TURNED) {
            return getString(report.yaw() < 0 ? R.string.enroll_turn_left : R.string.enroll_turn_right);
        }
        return capitalized(report.issues().get(0).advice());
    }

    @Override
    protected String failureMessage(Exception e) {
        if (e instanceof FaceUnavailable) return getString(R.string.enroll_face_unavailable, e.getMessage());
        return super.failureMessage(e);
    }

    private void showCount(int n) {
        bar.setProgress(n);
        count.setText(getResources().getQuantityString(R.plurals.enroll_progress, SAMPLES, n, SAMPLES));
    }
}
