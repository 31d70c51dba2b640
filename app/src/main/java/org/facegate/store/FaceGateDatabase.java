package org.facegate.store;

import android.content.Context;
import androidx.room.Database;
import androidx.room.Room;
import androidx.room.RoomDatabase;

/**
 * The app's local database (app-private storage, never backed up). Schema versions are exported to
 * {@code app/schemas/} at compile time and committed, so every migration can be checked against them.
 */
@Database(entities = {Person.class}, version = 1, exportSchema = true)
public abstract class FaceGateDatabase extends RoomDatabase {
    /** File name under the app's databases directory. */
    public static final String FILE_NAME = "facegate.db";

    public abstract PersonDao persons();

    /** A builder for the database file {@code name}; callers add options (e.g. migrations) and build. */
    public static RoomDatabase.Builder<FaceGateDatabase> builder(Context context, String name) {
        return Room.databaseBuilder(context.getApplicationContext(), FaceGateDatabase.class, name);
    }

    /** Opens the app's database. Queries must not run on the main thread. */
    public static FaceGateDatabase open(Context context) {
        return builder(context, FILE_NAME).build();
    }
}
