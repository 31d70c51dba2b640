package org.facegate.screens;

import static org.junit.Assume.assumeTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Activity;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.view.View;
import android.widget.EditText;
import android.widget.ProgressBar;
import android.widget.TextView;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.facegate.R;
import org.facegate.diagnostics.Diagnostics;
import org.facegate.diagnostics.DiagnosticsActivity;
import org.facegate.diagnostics.FrameTimings;
import org.facegate.engine.FaceModels;
import org.facegate.enroll.Enroller;
import org.facegate.enroll.EnrollActivity;
import org.facegate.enroll.QualityGate;
import org.facegate.enroll.QualityReport;
import org.facegate.enroll.Sample;
import org.facegate.applock.LockedAppsActivity;
import org.facegate.gate.AppGateActivity;
import org.facegate.gate.ContentActivity;
import org.facegate.gate.GateActivity;
import org.facegate.household.HouseholdActivity;
import org.facegate.household.WhosHereActivity;
import org.facegate.image.RgbImage;
import org.facegate.match.Matcher;
import org.facegate.match.SecurityLevel;
import org.facegate.security.GateRules;
import org.facegate.security.StepUp;
import org.facegate.settings.SettingsActivity;
import org.facegate.setup.SetupActivity;
import org.facegate.store.Role;
import org.facegate.store.UnlockEvent;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.facegate.testing.GroupPhoto;
import org.facegate.testing.Photos;
import org.facegate.testing.TestModels;
import org.facegate.liveness.Challenge;
import org.junit.Test;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

/**
 * Renders every screen (Robolectric native graphics, a 360x640 dp phone at xhdpi) into PNGs in the directory
 * {@code -Dfacegate.screens} names; skipped without it, so ordinary builds do not rewrite committed files. The
 * command is in app/README.md. People: the owner "Ada" is the woman facing the camera in the registry's group photo
 * sample1.jpg, "Bea" a woman of sample2.jpg.
 */
@Config(qualifiers = "w360dp-h640dp-xhdpi")
public class ScreenshotsTest extends AppTest {
    private File dir;

    private void save(Activity a, String name) throws IOException {
        View root = a.getWindow().getDecorView();
        idle();
        // the focused field's cursor blinks on the app's clock, which the waits before a shot move by varying
        // amounts: left out, so that a screen renders the same every run
        View focused = root.findFocus();
        TextView cursor = focused instanceof TextView ? (TextView) focused : null;
        if (cursor != null) cursor.setCursorVisible(false);
        Bitmap b = Bitmap.createBitmap(root.getWidth(), root.getHeight(), Bitmap.Config.ARGB_8888);
        root.draw(new Canvas(b));
        if (cursor != null) cursor.setCursorVisible(true);
        try (OutputStream out = new FileOutputStream(new File(dir, name + ".png"))) {
            b.compress(Bitmap.CompressFormat.PNG, 100, out);
        }
    }

    private <T extends Activity> T visible(Class<T> screen) {
        T a = start(screen);
        controller(a).visible();
        return a;
    }

    private static Sample sample(Enroller e, Bitmap b) {
        RgbImage img = Photos.rgb(b);
        QualityReport r = e.check(img);
        if (!r.ok()) throw new AssertionError(r.issues());
        return e.sample(img, r);
    }

