package org.facegate.store;

import android.content.Context;
import androidx.annotation.NonNull;
import androidx.room.Database;
import androidx.room.Room;
import androidx.room.RoomDatabase;
import androidx.room.migration.Migration;
import androidx.sqlite.db.SupportSQLiteDatabase;

/**
 * The app's local database (app-private storage, never backed up). Schema versions are exported to
 * {@code app/schemas/} at compile time and committed; every version bump comes with a {@link Migration} and a test
 * that migrates a database written with the previous schema.
 */
@Database(entities = {Person.class, FaceTemplate.class, UnlockEvent.class}, version = 2, exportSchema = true)
public abstract class FaceGateDatabase extends RoomDatabase {
    /** File name under the app's databases directory. */
    public static final String FILE_NAME = "facegate.db";

    /**
     * 1 → 2: person gains {@code created} and unique names; face_template and unlock_event appear. Duplicate names
     * (schema 1 allowed them) are made unique by appending the row id, rather than failing the upgrade.
     */
    public static final Migration MIGRATION_1_2 = new Migration(1, 2) {
        @Override
        public void migrate(@NonNull SupportSQLiteDatabase db) {
            db.execSQL("ALTER TABLE `person` ADD COLUMN `created` INTEGER NOT NULL DEFAULT 0");
            db.execSQL("UPDATE `person` SET `name` = `name` || ' (' || `id` || ')'"
                    + " WHERE `id` NOT IN (SELECT MIN(`id`) FROM `person` GROUP BY `name`)");
            db.execSQL("CREATE UNIQUE INDEX IF NOT EXISTS `index_person_name` ON `person` (`name`)");
            db.execSQL("CREATE TABLE IF NOT EXISTS `face_template` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                    + " `person_id` INTEGER NOT NULL, `embedding` BLOB NOT NULL, `model_id` TEXT NOT NULL,"
                    + " `quality` REAL NOT NULL, `created` INTEGER NOT NULL, FOREIGN KEY(`person_id`) REFERENCES"
                    + " `person`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE )");
            db.execSQL("CREATE INDEX IF NOT EXISTS `index_face_template_person_id` ON `face_template` (`person_id`)");
            db.execSQL("CREATE TABLE IF NOT EXISTS `unlock_event` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                    + " `time` INTEGER NOT NULL, `outcome` TEXT NOT NULL, `person_id` INTEGER, `score` REAL,"
                    + " FOREIGN KEY(`person_id`) REFERENCES `person`(`id`) ON UPDATE NO ACTION ON DELETE SET NULL )");
            db.execSQL("CREATE INDEX IF NOT EXISTS `index_unlock_event_person_id` ON `unlock_event` (`person_id`)");
        }
    };

    public abstract PersonDao persons();

    public abstract TemplateDao templates();

    public abstract UnlockEventDao events();

    /** A builder for the database file {@code name} with every migration; callers may add options and build. */
    public static RoomDatabase.Builder<FaceGateDatabase> builder(Context context, String name) {
        return Room.databaseBuilder(context.getApplicationContext(), FaceGateDatabase.class, name)
                .addMigrations(MIGRATION_1_2);
    }

    /** Opens the app's database. Queries must not run on the main thread. */
    public static FaceGateDatabase open(Context context) {
        return builder(context, FILE_NAME).build();
    }
}
