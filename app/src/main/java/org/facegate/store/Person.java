package org.facegate.store;

import androidx.annotation.NonNull;
import androidx.room.ColumnInfo;
import androidx.room.Entity;
import androidx.room.PrimaryKey;

/** A person known to the gate. Immutable; {@link #id} is 0 until Room assigns one on insert. */
@Entity(tableName = "person")
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

    public Person(long id, @NonNull String name, @NonNull Role role, boolean mayUnlock) {
        this.id = id;
        this.name = name;
        this.role = role;
        this.mayUnlock = mayUnlock;
    }

    /** A person not stored yet (id 0: Room picks one on insert). */
    public static Person create(String name, Role role, boolean mayUnlock) {
        return new Person(0, name, role, mayUnlock);
    }

    @Override
    public String toString() {
        return "Person{id=" + id + ", name=" + name + ", role=" + role + ", mayUnlock=" + mayUnlock + "}";
    }
}
