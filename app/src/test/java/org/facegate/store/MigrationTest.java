package org.facegate.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import android.content.ContentValues;
import android.content.Context;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import androidx.test.core.app.ApplicationProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.facegate.testing.AndroidKeyStoreRule;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/**
 * Migrations, tested the way they run on a phone: a database file written with a committed schema (from
 * {@code app/schemas/.../N.json}, exactly as Room created it) is opened by the current Room database, which runs the
 * migrations and then validates every table, column, index and foreign key against the current entities.
 */
@RunWith(RobolectricTestRunner.class)
public class MigrationTest {
    @Rule public final AndroidKeyStoreRule keyStore = new AndroidKeyStoreRule();
    private static final File SCHEMAS = new File("schemas/" + FaceGateDatabase.class.getName());
    private final Context context = ApplicationProvider.getApplicationContext();

    /** Creates a database file of schema {@code version} from its exported JSON, as Room would have. */
    private File create(String name, int version) throws Exception {
        JSONObject db = new JSONObject(new String(Files.readAllBytes(new File(SCHEMAS, version + ".json").toPath()),
                StandardCharsets.UTF_8)).getJSONObject("database");
        File file = context.getDatabasePath(name);
        file.getParentFile().mkdirs();
        try (SQLiteDatabase sql = SQLiteDatabase.openOrCreateDatabase(file, null)) {
            JSONArray entities = db.getJSONArray("entities");
            for (int i = 0; i < entities.length(); i++) {
                JSONObject e = entities.getJSONObject(i);
                String table = e.getString("tableName");
                sql.execSQL(e.getString("createSql").replace("${TABLE_NAME}", table));
                JSONArray indices = e.optJSONArray("indices");
                for (int j = 0; indices != null && j < indices.length(); j++) {
                    sql.execSQL(indices.getJSONObject(j).getString("createSql").replace("${TABLE_NAME}", table));
                }
            }
            JSONArray setup = db.getJSONArray("setupQueries");
            for (int i = 0; i < setup.length(); i++) sql.execSQL(setup.getString(i));
            sql.setVersion(version);
        }
        return file;
    }

    @Test
    public void migrates1To2KeepingPeople() throws Exception {
        File file = create("v1.db", 1);
        try (SQLiteDatabase sql = SQLiteDatabase.openDatabase(file.getPath(), null, SQLiteDatabase.OPEN_READWRITE)) {
            insertV1(sql, "Ada", "OWNER", true);
            insertV1(sql, "Bob", "MEMBER", false);
            insertV1(sql, "Bob", "MEMBER", true);      // schema 1 allowed duplicate names; schema 2 does not
        }

        FaceGateDatabase db = open("v1.db");
        try {
            List<String> names = new ArrayList<>();
            for (Person p : db.persons().all()) names.add(p.name + "/" + p.role + "/" + p.mayUnlock + "/" + p.created);
            assertEquals(List.of("Ada/OWNER/true/0", "Bob/MEMBER/false/0", "Bob (3)/MEMBER/true/0"), names);

            // the new tables work, including the foreign keys: templates and events go with their person
            Person bob = db.persons().byName("Bob");
            assertNotNull(bob);
            db.templates().insert(new FaceTemplate(0, bob.id, new byte[] {1, 2, 3}, "m@1", 0.5f, 1));
            db.events().insert(UnlockEvent.now(UnlockEvent.Outcome.FACE_MATCH, bob.id, 0.8f));
            db.persons().delete(bob);
            assertTrue(db.templates().byPerson(bob.id).isEmpty());
            assertTrue(db.events().recent(1).isEmpty());
            // and 2 -> 3 authenticated the rows schema 1 had
            assertEquals("Ada", new Gallery(db, new KeystoreTemplateCipher()).owner().name);
        } finally {
            db.close();
        }
        assertEquals(4, userVersion(file));
    }

    @Test
    public void migrates2To3AuthenticatingEveryoneAndTyingEventsToTheirPerson() throws Exception {
        File file = create("v2.db", 2);
        try (SQLiteDatabase sql = SQLiteDatabase.openDatabase(file.getPath(), null, SQLiteDatabase.OPEN_READWRITE)) {
            long ada = insertV2(sql, "Ada", "OWNER", true);
            long bob = insertV2(sql, "Bob", "MEMBER", false);
            insertEvent(sql, "FACE_MATCH", ada);
            insertEvent(sql, "FACE_REJECTED", bob);
            insertEvent(sql, "PIN_REJECTED", null);
            insertEvent(sql, "FACE_REJECTED", null);    // an unknown face
            insertEvent(sql, "FACE_MATCH", null);       // schema 2 kept it when its person was removed
        }

        FaceGateDatabase db = open("v2.db");
        try {
            Gallery g = new Gallery(db, new KeystoreTemplateCipher());
            assertEquals("Ada", g.owner().name);
            List<String> people = new ArrayList<>();
            for (Person p : g.people()) people.add(p.name + "/" + p.role + "/" + p.mayUnlock);
            assertEquals(List.of("Ada/OWNER/true", "Bob/MEMBER/false"), people);
            assertFalse(g.recordsUnreadable());

            List<String> events = new ArrayList<>();
            for (UnlockEvent e : db.events().recent(10)) events.add(e.outcome + "/" + e.personId);
            assertEquals(4, events.size());
            assertFalse("the removed person's match went: " + events, events.contains("FACE_MATCH/null"));

            Person bob = db.persons().byName("Bob");
            g.remove(bob.id);
            for (UnlockEvent e : db.events().recent(10)) assertTrue(e.outcome + " of Bob left", e.personId == null || e.personId != bob.id);
        } finally {
            db.close();
        }
        assertEquals(4, userVersion(file));
    }

