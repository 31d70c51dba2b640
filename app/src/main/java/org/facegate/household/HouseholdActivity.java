package org.facegate.household;

import static org.facegate.ui.Sentences.capitalized;

import android.app.AlertDialog;
import android.content.ClipData;
import android.content.Intent;
import android.net.Uri;
import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.CheckBox;
import android.widget.EditText;
import android.widget.LinearLayout;
import android.widget.TextView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.facegate.R;
import org.facegate.engine.FaceEngine;
import org.facegate.engine.FaceModels;
import org.facegate.enroll.EnrollActivity;
import org.facegate.enroll.EnrollmentException;
import org.facegate.enroll.Enroller;
import org.facegate.enroll.NameIssue;
import org.facegate.enroll.PersonName;
import org.facegate.enroll.QualityGate;
import org.facegate.enroll.QualityReport;
import org.facegate.enroll.Sample;
import org.facegate.image.RgbImage;
import org.facegate.match.Matcher;
import org.facegate.security.StepUp;
import org.facegate.store.Gallery;
import org.facegate.store.Person;
import org.facegate.store.Role;
import org.facegate.ui.SecureActivity;
import org.facegate.ui.SecureWindows;

/**
 * The household (owner only): everyone enrolled, with may-unlock switches, rename, re-enroll and remove; new members
 * are enrolled from the camera or from photos picked with {@code ACTION_OPEN_DOCUMENT} (no storage permission: the
 * system picker grants access to the chosen files only). New members may not unlock until the owner says so. Every
 * enrollment, may-unlock change and removal needs the PIN again ({@link StepUp}); a switch whose PIN is not given
 * goes back.
 */
public final class HouseholdActivity extends SecureActivity {
    static final int PICK_PHOTOS = 1;

    private LinearLayout list;
    private EditText newName;
    private TextView message;
    private String pendingName;

