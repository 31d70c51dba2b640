package org.facegate.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Activity;
import android.app.AlertDialog;
import android.app.Application;
import android.app.Dialog;
import android.content.Intent;
import android.graphics.Bitmap;
import android.os.Looper;
import android.view.View;
import android.widget.EditText;
import android.widget.TextView;
import androidx.test.core.app.ApplicationProvider;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.facegate.FaceGateApp;
import org.facegate.R;
import org.facegate.Services;
import org.facegate.engine.FaceModels;
import org.facegate.enroll.QualityGate;
import org.facegate.enroll.QualityReport;
import org.facegate.enroll.Sample;
import org.facegate.enroll.Enroller;
import org.facegate.match.Matcher;
import org.facegate.match.SecurityLevel;
import org.facegate.image.RgbImage;
import org.facegate.setup.SetupActivity;
import org.facegate.store.Role;
import org.facegate.testing.runtime.DesktopRuntimes;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Rule;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.shadows.ShadowDialog;

/**
 * Base of the tests that drive the real screens: the app's services with the replay camera and CPU TFLite, camera
 * permission granted, the test AndroidKeyStore; helpers to start screens, follow to the screen a screen started, and
 * set up a PIN and enrolled people (with real embeddings of real photos) without going through the screens.
 */
@RunWith(RobolectricTestRunner.class)
public abstract class AppTest {
    /** The owner's PIN in these tests: 6 digits, none of the shapes {@code PinRules} refuses. */
    public static final String PIN = "270491";

    @Rule public final AndroidKeyStoreRule keyStore = new AndroidKeyStoreRule();
    protected Application app;
    protected Services services;
    /** Every replay camera a screen made, newest last. */
    protected final List<ReplayFrameSource> cameras = new ArrayList<>();
    /** What new cameras show first. */
    protected Bitmap inFrontOfCamera;
    private final List<ActivityController<?>> controllers = new ArrayList<>();

    @Before
    public void setUpApp() {
        app = ApplicationProvider.getApplicationContext();
        services = FaceGateApp.services(app);
        services.frames = a -> {
            ReplayFrameSource s = new ReplayFrameSource(a);
            s.show(inFrontOfCamera);
            cameras.add(s);
            return s;
        };
        services.runtimes = () -> DesktopRuntimes.create(2);
        // as the package manager does at install for these (HIDE_OVERLAY_WINDOWS is a normal permission)
        shadowOf(app).grantPermissions(Manifest.permission.CAMERA, Manifest.permission.HIDE_OVERLAY_WINDOWS);
    }

    @After
    public void tearDownScreens() {
        for (ActivityController<?> c : controllers) {
            try {
                if (!c.get().isDestroyed()) c.pause().stop().destroy();
            } catch (RuntimeException e) {
                // already paused or stopped by the flow under test
                try {
                    c.destroy();
                } catch (RuntimeException ignored) {
                    // already destroyed
                }
            }
        }
        // models are closed on the inference thread once every screen released them
        Await.until("models released", () -> services.engine().pending() == 0);
    }

    /**
     * Robolectric ends each test with {@code Application.onTerminate}, where the app stops its inference thread (and
     * the models on it); a test class that leaves one running fails here, after its last test was torn down.
     */
    @AfterClass
    public static void noInferenceThreadLeft() {
        assertEquals("live facegate-inference threads after the tests were torn down", 0, Threads.alive("facegate-inference"));
    }

    /** The newest replay camera. */
    protected ReplayFrameSource camera() {
        assertNotNull("no camera was opened", cameras.isEmpty() ? null : cameras.get(cameras.size() - 1));
        return cameras.get(cameras.size() - 1);
    }

    /** Shows a photo to the newest camera and to cameras made later. */
    protected void show(Bitmap photo) {
        inFrontOfCamera = photo;
        if (!cameras.isEmpty()) camera().show(photo);
    }

    protected <T extends Activity> T start(Class<T> screen) {
        return start(screen, new Intent(app, screen));
    }

    protected <T extends Activity> T start(Class<T> screen, Intent intent) {
        ActivityController<T> c = Robolectric.buildActivity(screen, intent);
        controllers.add(c);
        return c.setup().get();
    }

    /** The controller of a started screen (to pause, recreate...). */
    @SuppressWarnings("unchecked")
    protected <T extends Activity> ActivityController<T> controller(T screen) {
        for (ActivityController<?> c : controllers) if (c.get() == screen) return (ActivityController<T>) c;
        throw new AssertionError("not started here: " + screen);
    }

    /** Waits until {@code from} starts another screen, and starts that one; its class must be {@code expected}. */
    protected <T extends Activity> T follow(Activity from, Class<T> expected) {
        Intent[] next = new Intent[1];
        // screens of the system (the permission dialog) have no component here: skip them
        Await.until(() -> from.getClass().getSimpleName() + " to start " + expected.getSimpleName() + " (status: " + statusOf(from) + ")",
                () -> (next[0] = shadowOf(from).getNextStartedActivity()) != null && next[0].getComponent() != null);
        if (!expected.getName().equals(next[0].getComponent().getClassName())) {
            throw new AssertionError(from.getClass().getSimpleName() + " started " + next[0].getComponent().getClassName()
                    + ", expected " + expected.getName() + " (status: " + statusOf(from) + ")");
        }
        return start(expected, next[0]);
    }

