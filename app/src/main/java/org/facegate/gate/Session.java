package org.facegate.gate;

import java.util.function.Consumer;
import org.facegate.store.Role;

/**
 * Who passed the gate in this process, if anyone. Held in memory only: a killed process, like a restarted phone,
 * starts locked. Locked again after the app spends longer than the gate timeout in the background.
 */
public final class Session {
    private boolean unlocked;
    private long personId = -1;
    private String name;
    private Role role;
    private long backgroundSince = -1;
    private boolean handoff;
    private volatile Consumer<Boolean> listener = unlocked -> {};

    /** Told {@code true} when the session opens and {@code false} when it locks (e.g. to drop decrypted templates). */
    public void onChange(Consumer<Boolean> listener) {
        this.listener = listener;
    }

    /** Opens the session for a person (or the owner by PIN before their face is enrolled: personId -1). */
    public void unlock(long personId, String name, Role role) {
        synchronized (this) {
            this.unlocked = true;
            this.personId = personId;
            this.name = name;
            this.role = role;
        }
        listener.accept(true);
    }

    /** Closes the session: the gate is needed again. */
    public void lock() {
        synchronized (this) {
            unlocked = false;
            personId = -1;
            name = null;
            role = null;
        }
        listener.accept(false);
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
     * The app came back at {@code elapsed}: locks if it was away for {@code timeoutMs} or longer, unless it only showed
     * a system screen it had asked for (e.g. the photo picker).
     */
    public synchronized void foregrounded(long elapsed, long timeoutMs) {
        if (backgroundSince >= 0 && !handoff && elapsed - backgroundSince >= timeoutMs) lock();
        backgroundSince = -1;
        handoff = false;
    }

    /** The app is about to show another app's screen for a result (document picker, app settings). */
    public synchronized void handingOff() {
        handoff = true;
    }
}