    @Test
    public void everyScreen() throws Exception {
        String target = System.getProperty("facegate.screens", "");
        assumeTrue("screenshots are written only with -Dfacegate.screens=<dir>", !target.isEmpty());
        dir = new File(target);
        dir.mkdirs();
        GroupPhoto group = new GroupPhoto();
        Bitmap sample2 = Photos.bitmap(Photos.sample(2));

        SetupActivity setup = visible(SetupActivity.class);
        ((EditText) setup.findViewById(R.id.setup_name)).setText("Ada");
        ((EditText) setup.findViewById(R.id.setup_pin)).setText(PIN);
        ((EditText) setup.findViewById(R.id.setup_pin_again)).setText(PIN);
        save(setup, "1-setup-pin");

        createPin("Ada");
        services.session.unlock(-1, "Ada", Role.OWNER);
        services.stepUp.confirmed(StepUp.Action.ENROLL);
        show(group.person(1, 2.5f, 480));
        EnrollActivity enroll = start(EnrollActivity.class, EnrollActivity.firstRun(app));
        controller(enroll).visible();
        Await.until("two captures", () -> ((ProgressBar) enroll.findViewById(R.id.enroll_progress)).getProgress() >= 2);
        controller(enroll).pause();
        save(enroll, "2-enroll");
        controller(enroll).stop().destroy();

        String modelId;
        List<Sample> ada, bea;
        try (FaceModels m = TestModels.open()) {
            Enroller e = new Enroller(m.detector, m.embedder, QualityGate.DEFAULT, new Matcher(SecurityLevel.standard()));
            ada = List.of(sample(e, group.person(1, 2.5f, 480)), sample(e, group.person(1, 1.8f, 640)));
            bea = List.of(sample(e, Bitmap.createBitmap(sample2, 1300, 0, 520, 700)));
            modelId = m.modelId;
        }
        long adaId = enroll("Ada", Role.OWNER, true, ada, modelId);
        enroll("Bea", Role.MEMBER, false, bea, modelId);
        services.session.lock();

        // liveness is on (active, the default): the photo gets the challenge's instruction, and never more
        show(group.person(1, 1.8f, 640));
        GateActivity gate = gateAskingToBlink(() -> visible(GateActivity.class));
        controller(gate).pause();
        save(gate, "3-gate");
        controller(gate).stop().destroy();

        // three failed attempts: the PIN is required
        services.rules().faceFailed(GateRules.MAX_FACE_FAILURES);
        show(group.person(0, 2.5f, 480));
        GateActivity locked = visible(GateActivity.class);
        Await.until("the PIN required", () -> text(locked, R.id.gate_status).startsWith("PIN required after"));
        ((EditText) locked.findViewById(R.id.gate_pin)).setText("27");
        save(locked, "4-gate-locked-out-pin");
        controller(locked).pause().stop().destroy();
        services.rules().pinUsed();

        shadowOf(app).denyPermissions(Manifest.permission.CAMERA);
        GateActivity denied = visible(GateActivity.class);
        Await.until("permission asked", () -> shadowOf(denied).getLastRequestedPermission() != null);
        denied.onRequestPermissionsResult(shadowOf(denied).getLastRequestedPermission().requestCode,
                new String[] {Manifest.permission.CAMERA}, new int[] {android.content.pm.PackageManager.PERMISSION_DENIED});
        save(denied, "5-gate-camera-denied");
        controller(denied).pause().stop().destroy();
        shadowOf(app).grantPermissions(Manifest.permission.CAMERA);

        services.session.unlock(adaId, "Ada", Role.OWNER);
        long t = 1_767_258_000_000L;      // fixed times: the image stays the same from run to run
        onIo(() -> {
            // the gate shots may have logged a timed-out challenge (a turn asked first): only the fixed events are shown
            services.db().getOpenHelper().getWritableDatabase().execSQL("DELETE FROM unlock_event");
            services.gallery().log(new UnlockEvent(0, t, UnlockEvent.Outcome.FACE_REJECTED, null, 0.21f));
            services.gallery().log(new UnlockEvent(0, t + 60_000, UnlockEvent.Outcome.PIN, adaId, null));
            services.gallery().log(new UnlockEvent(0, t + 3_600_000, UnlockEvent.Outcome.FACE_MATCH, adaId, 0.74f));
            return null;
        });
        ContentActivity content = visible(ContentActivity.class);
        Await.until("recent unlocks", () -> !text(content, R.id.content_recent).isEmpty());
        save(content, "6-content");

        HouseholdActivity household = visible(HouseholdActivity.class);
        Await.until("the list", () -> ((android.widget.LinearLayout) household.findViewById(R.id.household_list)).getChildCount() == 2);
        save(household, "7-household");

        SettingsActivity settings = visible(SettingsActivity.class);
        // each level's rate per attempt for the household arrives from the I/O thread
        android.widget.RadioGroup levels = settings.findViewById(R.id.settings_levels);
        Await.until("rates per attempt", () -> ((TextView) levels.getChildAt(0)).getText().toString().contains("attempts"));
        save(settings, "8-settings");
        ((android.widget.ScrollView) settings.findViewById(R.id.settings_scroll)).fullScroll(View.FOCUS_DOWN);
        save(settings, "8b-settings-pin");

        // the report as the gate's frames left it, but with fixed measurements (open time, frame times): they differ
        // from run to run, and the image must not
        services.diagnostics = screen -> Diagnostics.gather(services, screen).withMeasurements(412, exampleFrames());
        DiagnosticsActivity diagnostics = visible(DiagnosticsActivity.class);
        save(diagnostics, "11-diagnostics");
        controller(diagnostics).pause().stop().destroy();

        // the app lock: three launchable apps, the bank locked for Ada and Bea, the chat for Ada, open 5 minutes
        for (String[] a : new String[][] {{"com.example.bank", "Bank"}, {"com.example.chat", "Chat"}, {"com.example.maps", "Maps"}}) {
            launchable(a[0], a[1]);
        }
        onIo(() -> {
            services.lockedApps().lock("com.example.bank", "Bank");
            services.lockedApps().setAllowed("com.example.bank", services.db().persons().byName("Bea").id, true);
            services.lockedApps().lock("com.example.chat", "Chat");
            services.lockedApps().setGrace("com.example.chat", 300_000);
            return null;
        });
        LockedAppsActivity lockedApps = visible(LockedAppsActivity.class);
        Await.until("the apps", () -> ((android.widget.LinearLayout) lockedApps.findViewById(R.id.locked_apps_list)).getChildCount() == 3);
        save(lockedApps, "12-locked-apps");
        controller(lockedApps).pause().stop().destroy();

        show(group.person(1, 1.8f, 640));
        GateActivity appGate = gateAskingToBlink(() -> {
            AppGateActivity g = start(AppGateActivity.class, AppGateActivity.guarding(app, "com.example.bank"));
            controller(g).visible();
            return g;
        });
        Await.until("the app named", () -> text(appGate, R.id.gate_title).equals("FaceGate guards Bank"));
        controller(appGate).pause();
        save(appGate, "13-app-gate");
        controller(appGate).stop().destroy();

        // landscape from here: the group photo is wide
        RuntimeEnvironment.setQualifiers("+land");
        show(group.photo);
        WhosHereActivity whosHere = visible(WhosHereActivity.class);
        Await.until("names", () -> text(whosHere, R.id.whos_here_names).equals("unknown, Ada, unknown"));
        controller(whosHere).pause();
        save(whosHere, "9-whos-here-landscape");

        services.session.lock();
        show(group.person(1, 1.8f, 640));
        GateActivity land = gateAskingToBlink(() -> visible(GateActivity.class));
        controller(land).pause();
        save(land, "10-gate-landscape");
    }

