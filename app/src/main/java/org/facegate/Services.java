package org.facegate;

import android.annotation.SuppressLint;
import android.app.Activity;
import android.content.Context;
import android.content.SharedPreferences;
import android.os.Handler;
import android.os.Looper;
import android.widget.Toast;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.facegate.applock.AppLock;
import org.facegate.applock.Packages;
import org.facegate.camera.Camera2FrameSource;
import org.facegate.camera.CameraSetup;
import org.facegate.camera.FrameSource;
import org.facegate.diagnostics.Diagnostics;
import org.facegate.diagnostics.DiagnosticsReport;
import org.facegate.diagnostics.FrameTimings;
import org.facegate.diagnostics.TimedRuntime;
import org.facegate.engine.AssetModelSource;
import org.facegate.engine.FaceEngine;
import org.facegate.engine.TfliteRuntime;
import org.facegate.inference.InferenceRuntime;
import org.facegate.gate.Session;
import org.facegate.gate.UnlockAttempt;
import org.facegate.liveness.Challenge;
import org.facegate.security.DeviceClock;
import org.facegate.security.GateRules;
import org.facegate.security.KeystorePepper;
import org.facegate.security.PinCheck;
import org.facegate.security.PinStore;
import org.facegate.security.StepUp;
import org.facegate.store.FaceGateDatabase;
import org.facegate.store.Gallery;
import org.facegate.store.KeystoreTemplateCipher;
import org.facegate.store.LockedApp;
import org.facegate.store.LockedApps;
import org.facegate.store.TemplateCipher;

/**
 * The app's process-wide objects, made once by {@link FaceGateApp}. The public fields that are not final are seams:
 * tests (and alternative implementations) set them before a screen starts: frame source, inference runtime,
 * template cipher, clock, diagnostics report.
 */
public final class Services {
    /** Preferences file: PIN hash, lockouts, settings (excluded from backup and device transfer). */
    public static final String PREFS = "facegate";

    public final Context context;
    public final SharedPreferences prefs;
    public final Session session = new Session();
    public final AppSettings settings;
    /** The PIN's Keystore key. */
    public final KeystorePepper pepper = new KeystorePepper();
    public final PinStore pin;
    public final Handler main = new Handler(Looper.getMainLooper());
    /**
     * Blocking work that is not inference (PIN hashing, database writes from screens), one task at a time; a task that
     * throws is shown as a message ("Something went wrong…") instead of ending the process.
     */
    public final IoThread io;

    /** Where the time of the last processed camera frames went (the diagnostics screen). */
    public final FrameTimings timings = new FrameTimings();
    /** How the last camera screen's camera was set up (the diagnostics screen); null before one started. */
    public volatile CameraSetup camera;
    /** The diagnostics screen's report: gathered from the phone and these services. */
    public Function<Activity, DiagnosticsReport> diagnostics = screen -> Diagnostics.gather(this, screen);

    /** Camera screens get their frames from here: the front camera by default. */
    public FrameSource.Factory frames = Camera2FrameSource::new;
    /**
     * Called on the inference thread: TFLite 2.16.1 with the GPU delegate where supported, else CPU with XNNPACK; the GPU
     * delegate caches its compiled programs in the no-backup files directory.
     */
    public Supplier<InferenceRuntime> runtimes = this::deviceRuntime;
    /** Seals templates: the Android Keystore. */
    public TemplateCipher cipher = new KeystoreTemplateCipher();
    /** Time since boot and boot count, for lockouts and PIN rules. */
    public DeviceClock clock;
    /**
     * The challenges of each active liveness attempt, given the failed face attempts since the PIN: random, one more
     * per failure ({@link UnlockAttempt#randomOrder}); tests fix them.
     */
    public IntFunction<List<Challenge>> challengeOrder = UnlockAttempt::randomOrder;
    /** Whether the PIN was entered recently for an owner action (on {@link #clock}). */
    public final StepUp stepUp;
    /** Which app on the screen the gate must cover (on {@link #clock}); configured by {@link #refreshAppLock}. */
    public final AppLock appLock;

    private GateRules rules;
    private FaceGateDatabase db;
    private Gallery gallery;
    private LockedApps lockedApps;
    private FaceEngine engine;

    Services(Context context) {
        this.context = context.getApplicationContext();
        this.prefs = this.context.getSharedPreferences(PREFS, Context.MODE_PRIVATE);
        this.settings = new AppSettings(prefs);
        this.pin = new PinStore(prefs, pepper);
        this.clock = DeviceClock.system(this.context.getContentResolver());
        this.io = new IoThread(main, e -> Toast.makeText(this.context,
                this.context.getString(R.string.io_failed, e.getClass().getSimpleName() + ": " + e.getMessage()), Toast.LENGTH_LONG).show());
        this.stepUp = new StepUp(currentClock);
        this.appLock = new AppLock(this.context.getPackageName(), currentClock);
        session.onChange(unlocked -> {
            if (!unlocked) stepUp.forget();
        });
        // decrypted templates stay in memory for the unlocked session only (the gallery of the moment: a new one after
        // deleteAllData)
        session.onChange(unlocked -> {
            Gallery g;
            synchronized (this) {
                g = gallery;
            }
            if (g != null) g.allowCache(unlocked);
        });
    }