    @Test
    public void migrates3To4KeepingTheHouseholdAndAddingLockedApps() throws Exception {
        long bea;
        File file = create("v3-household.db", 3);
        // schema 3 rows with valid MACs, as schema 3's code wrote them
        try (SQLiteDatabase sql = SQLiteDatabase.openDatabase(file.getPath(), null, SQLiteDatabase.OPEN_READWRITE)) {
            insertV3(sql, 1, "Ada", "OWNER", true);
            bea = insertV3(sql, 2, "Bea", "MEMBER", false);
        }

        FaceGateDatabase db = open("v3-household.db");
        try {
            Gallery g = new Gallery(db, new KeystoreTemplateCipher());
            List<String> people = new ArrayList<>();
            for (Person p : g.people()) people.add(p.name + "/" + p.role + "/" + p.mayUnlock);
            assertEquals("the MACs of schema 3 still check", List.of("Ada/OWNER/true", "Bea/MEMBER/false"), people);
            LockedApps apps = new LockedApps(db, new KeystoreTemplateCipher());
            assertTrue(apps.all().isEmpty());
            apps.lock("com.example.bank", "Bank");
            apps.setAllowed("com.example.bank", bea, true);
            apps.setGrace("com.example.bank", 60_000);
            LockedApp bank = apps.get("com.example.bank");
            assertEquals(Set.of(bea), bank.allowedIds());
            assertEquals(60_000, bank.graceMs);
        } finally {
            db.close();
        }
        assertEquals(4, userVersion(file));
    }

    /** A person row of schema 3, with the MAC schema 3's code gave it. */
    private static long insertV3(SQLiteDatabase sql, long id, String name, String role, boolean mayUnlock) throws Exception {
        Person p = new Person(id, name, Role.valueOf(role), mayUnlock, 1_700_000_000_000L, new byte[0]);
        ContentValues v = new ContentValues();
        v.put("id", id);
        v.put("name", name);
        v.put("role", role);
        v.put("may_unlock", mayUnlock ? 1 : 0);
        v.put("created", p.created);
        v.put("mac", PersonMac.of(new KeystoreTemplateCipher(), p));
        return sql.insertOrThrow("person", null, v);
    }

    /** The newest exported schema is the one the entities compile to (a forgotten export would fail here). */
    @Test
    public void currentSchemaIsExported() throws Exception {
        File file = create("v4.db", 4);
        FaceGateDatabase db = open(file.getName());
        try {
            assertTrue(db.persons().all().isEmpty());    // opening validates the schema against the entities
        } finally {
            db.close();
        }
    }

    private FaceGateDatabase open(String name) {
        return FaceGateDatabase.builder(context, name, new KeystoreTemplateCipher()).allowMainThreadQueries().build();
    }

    private static int userVersion(File file) {
        try (SQLiteDatabase sql = SQLiteDatabase.openDatabase(file.getPath(), null, SQLiteDatabase.OPEN_READONLY);
             Cursor c = sql.rawQuery("PRAGMA user_version", null)) {
            c.moveToFirst();
            return c.getInt(0);
        }
    }

    private static long insertV2(SQLiteDatabase sql, String name, String role, boolean mayUnlock) {
        ContentValues v = new ContentValues();
        v.put("name", name);
        v.put("role", role);
        v.put("may_unlock", mayUnlock ? 1 : 0);
        v.put("created", 1_700_000_000_000L);
        return sql.insertOrThrow("person", null, v);
    }

    private static void insertEvent(SQLiteDatabase sql, String outcome, Long personId) {
        ContentValues v = new ContentValues();
        v.put("time", 1_700_000_000_000L);
        v.put("outcome", outcome);
        v.put("person_id", personId);
        sql.insertOrThrow("unlock_event", null, v);
    }

    private static void insertV1(SQLiteDatabase sql, String name, String role, boolean mayUnlock) {
        ContentValues v = new ContentValues();
        v.put("name", name);
        v.put("role", role);
        v.put("may_unlock", mayUnlock ? 1 : 0);
        sql.insertOrThrow("person", null, v);
    }
}
