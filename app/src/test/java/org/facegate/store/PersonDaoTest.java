package org.facegate.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import androidx.test.core.app.ApplicationProvider;
import java.io.File;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/** Room on a real SQLite file (Robolectric's native SQLite), not only in memory. */
@RunWith(RobolectricTestRunner.class)
public class PersonDaoTest {
    private final Context context = ApplicationProvider.getApplicationContext();

    private FaceGateDatabase open() {
        // tests run on the main looper thread; the app itself keeps queries off it
        return FaceGateDatabase.builder(context, FaceGateDatabase.FILE_NAME, new KeystoreTemplateCipher()).allowMainThreadQueries().build();
    }

    @Test
    public void dataSurvivesCloseAndReopen() {
        long ownerId, guestId;
        FaceGateDatabase db = open();
        try {
            ownerId = db.persons().insert(Person.create("Ada", Role.OWNER, true));
            guestId = db.persons().insert(Person.create("Bob", Role.MEMBER, false));
        } finally {
            db.close();
        }
        File file = context.getDatabasePath(FaceGateDatabase.FILE_NAME);
        assertTrue(file + " exists", file.isFile());
        assertTrue(file + " is not empty", file.length() > 0);

        db = open();
        try {
            List<Person> all = db.persons().all();
            assertEquals(2, all.size());
            Person owner = db.persons().byId(ownerId);
            assertEquals("Ada", owner.name);
            assertEquals(Role.OWNER, owner.role);
            assertTrue(owner.mayUnlock);
            Person guest = db.persons().byId(guestId);
            assertEquals("Bob", guest.name);
            assertEquals(Role.MEMBER, guest.role);
            assertFalse(guest.mayUnlock);
            assertEquals(List.of(ownerId), db.persons().owners().stream().map(p -> p.id).toList());
        } finally {
            db.close();
        }
    }

    @Test
    public void updateAndDelete() {
        FaceGateDatabase db = open();
        try {
            long id = db.persons().insert(Person.create("Cy", Role.MEMBER, false));
            assertEquals(1, db.persons().update(db.persons().byId(id).withMayUnlock(true)));
            assertTrue(db.persons().byId(id).mayUnlock);
            assertEquals(1, db.persons().delete(db.persons().byId(id)));
            assertNull(db.persons().byId(id));
        } finally {
            db.close();
        }
    }
}
