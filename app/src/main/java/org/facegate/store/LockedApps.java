package org.facegate.store;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * The apps the gate guards, each row authenticated ({@link RowMac}, under the templates' Keystore key) on the way in
 * and checked on every read: a row that does not check is read as {@link LockedApp#powerless()} (still locked, the
 * owner alone, no grace). Blocking: call it off the main thread.
 */
public final class LockedApps {
    private final LockedAppDao dao;
    private final TemplateCipher cipher;

    public LockedApps(FaceGateDatabase db, TemplateCipher cipher) {
        this.dao = db.lockedApps();
        this.cipher = cipher;
    }

    /** Every locked app, by label, each as its MAC allows. */
    public List<LockedApp> all() {
        List<LockedApp> out = new ArrayList<>();
        for (LockedApp a : dao.all()) out.add(checked(a));
        return out;
    }

    /** The locked app of {@code packageName} as its MAC allows, or null if it is not locked. */
    public LockedApp get(String packageName) {
        LockedApp a = dao.byPackage(packageName);
        return a == null ? null : checked(a);
    }

    /** Locks an app (for the owner alone, locked again as soon as it is left); an app already locked stays as it is. */
    public void lock(String packageName, String label) throws GeneralSecurityException {
        if (dao.byPackage(packageName) == null) dao.put(authenticated(LockedApp.create(packageName, label)));
    }

    /** The app opens without the gate again. */
    public void unlock(String packageName) {
        dao.delete(packageName);
    }

    /** Sets how long the app stays open after it is left ({@link LockedApp#GRACE_MS}). */
    public void setGrace(String packageName, long graceMs) throws GeneralSecurityException {
        LockedApp a = get(packageName);
        if (a != null) dao.put(authenticated(a.withGrace(graceMs)));
    }

    /** Lets a household member open the app, or no longer. */
    public void setAllowed(String packageName, long personId, boolean allowed) throws GeneralSecurityException {
        LockedApp a = get(packageName);
        if (a != null) dao.put(authenticated(a.withAllowed(personId, allowed)));
    }

    private LockedApp checked(LockedApp a) {
        return RowMac.check(cipher, a.mac, a.columns()) == RowMac.Verdict.VALID ? a : a.powerless();
    }

    private LockedApp authenticated(LockedApp a) throws GeneralSecurityException {
        return a.withMac(RowMac.of(cipher, a.columns()));
    }
}
