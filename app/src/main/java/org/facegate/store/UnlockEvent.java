package org.facegate.store;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
import androidx.room.ColumnInfo;
import androidx.room.Entity;
import androidx.room.ForeignKey;
import androidx.room.Index;
import androidx.room.PrimaryKey;

/**
 * One unlock attempt at the gate (table {@code unlock_event}): when, how it ended, who, with what score. Removing a
 * person removes their events (schema 3; before, they stayed behind without a name).
 */
@Entity(tableName = "unlock_event",
        foreignKeys = @ForeignKey(entity = Person.class, parentColumns = "id", childColumns = "person_id",
                onDelete = ForeignKey.CASCADE),
        indices = @Index("person_id"))
public final class UnlockEvent {
    @PrimaryKey(autoGenerate = true)
    public final long id;

    /** Wall-clock time in ms (for display only; the gate's timing rules use the monotonic clock). */
    public final long time;

    @NonNull
    public final Outcome outcome;

    /** The person recognized (or the owner, for PIN unlocks); null when nobody was. */
    @Nullable
    @ColumnInfo(name = "person_id")
    public final Long personId;

    /** Best similarity of a face attempt; null for PIN attempts. */
    @Nullable
    public final Float score;

    public UnlockEvent(long id, long time, @NonNull Outcome outcome, @Nullable Long personId, @Nullable Float score) {
        this.id = id;
        this.time = time;
        this.outcome = outcome;
        this.personId = personId;
        this.score = score;
    }

    /** An event happening now. */
    public static UnlockEvent now(Outcome outcome, Long personId, Float score) {
        return new UnlockEvent(0, System.currentTimeMillis(), outcome, personId, score);
    }

    /** How an attempt ended. Stored by name. */
    public enum Outcome {
        /** Face matched a person allowed to unlock. */
        FACE_MATCH,
        /** Face attempt failed: unknown face, or a person not allowed to unlock. */
        FACE_REJECTED,
        /** Face recognized, but the liveness check found a presentation attack (photo moved as a plane, face swapped). */
        FACE_SPOOF,
        /** Face recognized, but the liveness challenge was not completed in time (or the face left the view). */
        FACE_TIMEOUT,
        /** Correct PIN. */
        PIN,
        /** Wrong PIN. */
        PIN_REJECTED
    }
}