    /** {@link #clock} as it is at each call, so a clock set later (tests) applies. */
    private final DeviceClock currentClock = new DeviceClock() {
        @Override
        public long elapsedRealtime() {
            return clock.elapsedRealtime();
        }

        @Override
        public int bootCount() {
            return clock.bootCount();
        }
    };

    private InferenceRuntime deviceRuntime() {
        return TfliteRuntime.forThisDevice(2, new java.io.File(context.getNoBackupFilesDir(), "gpu-cache"));
    }

    /** Lockouts and PIN rules, on {@link #clock}. */
    public synchronized GateRules rules() {
        if (rules == null) rules = new GateRules(prefs, currentClock);
        return rules;
    }

    /** Checks a PIN under the PIN's lockout (blocking). */
    public PinCheck pinCheck() {
        return new PinCheck(pin, rules().pin);
    }

    /** The database, opened on first use (then keep calls off the main thread). */
    public synchronized FaceGateDatabase db() {
        if (db == null) db = FaceGateDatabase.open(context, cipher);
        return db;
    }

    /** The enrolled faces, sealed with {@link #cipher}. */
    public synchronized Gallery gallery() {
        if (gallery == null) {
            Gallery g = new Gallery(db(), cipher);
            g.allowCache(session.isUnlocked());
            gallery = g;
        }
        return gallery;
    }

    /** The apps the gate guards, authenticated with {@link #cipher}. */
    public synchronized LockedApps lockedApps() {
        if (lockedApps == null) lockedApps = new LockedApps(db(), cipher);
        return lockedApps;
    }

    /**
     * Tells the app lock what it guards now (blocking: off the main thread): the locked apps with their grace periods,
     * and the home screens and keyboards it never guards.
     */
    public void refreshAppLock() {
        Map<String, Long> grace = new HashMap<>();
        for (LockedApp a : lockedApps().all()) grace.put(a.packageName, a.graceMs);
        appLock.configure(grace, Packages.homes(context), Packages.keyboards(context));
    }

    /** The inference thread and its models. */
    public synchronized FaceEngine engine() {
        // model runs timed per stage for the diagnostics (TimedRuntime), whichever runtime is set
        if (engine == null) engine = new FaceEngine(new AssetModelSource(context.getAssets()), () -> new TimedRuntime(runtimes.get(), timings));
        return engine;
    }

    /**
     * Ends the app's threads: inference (its models closed on it, see {@link FaceEngine#stop}) and I/O (once the tasks
     * already queued have run). For the end of the process, which only emulated processes are told of
     * ({@link FaceGateApp#onTerminate}: the JVM tests, after each test). Calling it again does nothing.
     */
    public synchronized void close() {
        if (engine != null) engine.stop();
        io.shutdown();
    }

    /**
     * Deletes every trace of the people enrolled and of the PIN: the Keystore keys first (so that whatever a later
     * step leaves behind can no longer be read), then the database (its -wal and -shm files too), then the
     * preferences. Every step is tried even if one before failed. The app is back at first run afterwards. Blocking.
     *
     * @return what could not be deleted, one phrase a step ("the face key (why)"); empty when everything was
     */
    @SuppressLint("ApplySharedPref")
    public synchronized List<String> deleteAllData() {
        session.lock();
        List<String> failed = new ArrayList<>();
        try {
            cipher.destroyKey();
        } catch (GeneralSecurityException | RuntimeException e) {
            failed.add("the key of the face templates (" + e.getMessage() + ")");
        }
        try {
            pepper.destroy();
        } catch (GeneralSecurityException | RuntimeException e) {
            failed.add("the key of the PIN (" + e.getMessage() + ")");
        }
        if (db != null) db.close();
        db = null;
        gallery = null;
        lockedApps = null;
        appLock.configure(Collections.emptyMap(), Collections.emptySet(), Collections.emptySet());
        // deleteDatabase removes the journal, -wal and -shm files with it
        if (context.getDatabasePath(FaceGateDatabase.FILE_NAME).exists() && !context.deleteDatabase(FaceGateDatabase.FILE_NAME)) {
            failed.add("the database of faces and unlocks");
        }
        if (!prefs.edit().clear().commit()) failed.add("the PIN and settings");
        rules = null;
        return failed;
    }
}