    /** Texts of the screen's status-like views, for failure messages. */
    protected static String statusOf(Activity a) {
        StringBuilder sb = new StringBuilder();
        for (String id : new String[] {"gate_status", "gate_pin_error", "enroll_advice", "enroll_count", "household_message", "whos_here_names"}) {
            int res = a.getResources().getIdentifier(id, "id", a.getPackageName());
            View v = res == 0 ? null : a.findViewById(res);
            if (v instanceof TextView) sb.append(id).append('=').append(((TextView) v).getText()).append("; ");
        }
        return sb.toString();
    }

    /**
     * Every text a view shows from now on, in order (repeats of the same text once): for messages that the next frame
     * may replace before a wait looks.
     */
    protected static List<String> texts(Activity a, int id) {
        List<String> shown = java.util.Collections.synchronizedList(new ArrayList<>());
        ((TextView) a.findViewById(id)).addTextChangedListener(new android.text.TextWatcher() {
            @Override
            public void beforeTextChanged(CharSequence s, int start, int count, int after) {}

            @Override
            public void onTextChanged(CharSequence s, int start, int before, int count) {}

            @Override
            public void afterTextChanged(android.text.Editable s) {
                String t = s.toString();
                if (shown.isEmpty() || !shown.get(shown.size() - 1).equals(t)) shown.add(t);
            }
        });
        return shown;
    }

    protected static String text(Activity a, int id) {
        return ((TextView) a.findViewById(id)).getText().toString();
    }

    /** Runs on the app's I/O thread (Room refuses the main thread) and waits. */
    protected <T> T onIo(Callable<T> work) {
        try {
            return services.io.submit(work).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A PIN as first run would leave it (and the owner's name). */
    protected void createPin(String ownerName) {
        onIo(() -> {
            services.pin.set(PIN);
            return null;
        });
        services.prefs.edit().putString(SetupActivity.OWNER_NAME, ownerName).commit();
        services.rules().pinUsed();
    }

    /**
     * Samples of photos, by path, with the model id under key "": the pipeline is deterministic, so tests enrolling
     * the same photos share one computation (an embedding is the slowest step on the desktop runtime).
     */
    private static final Map<String, Object> SAMPLES = new HashMap<>();

    /** Enrolls a person from photos through the gallery (real pipeline, quality-gated); returns their id. */
    protected long enroll(String name, Role role, boolean mayUnlock, File... photos) {
        List<Sample> samples = new ArrayList<>();
        synchronized (SAMPLES) {
            FaceModels m = null;
            try {
                for (File f : photos) {
                    if (!SAMPLES.containsKey(f.getPath())) {
                        if (m == null) m = TestModels.open();
                        Enroller e = new Enroller(m.detector, m.embedder, QualityGate.DEFAULT, new Matcher(SecurityLevel.standard()));
                        RgbImage img = Photos.rgb(f);
                        QualityReport r = e.check(img);
                        if (!r.ok()) throw new AssertionError(f + " refused: " + r.issues());
                        SAMPLES.put(f.getPath(), e.sample(img, r));
                        SAMPLES.put("", m.modelId);
                    }
                    samples.add((Sample) SAMPLES.get(f.getPath()));
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                if (m != null) m.close();
            }
            return enroll(name, role, mayUnlock, samples, (String) SAMPLES.get(""));
        }
    }

    protected long enroll(String name, Role role, boolean mayUnlock, List<Sample> samples, String modelId) {
        return onIo(() -> services.gallery().addPerson(name, role, mayUnlock, samples, modelId));
    }

    /**
     * Answers the PIN prompt an owner action just opened ({@code PinPrompt}) with {@code pin} and waits until it was
     * checked: closed when right, an error shown when not.
     */
    protected void answerPinPrompt(String pin) {
        AlertDialog prompt = pinPrompt();
        ((EditText) prompt.findViewById(R.id.pin_prompt_field)).setText(pin);
        prompt.getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        Await.until("the PIN checked", () -> !prompt.isShowing()
                || prompt.getButton(AlertDialog.BUTTON_POSITIVE).isEnabled() && !((TextView) prompt.findViewById(R.id.pin_prompt_error)).getText().toString().isEmpty());
    }

    /**
     * The PIN prompt on screen; fails if there is none. A dialog button's listener runs from the main looper, so a
     * prompt opened from a confirmation dialog is there once the looper ran.
     */
    protected static AlertDialog pinPrompt() {
        idle();
        Dialog d = ShadowDialog.getLatestDialog();
        assertTrue("a PIN prompt is shown", d instanceof AlertDialog && d.isShowing() && d.findViewById(R.id.pin_prompt_field) != null);
        return (AlertDialog) d;
    }

    /** Whether a PIN prompt is on screen. */
    protected static boolean pinPromptShown() {
        idle();
        Dialog d = ShadowDialog.getLatestDialog();
        return d != null && d.isShowing() && d.findViewById(R.id.pin_prompt_field) != null;
    }

    /** Makes an app the launcher lists ({@code ACTION_MAIN}/{@code CATEGORY_LAUNCHER}, the default icon). */
    protected void launchable(String pkg, String label) {
        android.content.pm.ResolveInfo r = new android.content.pm.ResolveInfo();
        r.activityInfo = new android.content.pm.ActivityInfo();
        r.activityInfo.packageName = pkg;
        r.activityInfo.name = pkg + ".Main";
        r.activityInfo.applicationInfo = new android.content.pm.ApplicationInfo();
        r.activityInfo.applicationInfo.packageName = pkg;
        r.nonLocalizedLabel = label;
        shadowOf(app.getPackageManager()).addResolveInfoForIntent(new Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_LAUNCHER), r);
    }

    /** Lets the main looper run until idle. */
    protected static void idle() {
        shadowOf(Looper.getMainLooper()).idle();
    }
}
