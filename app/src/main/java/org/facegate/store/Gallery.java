package org.facegate.store;

import android.database.sqlite.SQLiteConstraintException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.facegate.embed.Embedding;
import org.facegate.enroll.Sample;

/**
 * The enrolled faces: people and their templates, sealed with a {@link TemplateCipher} on the way in and opened on the
 * way out; every person row carries a MAC under the same key ({@link PersonMac}), checked on every read: a row that
 * does not check is read as a member who may not unlock. Every enrollment is one database transaction, so a crash or
 * kill during it leaves either the old templates or the new ones, never a mix or a person without templates. Blocking:
 * call it off the main thread.
 */
public final class Gallery {
    private final FaceGateDatabase db;
    private final TemplateCipher cipher;
    // decrypted templates, kept only while caching is allowed (the session is unlocked); guarded by this
    private boolean cacheAllowed;
    private Snapshot cached;
    private long generation;

    public Gallery(FaceGateDatabase db, TemplateCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** A person and their samples made by the current model. */
    public record Enrolled(Person person, List<Embedding> samples) {}

    /**
     * What the current model can match against.
     *
     * @param modelId      the model the templates were made by
     * @param enrolled     people with readable templates of the current model
     * @param needReenroll people whose templates were made by another model, or can no longer be opened (key lost):
     *                     their face opens nothing until they enroll again
     */
    public record Snapshot(String modelId, List<Enrolled> enrolled, List<Person> needReenroll) {
        /** The enrolled entry of a person, or null. */
        public Enrolled of(long personId) {
            for (Enrolled e : enrolled) if (e.person().id == personId) return e;
            return null;
        }
    }

    /** Thrown when a change is refused (duplicate name) or the templates cannot be sealed. */
    public static final class GalleryException extends Exception {
        public GalleryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Adds a person with their samples in one transaction.
     *
     * @return the new person's id
     * @throws GalleryException if the name is taken or sealing fails; nothing is stored then
     */
    public long addPerson(String name, Role role, boolean mayUnlock, List<Sample> samples, String modelId) throws GalleryException {
        if (samples.isEmpty()) throw new IllegalArgumentException("no samples for " + name);
        try {
            long id = db.runInTransaction(() -> {
                long created = db.persons().insert(Person.create(name, role, mayUnlock));
                db.persons().update(authenticated(db.persons().byId(created)));
                insertTemplates(created, samples, modelId);
                return created;
            });
            changed();
            return id;
        } catch (SQLiteConstraintException e) {
            throw new GalleryException("the name " + name + " is already taken", e);
        } catch (SealingFailed e) {
            throw new GalleryException("cannot seal the face template: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Replaces all templates of a person (re-enrollment) in one transaction: afterwards they have exactly
     * {@code samples}, or, if anything fails, exactly what they had before.
     */
    public void replaceTemplates(long personId, List<Sample> samples, String modelId) throws GalleryException {
        if (samples.isEmpty()) throw new IllegalArgumentException("no samples");
        try {
            db.runInTransaction(() -> {
                db.templates().deleteByPerson(personId);
                insertTemplates(personId, samples, modelId);
            });
            changed();
        } catch (SealingFailed e) {
            throw new GalleryException("cannot seal the face template: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Whether decrypted templates may stay in memory between {@link #load}s: yes while someone is through the gate (the
     * screens behind it load them often), no while locked, when they are dropped at once and every load decrypts anew.
     */
    public synchronized void allowCache(boolean allowed) {
        cacheAllowed = allowed;
        if (!allowed) cached = null;
    }

    /** Every change to people or templates: the decrypted copy, if any, is out of date. */
    private synchronized void changed() {
        generation++;
        cached = null;
    }

    /** Reads and opens every template of {@code modelId} (or returns the copy kept while caching is allowed). */
    public Snapshot load(String modelId) {
        long seen;
        synchronized (this) {
            if (cacheAllowed && cached != null && cached.modelId.equals(modelId)) return cached;
            seen = generation;
        }
        Snapshot s = decrypt(modelId);
        synchronized (this) {
            // not if a change (or a lock) came in between: the copy would be stale, or held past the session
            if (cacheAllowed && generation == seen) cached = s;
        }
        return s;
    }

    private Snapshot decrypt(String modelId) {
        Map<Long, Person> people = new LinkedHashMap<>();
        for (Person p : people()) people.put(p.id, p);
        Map<Long, List<Embedding>> samples = new LinkedHashMap<>();
        Set<Long> unreadable = new LinkedHashSet<>();
        for (FaceTemplate t : db.templates().byModel(modelId)) {
            try {
                samples.computeIfAbsent(t.personId, k -> new ArrayList<>())
                        .add(decode(cipher.open(t.embedding, aad(t.personId, t.modelId))));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                unreadable.add(t.personId);
            }
        }
        List<Enrolled> enrolled = new ArrayList<>();
        for (Map.Entry<Long, List<Embedding>> e : samples.entrySet()) {
            Person p = people.get(e.getKey());
            if (p != null && !unreadable.contains(p.id)) enrolled.add(new Enrolled(p, Collections.unmodifiableList(e.getValue())));
        }
        List<Person> stale = new ArrayList<>();
        for (Person p : db.templates().staleFor(modelId)) stale.add(people.get(p.id));
        for (Long id : unreadable) if (people.containsKey(id)) stale.add(people.get(id));
        return new Snapshot(modelId, Collections.unmodifiableList(enrolled), Collections.unmodifiableList(stale));
    }

    /** Everyone, the owner first, each as their MAC allows ({@link #checked}). */
    public List<Person> people() {
        List<Person> out = new ArrayList<>();
        for (Person p : db.persons().all()) out.add(checked(p));
        return out;
    }

    /** The owner (the first owner row whose MAC checks), or null before first-run enrollment finished. */
    public Person owner() {
        for (Person p : db.persons().owners()) if (PersonMac.checks(cipher, p)) return p;
        return null;
    }

    /**
     * Whether people are stored and every row's MAC is forged: the Keystore key is gone (a new one does not check
     * them), or every row was altered, and nothing the household granted can be trusted any more. A Keystore that
     * fails to check is not taken for that.
     */
    public boolean recordsUnreadable() {
        List<Person> all = db.persons().all();
        for (Person p : all) if (PersonMac.check(cipher, p) != RowMac.Verdict.FORGED) return false;
        return !all.isEmpty();
    }

    /** Renames a person; refused if the name is taken. */
    public void rename(long personId, String name) throws GalleryException {
        Person p = db.persons().byId(personId);
        if (p == null) return;
        try {
            db.persons().update(authenticated(forChange(p).withName(name)));
            changed();
        } catch (SQLiteConstraintException e) {
            throw new GalleryException("the name " + name + " is already taken", e);
        } catch (SealingFailed e) {
            throw new GalleryException("cannot authenticate the change: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Sets whether a person's face opens the gate. */
    public void setMayUnlock(long personId, boolean mayUnlock) throws GalleryException {
        Person p = db.persons().byId(personId);
        try {
            if (p != null) db.persons().update(authenticated(forChange(p).withMayUnlock(mayUnlock)));
        } catch (SealingFailed e) {
            throw new GalleryException("cannot authenticate the change: " + e.getCause().getMessage(), e.getCause());
        }
        changed();
    }

    /** A row as its MAC allows: itself if it checks, else a member who may not unlock. */
    private Person checked(Person p) {
        return PersonMac.checks(cipher, p) ? p : p.powerless();
    }

    /**
     * The row a change starts from: as {@link #checked}, except that a MAC the Keystore failed to check refuses the
     * change. Rewritten from the powerless row, the change would be sealed with a valid MAC and demote an owner (or
     * take away someone's unlock) for good over a transient Keystore error.
     */
    private Person forChange(Person p) throws GalleryException {
        switch (PersonMac.check(cipher, p)) {
            case VALID: return p;
            case FORGED: return p.powerless();
            default: throw new GalleryException("the key could not be used: try again", null);
        }
    }

    /** {@code p} with the MAC of its columns. */
    private Person authenticated(Person p) {
        try {
            return p.withMac(PersonMac.of(cipher, p));
        } catch (GeneralSecurityException e) {
            throw new SealingFailed(e);
        }
    }

    /** Removes a person, and (cascade) their templates and their entries in the unlock log. */
    public void remove(long personId) {
        Person p = db.persons().byId(personId);
        if (p != null) db.persons().delete(p);
        changed();
    }

    /** Appends to the unlock log. */
    public void log(UnlockEvent event) {
        db.events().insert(event);
    }

    private void insertTemplates(long personId, List<Sample> samples, String modelId) {
        long now = System.currentTimeMillis();
        for (Sample s : samples) {
            byte[] sealed;
            try {
                sealed = cipher.seal(encode(s.embedding()), aad(personId, modelId));
            } catch (GeneralSecurityException e) {
                throw new SealingFailed(e);
            }
            db.templates().insert(new FaceTemplate(0, personId, sealed, modelId, s.quality(), now));
        }
    }

    /** Carries a checked sealing failure out of Room's transaction callback (which rolls back on it). */
    private static final class SealingFailed extends RuntimeException {
        SealingFailed(GeneralSecurityException cause) {
            super(cause);
        }
    }

    /**
     * Binds a sealed template to its person and model, so a template moved to another person's row (or relabeled with
     * another model id) fails to open instead of letting that face in.
     */
    static byte[] aad(long personId, String modelId) {
        return ("facegate-template|" + personId + "|" + modelId).getBytes(StandardCharsets.UTF_8);
    }

    /** float32 little-endian, the plaintext format of a template. */
    static byte[] encode(Embedding e) {
        ByteBuffer b = ByteBuffer.allocate(4 * e.dimension()).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : e.values()) b.putFloat(v);
        return b.array();
    }

    static Embedding decode(byte[] plain) {
        if (plain.length == 0 || plain.length % 4 != 0) throw new IllegalArgumentException("bad template length " + plain.length);
        ByteBuffer b = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[plain.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return new Embedding(v);
    }
}
