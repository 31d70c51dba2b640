package org.facegate.gate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.facegate.store.Role;

/**
 * Who passed the gate in this process, if anyone. Held in memory only: a killed process, like a restarted phone,
 * starts locked. Locked again after the app spends longer than the gate timeout in the background.
 */
public final class Session {
    /**
     * How long the app may stay away while another app's screen it asked for is shown: enough to pick a few photos or
     * allow the camera in the system settings, short enough that walking away from the picker locks the app.
     */
    public static final long HANDOFF_MS = 2 * 60_000;

    private boolean unlocked;
    private long personId = -1;
    private String name;
    private Role role;
    private long backgroundSince = -1;
    private boolean handoff;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Adds a listener told {@code true} when the session opens and {@code false} when it locks (e.g. to drop decrypted
     * templates, to forget the PINs entered for owner actions), in the order they were added.
     */
    public void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    private void tell(boolean unlocked) {
        for (Consumer<Boolean> l : listeners) l.accept(unlocked);
    }

    /** Opens the session for a person (or the owner by PIN before their face is enrolled: personId -1). */
    public void unlock(long personId, String name, Role role) {
        synchronized (this) {
            this.unlocked = true;
            this.personId = personId;
            this.name = name;
            this.role = role;
        }
        tell(true);
    }

    /** Closes the session: the gate is needed again. */
    public void lock() {
        synchronized (this) {
            unlocked = false;
            personId = -1;
            name = null;
            role = null;
        }
        tell(false);
    }

    /** Whether someone passed the gate. */
    public synchronized boolean isUnlocked() {
        return unlocked;
    }

    /** Whether the owner unlocked (by face or PIN): only the owner manages the household and settings. */
    public synchronized boolean isOwner() {
        return unlocked && role == Role.OWNER;
    }

    /** Who passed (-1: the owner by PIN before their face was enrolled). */
    public synchronized long personId() {
        return personId;
    }

    /** Their name, for greetings. */
    public synchronized String name() {
        return name;
    }

    /** The app left the screen at {@code elapsed} (ms since boot). */
    public synchronized void backgrounded(long elapsed) {
        backgroundSince = elapsed;
    }

    /**
     * The app came back at {@code elapsed}: locks if it was away for {@code timeoutMs} or longer; while it showed a
     * system screen it had asked for (e.g. the photo picker), for {@link #HANDOFF_MS} or the timeout if longer, so that
     * Home pressed from the picker still ends the session.
     */
    public synchronized void foregrounded(long elapsed, long timeoutMs) {
        long allowed = handoff ? Math.max(timeoutMs, HANDOFF_MS) : timeoutMs;
        if (backgroundSince >= 0 && elapsed - backgroundSince >= allowed) lock();
        backgroundSince = -1;
        handoff = false;
    }

    /** The app is about to show another app's screen for a result (document picker, app settings). */
    public synchronized void handingOff() {
        handoff = true;
    }

    /**
     * The other app's screen gave its result: the ordinary timeout applies again (also where the app never left the
     * screen for it, e.g. a picker shown beside it, so that no later trip away is taken for the handoff).
     */
    public synchronized void handoffEnded() {
        handoff = false;
    }
}
