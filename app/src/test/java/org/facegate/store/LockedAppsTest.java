package org.facegate.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import androidx.test.core.app.ApplicationProvider;
import java.util.Set;
import org.facegate.testing.AndroidKeyStoreRule;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/** Locked apps on a real database file: what they grant survives reopening, and an edited row grants nothing. */
@RunWith(RobolectricTestRunner.class)
public class LockedAppsTest {
    @Rule public final AndroidKeyStoreRule keyStore = new AndroidKeyStoreRule();
    private final Context context = ApplicationProvider.getApplicationContext();
    private FaceGateDatabase db;
    private LockedApps apps;

    @Before
    public void open() {
        db = FaceGateDatabase.builder(context, FaceGateDatabase.FILE_NAME, new KeystoreTemplateCipher()).allowMainThreadQueries().build();
        apps = new LockedApps(db, new KeystoreTemplateCipher());
    }

    @After
    public void close() {
        db.close();
    }

    private static Person member(long id) {
        return new Person(id, "M" + id, Role.MEMBER, true, 0, new byte[0]);
    }

    @Test
    public void aLockedAppIsTheOwnersAloneUntilTheOwnerAllowsMore() throws Exception {
        apps.lock("com.example.bank", "Bank");
        LockedApp bank = apps.get("com.example.bank");
        assertEquals("Bank", bank.label);
        assertEquals(0, bank.graceMs);
        assertTrue(bank.allows(new Person(1, "Ada", Role.OWNER, true, 0, new byte[0])));
        assertEquals(false, bank.allows(member(2)));

        apps.setAllowed("com.example.bank", 2, true);
        apps.setAllowed("com.example.bank", 7, true);
        apps.setGrace("com.example.bank", 300_000);
        db.close();
        open();
        bank = apps.get("com.example.bank");
        assertEquals(Set.of(2L, 7L), bank.allowedIds());
        assertTrue(bank.allows(member(2)));
        assertEquals(300_000, bank.graceMs);
        apps.setAllowed("com.example.bank", 2, false);
        assertEquals(Set.of(7L), apps.get("com.example.bank").allowedIds());

        // locking again keeps what was granted; unlocking forgets the app
        apps.lock("com.example.bank", "Bank");
        assertEquals(Set.of(7L), apps.get("com.example.bank").allowedIds());
        apps.unlock("com.example.bank");
        assertNull(apps.get("com.example.bank"));
        assertTrue(apps.all().isEmpty());
    }

    @Test
    public void onlyTheGracePeriodsOnOfferCanBeSet() throws Exception {
        apps.lock("com.example.bank", "Bank");
        assertThrows(IllegalArgumentException.class, () -> apps.setGrace("com.example.bank", 3_600_000));
        assertEquals(0, apps.get("com.example.bank").graceMs);
    }

    @Test
    public void editingTheDatabaseGrantsNothing() throws Exception {
        apps.lock("com.example.bank", "Bank");
        apps.lock("com.example.chat", "Chat");
        apps.setAllowed("com.example.chat", 2, true);
        apps.setGrace("com.example.chat", 900_000);
        var sql = db.getOpenHelper().getWritableDatabase();
        // someone who can write the file lets member 3 into the bank for 15 minutes: the row no longer checks
        sql.execSQL("UPDATE locked_app SET allowed = '3', grace_ms = 900000 WHERE package_name = 'com.example.bank'");
        LockedApp bank = apps.get("com.example.bank");
        assertEquals("still locked, for the owner alone, at once", Set.of(), bank.allowedIds());
        assertEquals(0, bank.graceMs);
        // nor does the chat's MAC, copied onto the bank's row (it covers the package)
        sql.execSQL("UPDATE locked_app SET allowed = '2', grace_ms = 900000, mac = (SELECT mac FROM locked_app WHERE"
                + " package_name = 'com.example.chat') WHERE package_name = 'com.example.bank'");
        assertEquals(Set.of(), apps.get("com.example.bank").allowedIds());
        assertEquals(Set.of(2L), apps.get("com.example.chat").allowedIds());
        assertEquals(2, apps.all().size());
        // the owner's own change, through the store, makes the row check again, with nothing of the tampering kept
        apps.setAllowed("com.example.bank", 4, true);
        bank = apps.get("com.example.bank");
        assertEquals(Set.of(4L), bank.allowedIds());
        assertEquals(0, bank.graceMs);
    }
}
