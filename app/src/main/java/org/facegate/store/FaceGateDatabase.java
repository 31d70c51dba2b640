package org.facegate.store;

import android.content.Context;
import android.database.Cursor;
import androidx.annotation.NonNull;
import androidx.room.Database;
import androidx.room.Room;
import androidx.room.RoomDatabase;
import androidx.room.migration.Migration;
import androidx.sqlite.db.SupportSQLiteDatabase;
import java.security.GeneralSecurityException;

/**
 * The app's local database (app-private storage, never backed up). Schema versions are exported to
 * {@code app/schemas/} at compile time and committed; every version bump comes with a {@link Migration} and a test
 * that migrates a database written with the previous schema.
 */
@Database(entities = {Person.class, FaceTemplate.class, UnlockEvent.class, LockedApp.class}, version = 4, exportSchema = true)
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

    /**
     * 2 → 3: every person row gains its MAC ({@link PersonMac}, computed here, in the migration's transaction, under
     * {@code cipher}'s key: afterwards a row without one grants nothing, so there is no later moment at which rows are
     * "adopted" and an edited row could slip in); unlock events go with their person (foreign key ON DELETE CASCADE
     * instead of SET NULL: SQLite cannot alter a foreign key, so the table is rebuilt), and the events schema 2 kept of
     * people already removed are dropped: those without a person whose outcome always names one (a face match, a
     * detected attack, a timed-out challenge).
     */
    public static Migration migration2To3(TemplateCipher cipher) {
        return new Migration(2, 3) {
            @Override
            public void migrate(@NonNull SupportSQLiteDatabase db) {
                db.execSQL("ALTER TABLE `person` ADD COLUMN `mac` BLOB NOT NULL DEFAULT x''");
                try (Cursor c = db.query("SELECT `id`, `name`, `role`, `may_unlock`, `created` FROM `person`")) {
                    while (c.moveToNext()) {
                        Person p = new Person(c.getLong(0), c.getString(1), Role.valueOf(c.getString(2)), c.getInt(3) != 0,
                                c.getLong(4), new byte[0]);
                        db.execSQL("UPDATE `person` SET `mac` = ? WHERE `id` = ?", new Object[] {PersonMac.of(cipher, p), p.id});
                    }
                } catch (GeneralSecurityException e) {
                    // the upgrade is rolled back and tried again on the next start
                    throw new IllegalStateException("cannot authenticate the household's records: " + e.getMessage(), e);
                }
                db.execSQL("CREATE TABLE `unlock_event_3` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `time` INTEGER NOT NULL,"
                        + " `outcome` TEXT NOT NULL, `person_id` INTEGER, `score` REAL, FOREIGN KEY(`person_id`) REFERENCES"
                        + " `person`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE )");
                db.execSQL("INSERT INTO `unlock_event_3` (`id`, `time`, `outcome`, `person_id`, `score`)"
                        + " SELECT `id`, `time`, `outcome`, `person_id`, `score` FROM `unlock_event`"
                        + " WHERE `person_id` IS NULL AND `outcome` IN ('PIN', 'PIN_REJECTED', 'FACE_REJECTED')"
                        + " OR `person_id` IN (SELECT `id` FROM `person`)");
                db.execSQL("DROP TABLE `unlock_event`");
                db.execSQL("ALTER TABLE `unlock_event_3` RENAME TO `unlock_event`");
                db.execSQL("CREATE INDEX IF NOT EXISTS `index_unlock_event_person_id` ON `unlock_event` (`person_id`)");
            }
        };
    }

    /**
     * 3 → 4: the apps the gate guards ({@link LockedApp}), an empty table: nothing was locked before, so no row needs
     * a MAC here.
     */
    public static final Migration MIGRATION_3_4 = new Migration(3, 4) {
        @Override
        public void migrate(@NonNull SupportSQLiteDatabase db) {
            db.execSQL("CREATE TABLE IF NOT EXISTS `locked_app` (`package_name` TEXT NOT NULL, `label` TEXT NOT NULL,"
                    + " `grace_ms` INTEGER NOT NULL, `allowed` TEXT NOT NULL, `mac` BLOB NOT NULL DEFAULT x'',"
                    + " PRIMARY KEY(`package_name`))");
        }
    };

    public abstract PersonDao persons();

    public abstract TemplateDao templates();

    public abstract UnlockEventDao events();

    public abstract LockedAppDao lockedApps();

    /**
     * A builder for the database file {@code name} with every migration ({@code cipher}: the templates' key, which
     * authenticates the person rows); callers may add options and build.
     */
    public static RoomDatabase.Builder<FaceGateDatabase> builder(Context context, String name, TemplateCipher cipher) {
        return Room.databaseBuilder(context.getApplicationContext(), FaceGateDatabase.class, name)
                .addMigrations(MIGRATION_1_2, migration2To3(cipher), MIGRATION_3_4);
    }

    /** Opens the app's database. Queries must not run on the main thread. */
    public static FaceGateDatabase open(Context context, TemplateCipher cipher) {
        return builder(context, FILE_NAME, cipher).build();
    }
}
