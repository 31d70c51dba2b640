package org.facegate.applock;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.facegate.security.DeviceClock;

/**
 * Which app comes to the screen, and whether the gate must cover it: a state machine on the package names of window
 * changes (all the accessibility service reads), the clock, screen-off and the gate's passes. No Android, so unit
 * tests drive it with synthetic events.
 *
 * <p>Rules: an app is locked if the owner locked it ({@link #configure}). A locked app needs a pass of the gate
 * ({@link #passed}) for itself: a pass for one app opens no other. It stays open while it is on the screen and, after it
 * left, for its grace period; coming back later asks again. Screen-off locks every app again. FaceGate itself (the gate
 * is one of its windows), System UI (status bar, notification shade, volume dialog) and keyboards are not an app
 * switch: they show over the app, which stays where it was; decisions about them would also make the gate loop over
 * itself. A home screen (the launcher, and with it Android 10+'s Recents) is a switch: it is where an app is left from.
 */
public final class AppLock {
    /** System UI's package: status bar, notification shade, volume and power dialogs (and Recents before Android 10). */
    public static final String SYSTEM_UI = "com.android.systemui";

    /** What a window change means. */
    public enum Verdict {
        /** The event named no package. */
        IGNORED_NO_PACKAGE,
        /** FaceGate's own window (the gate itself, or FaceGate's screens, which its own gate guards). */
        IGNORED_SELF,
        /** System UI over the app. */
        IGNORED_SYSTEM_UI,
        /** A keyboard over the app. */
        IGNORED_KEYBOARD,
        /** A home screen: nothing to guard, but the app before it was left. */
        IGNORED_HOME,
        /** An app the owner did not lock. */
        NOT_LOCKED,
        /** A locked app that is open: on the screen since its pass, or back within its grace period. */
        STILL_OPEN,
        /** A locked app without a pass: the gate must cover it. */
        GATE
    }

    /**
     * A window change's meaning.
     *
     * @param packageName the app the gate must guard (GATE), else the package the event named (null if none)
     */
    public record Decision(Verdict verdict, String packageName) {
        /** Whether the gate must cover {@link #packageName}. */
        public boolean gate() {
            return verdict == Verdict.GATE;
        }
    }

    private final String self;
    private final DeviceClock clock;
    private Map<String, Long> graceMs = Collections.emptyMap();
    private Set<String> homes = Collections.emptySet(), keyboards = Collections.emptySet();
    /** Locked apps that passed the gate and are open: when each left the screen, or {@link #ON_SCREEN}. */
    private final Map<String, Long> open = new HashMap<>();
    private static final long ON_SCREEN = -1;
    /** The app on the screen (not counting what shows over it: FaceGate, System UI, a keyboard). */
    private String foreground;

    /**
     * @param self  FaceGate's own package
     * @param clock time since boot: grace periods hold across the wall clock being changed
     */
    public AppLock(String self, DeviceClock clock) {
        this.self = self;
        this.clock = clock;
    }

    /**
     * What is locked and what is never guarded. An app no longer locked loses its pass, so locking it again asks for a
     * new one.
     *
     * @param graceMs   the locked apps' packages, each with its grace period
     * @param homes     the home screens' packages
     * @param keyboards the input methods' packages
     */
    public synchronized void configure(Map<String, Long> graceMs, Set<String> homes, Set<String> keyboards) {
        this.graceMs = new HashMap<>(graceMs);
        this.homes = new HashSet<>(homes);
        this.keyboards = new HashSet<>(keyboards);
        open.keySet().retainAll(graceMs.keySet());
    }

    /** A window of {@code packageName} came to the screen. */
    public synchronized Decision foreground(String packageName) {
        if (packageName == null || packageName.isEmpty()) return new Decision(Verdict.IGNORED_NO_PACKAGE, null);
        if (packageName.equals(self)) return new Decision(Verdict.IGNORED_SELF, packageName);
        if (packageName.equals(SYSTEM_UI)) return new Decision(Verdict.IGNORED_SYSTEM_UI, packageName);
        if (keyboards.contains(packageName)) return new Decision(Verdict.IGNORED_KEYBOARD, packageName);
        long now = clock.elapsedRealtime();
        if (!packageName.equals(foreground)) {
            if (foreground != null && open.containsKey(foreground)) open.put(foreground, now);
            foreground = packageName;
        }
        if (homes.contains(packageName)) return new Decision(Verdict.IGNORED_HOME, packageName);
        Long grace = graceMs.get(packageName);
        if (grace == null) return new Decision(Verdict.NOT_LOCKED, packageName);
        Long left = open.get(packageName);
        if (left != null && (left == ON_SCREEN || now - left < grace)) {
            open.put(packageName, ON_SCREEN);
            return new Decision(Verdict.STILL_OPEN, packageName);
        }
        open.remove(packageName);
        return new Decision(Verdict.GATE, packageName);
    }

    /**
     * The app on the screen decided again, as if its window had just come: for the service's first configuration,
     * which arrives after the first window changes (those found nothing locked).
     */
    public synchronized Decision recheck() {
        return foreground == null ? new Decision(Verdict.IGNORED_NO_PACKAGE, null) : foreground(foreground);
    }

    /** Someone allowed for {@code packageName} passed the gate: it is open, on the screen, until it is left. */
    public synchronized void passed(String packageName) {
        if (graceMs.containsKey(packageName)) open.put(packageName, ON_SCREEN);
    }

    /**
     * The screen turned off: every app is locked again. Returns the gate for the locked app on the screen, if one is,
     * so that the gate covers it before the screen comes back on.
     */
    public synchronized Decision screenOff() {
        open.clear();
        if (foreground != null && graceMs.containsKey(foreground)) return new Decision(Verdict.GATE, foreground);
        return new Decision(Verdict.NOT_LOCKED, foreground);
    }

    /** Whether {@code packageName} would open without the gate if it came to the screen now. */
    public synchronized boolean isOpen(String packageName) {
        Long left = open.get(packageName);
        if (left == null) return false;
        return left == ON_SCREEN || clock.elapsedRealtime() - left < graceMs.get(packageName);
    }
}
