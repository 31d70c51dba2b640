package org.facegate.store;

import androidx.annotation.NonNull;
import androidx.room.ColumnInfo;
import androidx.room.Entity;
import androidx.room.Index;
import androidx.room.PrimaryKey;

/**
 * A person known to the gate (table {@code person}, the same logical schema as the desktop CLI's gallery). Immutable;
 * {@link #id} is 0 until Room assigns one on insert. Names are unique, so "who's here" labels are unambiguous. The
 * columns that grant power (role, may-unlock) are authenticated by {@link #mac}, so editing the database file cannot
 * promote anyone.
 */
@Entity(tableName = "person", indices = @Index(value = "name", unique = true))
public final class Person {
    @PrimaryKey(autoGenerate = true)
    public final long id;

    @NonNull
    public final String name;

    @NonNull
    public final Role role;

    /** Whether a face match of this person opens the gate. */
    @ColumnInfo(name = "may_unlock")
    public final boolean mayUnlock;

    /** Wall-clock creation time in ms; 0 for people migrated from schema 1, which did not record it. */
    @ColumnInfo(defaultValue = "0")
    public final long created;

    /**
     * Authenticates the row's other columns ({@link PersonMac}, under the Keystore key of the templates): a row whose
     * MAC does not check grants nothing. Empty (the default) until {@link Gallery} writes it.
     */
    @NonNull
    @ColumnInfo(defaultValue = "x''")
    public final byte[] mac;

    public Person(long id, @NonNull String name, @NonNull Role role, boolean mayUnlock, long created, @NonNull byte[] mac) {
        this.id = id;
        this.name = name;
        this.role = role;
        this.mayUnlock = mayUnlock;
        this.created = created;
        this.mac = mac;
    }

    /** A person not stored yet (id 0: Room picks one on insert), created now, not authenticated yet. */
    public static Person create(String name, Role role, boolean mayUnlock) {
        return new Person(0, name, role, mayUnlock, System.currentTimeMillis(), new byte[0]);
    }

    /** A copy with another name (its MAC no longer checks until {@link #withMac}). */
    public Person withName(String newName) {
        return new Person(id, newName, role, mayUnlock, created, mac);
    }

    /** A copy with another may-unlock flag (its MAC no longer checks until {@link #withMac}). */
    public Person withMayUnlock(boolean newMayUnlock) {
        return new Person(id, name, role, newMayUnlock, created, mac);
    }

    /** A copy with another MAC. */
    public Person withMac(byte[] newMac) {
        return new Person(id, name, role, mayUnlock, created, newMac);
    }

    /** What a row whose MAC does not check is worth: a member who may not unlock. */
    public Person powerless() {
        return new Person(id, name, Role.MEMBER, false, created, mac);
    }

    @Override
    public String toString() {
        return "Person{id=" + id + ", name=" + name + ", role=" + role + ", mayUnlock=" + mayUnlock + "}";
    }
}