    /** 30 frames of 8 per second: what a mid-range phone's CPU might take per stage (example values, not measured). */
    private static FrameTimings.Summary exampleFrames() {
        FrameTimings t = new FrameTimings();
        for (int i = 0; i < FrameTimings.WINDOW; i++) {
            t.begin();
            t.add(FrameTimings.Stage.DETECT, 1_800_000);
            t.add(FrameTimings.Stage.MESH, 9_400_000);
            t.add(FrameTimings.Stage.EMBED, 41_000_000);
            t.add(FrameTimings.Stage.LIVENESS, 14_200_000);
            t.frameDone(6_100_000, 79_000_000, 125L * i);
        }
        return t.summary();
    }

    /**
     * A gate showing the face box and the blink instruction of its first attempt. The order of the challenges is
     * random, and a session that times out (a turn asked first; on a busy machine, a blink too) is a failed attempt,
     * which after three requires the PIN: a gate whose attempt failed is closed, its failures (the attempt it gave up
     * on closing too) are forgiven by the PIN, and a new one opens, so the shot is the same in every run.
     */
    private GateActivity gateAskingToBlink(java.util.function.Supplier<GateActivity> open) {
        while (true) {
            GateActivity gate = open.get();
            Await.until(() -> "the blink instruction: " + statusOf(gate), () -> services.rules().faceFailures() > 0
                    || !cameras.isEmpty() && camera().started && !overlayEmpty(gate) && text(gate, R.id.gate_status).startsWith(Challenge.BLINK.instruction()));
            if (services.rules().faceFailures() == 0) return gate;
            controller(gate).pause().stop().destroy();
            Await.until("the attempt given up", () -> services.engine().pending() == 0);
            services.rules().pinUsed();
        }
    }

    private static boolean overlayEmpty(Activity a) {
        android.view.ViewGroup camera = a.findViewById(R.id.gate_camera);
        for (int i = 0; i < camera.getChildCount(); i++) {
            if (camera.getChildAt(i) instanceof org.facegate.ui.FaceOverlayView) {
                return ((org.facegate.ui.FaceOverlayView) camera.getChildAt(i)).marks().isEmpty();
            }
        }
        return true;
    }
}