    @Override
    protected boolean requiresOwner() {
        return true;
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.household_activity);
        list = findViewById(R.id.household_list);
        newName = findViewById(R.id.household_new_name);
        message = findViewById(R.id.household_message);
        if (savedInstanceState != null) pendingName = savedInstanceState.getString("pending");
        findViewById(R.id.household_add_camera).setOnClickListener(v -> {
            String n = takeName();
            if (n != null) withFreshPin(StepUp.Action.ENROLL, getString(R.string.stepup_add_member, n),
                    () -> startActivity(EnrollActivity.newMember(this, n, false)));
        });
        findViewById(R.id.household_add_photos).setOnClickListener(v -> {
            String n = takeName();
            if (n == null) return;
            withFreshPin(StepUp.Action.ENROLL, getString(R.string.stepup_add_member, n), () -> {
                pendingName = n;
                services.session.handingOff();
                startActivityForResult(new Intent(Intent.ACTION_OPEN_DOCUMENT).addCategory(Intent.CATEGORY_OPENABLE)
                        .setType("image/*").putExtra(Intent.EXTRA_ALLOW_MULTIPLE, true), PICK_PHOTOS);
            });
        });
    }

    @Override
    protected void onSaveInstanceState(Bundle out) {
        super.onSaveInstanceState(out);
        out.putString("pending", pendingName);
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (!isFinishing()) refresh();
    }

    /** The new member's name as stored, or null with the field saying what is wrong ({@link PersonName}, as the CLI). */
    private String takeName() {
        String typed = newName.getText().toString();
        NameIssue issue = PersonName.issue(typed);
        if (issue != null) {
            newName.setError(capitalized(issue.advice()));
            return null;
        }
        return PersonName.normalized(typed);
    }


    /** Reloads the list (people, sample counts, who must re-enroll), on the inference thread for the model id. */
    private void refresh() {
        services.engine().post(new FaceEngine.Job() {
            @Override
            public void run(FaceModels models) {
                List<Person> people = services.gallery().people();
                Gallery.Snapshot s = services.gallery().load(models.modelId);
                services.main.post(() -> show(people, s));
            }

            @Override
            public void failed(Exception e) {
                services.main.post(() -> message.setText(getString(R.string.camera_models_failed, e.getMessage())));
            }
        });
    }

    private void show(List<Person> people, Gallery.Snapshot s) {
        list.removeAllViews();
        for (Person p : people) {
            View row = getLayoutInflater().inflate(R.layout.household_row, list, false);
            Gallery.Enrolled e = s.of(p.id);
            String detail = p.role == Role.OWNER ? "owner" : "member";
            detail += " · " + (e == null ? getString(R.string.household_needs_reenroll) : getResources().getQuantityString(R.plurals.household_samples, e.samples().size(), e.samples().size()));
            ((TextView) row.findViewById(R.id.row_name)).setText(p.name);
            ((TextView) row.findViewById(R.id.row_detail)).setText(detail);
            CheckBox may = row.findViewById(R.id.row_may_unlock);
            may.setChecked(p.mayUnlock);
            may.setEnabled(p.role != Role.OWNER);     // the owner always may
            may.setOnCheckedChangeListener((b, checked) -> {
                if (checked == p.mayUnlock) return;       // put back after a PIN not given
                withFreshPin(StepUp.Action.MAY_UNLOCK, getString(R.string.stepup_may_unlock, p.name),
                        () -> change(g -> g.setMayUnlock(p.id, checked)), () -> may.setChecked(p.mayUnlock));
            });
            row.findViewById(R.id.row_rename).setOnClickListener(v -> rename(p));
            row.findViewById(R.id.row_reenroll).setOnClickListener(v -> withFreshPin(StepUp.Action.ENROLL,
                    getString(R.string.stepup_reenroll, p.name), () -> startActivity(EnrollActivity.reenroll(this, p, false))));
            Button remove = row.findViewById(R.id.row_remove);
            remove.setVisibility(p.role == Role.OWNER ? View.GONE : View.VISIBLE);
            remove.setOnClickListener(v -> SecureWindows.show(new AlertDialog.Builder(this)
                    .setMessage(getString(R.string.household_remove_confirm, p.name))
                    .setPositiveButton(R.string.household_remove, (d, w) -> withFreshPin(StepUp.Action.REMOVE_PERSON,
                            getString(R.string.stepup_remove, p.name), () -> services.io.execute(() -> {
                                services.gallery().remove(p.id);
                                services.main.post(this::refresh);
                            }, this::refresh)))
                    .setNegativeButton(R.string.household_cancel, null)));
            row.setTag(p.name);
            list.addView(row);
        }
    }

    /** A change to the gallery that may be refused. */
    private interface Change {
        void apply(Gallery g) throws Gallery.GalleryException;
    }

    /**
     * Makes a change off the main thread, says why if it was refused, and reloads the list either way: also when it
     * threw (a Keystore or SQLite failure, shown by the I/O thread), so that a switch does not stay toggled over
     * nothing written.
     */
    private void change(Change c) {
        services.io.execute(() -> {
            String error = null;
            try {
                c.apply(services.gallery());
            } catch (Gallery.GalleryException e) {
                error = e.getMessage();
            }
            String shown = error;
            services.main.post(() -> {
                message.setText(shown == null ? "" : shown);
                refresh();
            });
        }, this::refresh);
    }

    private void rename(Person p) {
        EditText field = new EditText(this);
        field.setText(p.name);
        SecureWindows.show(new AlertDialog.Builder(this).setTitle(R.string.household_rename).setView(field)
                .setPositiveButton(R.string.household_ok, (d, w) -> {
                    NameIssue issue = PersonName.issue(field.getText().toString());
                    if (issue != null) {
                        message.setText(capitalized(issue.advice()));
                        return;
                    }
                    String n = PersonName.normalized(field.getText().toString());
                    change(g -> g.rename(p.id, n));
                })
                .setNegativeButton(R.string.household_cancel, null));
    }

    @Override
    protected void onActivityResult(int requestCode, int resultCode, Intent data) {
        super.onActivityResult(requestCode, resultCode, data);
        if (requestCode != PICK_PHOTOS) return;
        services.session.handoffEnded();
        if (resultCode != RESULT_OK || data == null || pendingName == null) return;
        List<Uri> uris = new ArrayList<>();
        ClipData clip = data.getClipData();
        if (clip != null) for (int i = 0; i < clip.getItemCount(); i++) uris.add(clip.getItemAt(i).getUri());
        else if (data.getData() != null) uris.add(data.getData());
        String name = pendingName;
        pendingName = null;
        // asked again if picking took longer than the PIN stays fresh: the enrollment is what the PIN is for
        withFreshPin(StepUp.Action.ENROLL, getString(R.string.stepup_add_member, name), () -> enrollFromPhotos(name, uris));
    }

    /**
     * Quality-checks and embeds each photo, then adds the member in one transaction if the photos show one person
     * ({@link org.facegate.enroll.SamePerson}) and nobody else enrolled; reports per-photo refusals.
     */
    private void enrollFromPhotos(String name, List<Uri> uris) {
        message.setText(R.string.enroll_saving);
        services.engine().post(new FaceEngine.Job() {
            @Override
            public void run(FaceModels models) {
                Enroller enroller = new Enroller(models.detector, models.embedder, QualityGate.DEFAULT, new Matcher(services.settings.securityLevel()));
                List<Sample> samples = new ArrayList<>();
                List<String> accepted = new ArrayList<>(), refused = new ArrayList<>();
                for (Uri u : uris) {
                    try {
                        RgbImage img = org.facegate.household.Photos.load(getContentResolver(), u);
                        QualityReport r = enroller.check(img);
                        if (r.ok()) {
                            samples.add(enroller.sample(img, r));
                            accepted.add(u.getLastPathSegment());
                        } else refused.add(u.getLastPathSegment() + ": " + r.issues().get(0).advice());
                    } catch (java.io.IOException e) {
                        refused.add(u.getLastPathSegment() + ": " + e.getMessage());
                    }
                }
                String result;
                try {
                    if (samples.isEmpty()) {
                        result = getString(R.string.household_photos_none, String.join("; ", refused));
                    } else {
                        List<org.facegate.match.Person> others = new ArrayList<>();
                        for (Gallery.Enrolled e : services.gallery().load(models.modelId).enrolled()) {
                            others.add(new org.facegate.match.Person(e.person().name, e.samples()));
                        }
                        enroller.check(name, samples, accepted, Collections.emptyList(), others);
                        services.gallery().addPerson(name, Role.MEMBER, false, samples, models.modelId);
                        result = getResources().getQuantityString(R.plurals.household_photos_added, samples.size(), name, samples.size())
                                + (refused.isEmpty() ? "" : " (skipped " + String.join("; ", refused) + ")");
                    }
                } catch (EnrollmentException | Gallery.GalleryException e) {
                    result = capitalized(e.getMessage());
                }
                String shown = result;
                services.main.post(() -> {
                    message.setText(shown);
                    newName.setText("");
                    refresh();
                });
            }

            @Override
            public void failed(Exception e) {
                services.main.post(() -> message.setText(getString(R.string.camera_models_failed, e.getMessage())));
            }
        });
    }
}
