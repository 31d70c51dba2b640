package org.facegate.store;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import android.graphics.Bitmap;
import androidx.test.core.app.ApplicationProvider;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.facegate.embed.Embedding;
import org.facegate.engine.FaceModels;
import org.facegate.enroll.Sample;
import org.facegate.match.Matcher;
import org.facegate.match.SecurityLevel;
import org.facegate.pipeline.FaceResult;
import org.facegate.testing.AndroidKeyStoreRule;
import org.facegate.testing.ForwardingCipher;
import org.facegate.testing.Photos;
import org.facegate.testing.TestModels;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/**
 * The gallery on a real database file with real embeddings: the three women of the registry's group photo
 * {@code sample1.jpg}, each embedded from the full photo (enrollment) and from a half-size copy (a later probe).
 */
@RunWith(RobolectricTestRunner.class)
public class GalleryTest {
    @Rule public final AndroidKeyStoreRule keyStore = new AndroidKeyStoreRule();
    private static List<Embedding> full, half;
    private static String modelId;
    private final Context context = ApplicationProvider.getApplicationContext();

    /**
     * Once per class, but in a test's setup rather than {@code @BeforeClass}: the models come from the application's
     * assets, and Robolectric registers the application only for a test (alone, the class failed in its setup).
     */
    @Before
    public void embedFaces() throws Exception {
        if (full != null) return;
        try (FaceModels m = TestModels.open()) {
            Bitmap photo = Photos.bitmap(Photos.sample(1));
            full = leftToRight(m.pipeline.process(Photos.rgb(photo)));
            half = leftToRight(m.pipeline.process(Photos.rgb(Photos.scaled(photo, photo.getWidth() / 2))));
            modelId = m.modelId;
        }
        assertEquals(3, full.size());
        assertEquals(3, half.size());
    }

    @AfterClass
    public static void forget() {
        full = half = null;
    }

    private static List<Embedding> leftToRight(List<FaceResult> faces) {
        List<FaceResult> s = new ArrayList<>(faces);
        s.sort((a, b) -> Float.compare(a.face().box().left(), b.face().box().left()));
        List<Embedding> out = new ArrayList<>();
        for (FaceResult f : s) out.add(f.embedding());
        return out;
    }

    private FaceGateDatabase open() {
        return FaceGateDatabase.builder(context, FaceGateDatabase.FILE_NAME, new KeystoreTemplateCipher()).allowMainThreadQueries().build();
    }

    @Test
    public void templatesAreSealedAndSurviveReopening() throws Exception {
        long ada;
        FaceGateDatabase db = open();
        try {
            Gallery g = new Gallery(db, new KeystoreTemplateCipher());
            ada = g.addPerson("Ada", Role.OWNER, true, List.of(new Sample(full.get(0), 0.9f)), modelId);
            g.addPerson("Bea", Role.MEMBER, false, List.of(new Sample(full.get(1), 0.8f)), modelId);
            // at rest: not the plaintext floats
            byte[] stored = db.templates().byPerson(ada).get(0).embedding;
            assertFalse(contains(stored, Gallery.encode(full.get(0))));
            assertEquals(1 + 12 + 4 * full.get(0).dimension() + 16, stored.length);
        } finally {
            db.close();
        }

        db = open();
        try {
            Gallery.Snapshot s = new Gallery(db, new KeystoreTemplateCipher()).load(modelId);
            assertEquals(2, s.enrolled().size());
            assertTrue(s.needReenroll().isEmpty());
            assertEquals(full.get(0), s.of(ada).samples().get(0));
            // the half-size photo of each woman is recognized as her; the third woman is unknown
            Matcher matcher = new Matcher(SecurityLevel.standard());
            List<org.facegate.match.Person> people = new ArrayList<>();
            for (Gallery.Enrolled e : s.enrolled()) people.add(new org.facegate.match.Person(e.person().name, e.samples()));
            assertEquals("Ada", matcher.identify(half.get(0), people).name());
            assertEquals("Bea", matcher.identify(half.get(1), people).name());
            assertNull(matcher.identify(half.get(2), people).name());
        } finally {
            db.close();
        }
    }

    @Test
    public void templatesOfAnotherModelAskForReenrollment() throws Exception {
        FaceGateDatabase db = open();
        try {
            Gallery g = new Gallery(db, new KeystoreTemplateCipher());
            g.addPerson("Ada", Role.OWNER, true, List.of(new Sample(full.get(0), 0.9f)), "MobileFaceNet@0.9-old");
            Gallery.Snapshot s = g.load(modelId);
            assertTrue(s.enrolled().isEmpty());
            assertEquals("Ada", s.needReenroll().get(0).name);
        } finally {
            db.close();
        }
    }

    @Test
    public void aFailedReenrollmentKeepsTheOldTemplates() throws Exception {
        FaceGateDatabase db = open();
        try {
            FailingCipher cipher = new FailingCipher();
            Gallery g = new Gallery(db, cipher);
            long ada = g.addPerson("Ada", Role.OWNER, true, List.of(new Sample(full.get(0), 0.9f)), modelId);
            cipher.sealed = 0;
            cipher.failAfter = 2;     // the third template of the new set fails, as a crash mid-write would
            List<Sample> fresh = List.of(new Sample(half.get(0), 0.5f), new Sample(half.get(0), 0.5f), new Sample(half.get(0), 0.5f));
            assertThrows(Gallery.GalleryException.class, () -> g.replaceTemplates(ada, fresh, modelId));
            List<Embedding> kept = g.load(modelId).of(ada).samples();
            assertEquals(List.of(full.get(0)), kept);

            cipher.failAfter = 0;     // the new person's MAC cannot be made
            assertThrows(Gallery.GalleryException.class,
                    () -> g.addPerson("Bea", Role.MEMBER, true, List.of(new Sample(full.get(1), 0.9f)), modelId));
            assertNull("no person without templates is left behind", db.persons().byName("Bea"));

            cipher.failAfter = Integer.MAX_VALUE;
            g.replaceTemplates(ada, fresh, modelId);
            assertEquals(3, g.load(modelId).of(ada).samples().size());
        } finally {
            db.close();
        }
    }

    @Test
    public void aTemplateMovedToAnotherPersonDoesNotOpen() throws Exception {
        FaceGateDatabase db = open();
        try {
            Gallery g = new Gallery(db, new KeystoreTemplateCipher());
            long ada = g.addPerson("Ada", Role.OWNER, true, List.of(new Sample(full.get(0), 0.9f)), modelId);
            long bea = g.addPerson("Bea", Role.MEMBER, true, List.of(new Sample(full.get(1), 0.9f)), modelId);
            // an attacker with write access to the file copies Ada's sealed template onto Bea
            FaceTemplate t = db.templates().byPerson(ada).get(0);
            db.templates().deleteByPerson(bea);
            db.templates().insert(new FaceTemplate(0, bea, t.embedding, t.modelId, t.quality, t.created));
            Gallery.Snapshot s = g.load(modelId);
            assertNull(s.of(bea));
            assertEquals("Bea", s.needReenroll().get(0).name);
        } finally {
            db.close();
        }
    }

    @Test
    public void namesAreUnique() throws Exception {
        FaceGateDatabase db = open();
        try {
            Gallery g = new Gallery(db, new KeystoreTemplateCipher());
            g.addPerson("Ada", Role.OWNER, true, List.of(new Sample(full.get(0), 0.9f)), modelId);
            long bea = g.addPerson("Bea", Role.MEMBER, true, List.of(new Sample(full.get(1), 0.9f)), modelId);
            assertThrows(Gallery.GalleryException.class,
                    () -> g.addPerson("Ada", Role.MEMBER, true, List.of(new Sample(full.get(2), 0.9f)), modelId));
            assertThrows(Gallery.GalleryException.class, () -> g.rename(bea, "Ada"));
            g.rename(bea, "Beatrice");
            assertEquals("Beatrice", db.persons().byId(bea).name);
        } finally {
            db.close();
        }
    }

    @Test
    public void deletingTheKeyMakesTemplatesUnreadable() throws Exception {
        FaceGateDatabase db = open();
        try {
            KeystoreTemplateCipher cipher = new KeystoreTemplateCipher();
            byte[] sealed = cipher.seal(new byte[] {1, 2, 3, 4}, new byte[] {9});
            assertArrayEquals(new byte[] {1, 2, 3, 4}, new KeystoreTemplateCipher().open(sealed, new byte[] {9}));
            assertThrows(GeneralSecurityException.class, () -> cipher.open(sealed, new byte[] {8}));
            sealed[20] ^= 1;
            assertThrows(GeneralSecurityException.class, () -> cipher.open(sealed, new byte[] {9}));
            sealed[20] ^= 1;
            cipher.destroyKey();
            assertThrows(GeneralSecurityException.class, () -> new KeystoreTemplateCipher().open(sealed, new byte[] {9}));
        } finally {
            db.close();
        }
    }

    @Test
    public void editingTheDatabaseCannotPromoteAnyone() throws Exception {
        FaceGateDatabase db = open();
        try {
            Gallery g = new Gallery(db, new KeystoreTemplateCipher());
            long ada = g.addPerson("Ada", Role.OWNER, true, List.of(new Sample(full.get(0), 0.9f)), modelId);
            long bea = g.addPerson("Bea", Role.MEMBER, false, List.of(new Sample(full.get(1), 0.9f)), modelId);
            var sql = db.getOpenHelper().getWritableDatabase();
            // Bea made owner and allowed to unlock by someone who can write the file: her row no longer checks
            sql.execSQL("UPDATE person SET role = 'OWNER', may_unlock = 1 WHERE id = " + bea);
            assertEquals(ada, g.owner().id);
            Person read = g.people().stream().filter(p -> p.id == bea).findFirst().get();
            assertEquals(Role.MEMBER, read.role);
            assertFalse(read.mayUnlock);
            assertFalse(g.load(modelId).of(bea).person().mayUnlock);
            // nor does Ada's MAC, copied onto Bea's row (it covers the id and name)
            sql.execSQL("UPDATE person SET mac = (SELECT mac FROM person WHERE id = " + ada + "), may_unlock = 1 WHERE id = " + bea);
            assertFalse(g.load(modelId).of(bea).person().mayUnlock);
            assertFalse(g.recordsUnreadable());
            // the owner allows her, with the PIN, through the gallery: her row checks again
            g.setMayUnlock(bea, true);
            Person allowed = g.load(modelId).of(bea).person();
            assertTrue(allowed.mayUnlock);
            assertEquals("the tampered role is not blessed", Role.MEMBER, allowed.role);
            // renaming keeps the row valid
            g.rename(bea, "Beatrice");
            assertTrue(g.load(modelId).of(bea).person().mayUnlock);
        } finally {
            db.close();
        }
    }

    @Test
    public void aLostKeyLeavesNothingThatGrantsPower() throws Exception {
        FaceGateDatabase db = open();
        try {
            KeystoreTemplateCipher cipher = new KeystoreTemplateCipher();
            Gallery g = new Gallery(db, cipher);
            assertFalse("nobody stored: nothing lost", g.recordsUnreadable());
            g.addPerson("Ada", Role.OWNER, true, List.of(new Sample(full.get(0), 0.9f)), modelId);
            assertFalse(g.recordsUnreadable());
            // a Keystore that fails to check proves nothing: no power granted, and not taken for a lost key
            Gallery failing = new Gallery(db, new ForwardingCipher() {
                @Override
                public byte[] open(byte[] sealed, byte[] aad) {
                    throw new java.security.ProviderException("Keystore operation failed");
                }
            });
            assertNull(failing.owner());
            assertFalse(failing.recordsUnreadable());
            cipher.destroyKey();
            Gallery after = new Gallery(db, new KeystoreTemplateCipher());
            assertTrue(after.recordsUnreadable());
            assertNull(after.owner());
        } finally {
            db.close();
        }
    }

    /** The Keystore cipher whose next {@code opens} opens throw what a failing Keystore throws. */
    private static final class FlakyCipher extends ForwardingCipher {
        int opens;

        @Override
        public byte[] open(byte[] sealed, byte[] aad) throws GeneralSecurityException {
            if (opens > 0) {
                opens--;
                throw new java.security.ProviderException("Keystore operation failed");
            }
            return super.open(sealed, aad);
        }
    }

    @Test
    public void aChangeWhileTheKeystoreFailsIsRefusedAndDemotesNobody() throws Exception {
        FaceGateDatabase db = open();
        try {
            FlakyCipher cipher = new FlakyCipher();
            Gallery g = new Gallery(db, cipher);
            long ada = g.addPerson("Ada", Role.OWNER, true, List.of(new Sample(full.get(0), 0.9f)), modelId);
            // the MAC check fails, sealing the change would succeed: nothing may be written from the powerless row
            cipher.opens = 1;
            Gallery.GalleryException e = assertThrows(Gallery.GalleryException.class, () -> g.rename(ada, "Ada L."));
            assertEquals("the key could not be used: try again", e.getMessage());
            cipher.opens = 1;
            assertThrows(Gallery.GalleryException.class, () -> g.setMayUnlock(ada, true));
            Person owner = g.owner();
            assertEquals(ada, owner.id);
            assertEquals("Ada", owner.name);
            assertEquals(Role.OWNER, owner.role);
            assertTrue(owner.mayUnlock);
            // once the Keystore works again the change goes through, and the owner stays owner
            g.rename(ada, "Ada L.");
            assertEquals("Ada L.", g.owner().name);
        } finally {
            db.close();
        }
    }

    @Test
    public void removingAPersonRemovesTheirUnlockEvents() throws Exception {
        FaceGateDatabase db = open();
        try {
            Gallery g = new Gallery(db, new KeystoreTemplateCipher());
            long ada = g.addPerson("Ada", Role.OWNER, true, List.of(new Sample(full.get(0), 0.9f)), modelId);
            long bea = g.addPerson("Bea", Role.MEMBER, true, List.of(new Sample(full.get(1), 0.9f)), modelId);
            g.log(UnlockEvent.now(UnlockEvent.Outcome.FACE_MATCH, bea, 0.8f));
            g.log(UnlockEvent.now(UnlockEvent.Outcome.FACE_REJECTED, bea, 0.3f));
            g.log(UnlockEvent.now(UnlockEvent.Outcome.FACE_MATCH, ada, 0.9f));
            g.log(UnlockEvent.now(UnlockEvent.Outcome.PIN_REJECTED, null, null));
            g.remove(bea);
            List<UnlockEvent> left = db.events().recent(10);
            assertEquals(2, left.size());
            for (UnlockEvent e : left) assertTrue(e.personId == null || e.personId == ada);
            assertTrue(db.templates().byPerson(bea).isEmpty());
        } finally {
            db.close();
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + 8 <= hay.length; i++) {
            for (int j = 0; j < 8; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }

    /** The real cipher, failing from the n-th seal on. */
    private static final class FailingCipher extends ForwardingCipher {
        int failAfter = Integer.MAX_VALUE, sealed;

        @Override
        public byte[] seal(byte[] plaintext, byte[] aad) throws GeneralSecurityException {
            if (sealed++ >= failAfter) throw new GeneralSecurityException("simulated failure");
            return super.seal(plaintext, aad);
        }
    }

    /** The Keystore cipher, counting the templates it opens (not the person rows' MACs it checks). */
    private static final class CountingCipher extends ForwardingCipher {
        int opened;

        @Override
        public byte[] open(byte[] sealed, byte[] aad) throws GeneralSecurityException {
            if (new String(aad, java.nio.charset.StandardCharsets.UTF_8).startsWith("facegate-template|")) opened++;
            return super.open(sealed, aad);
        }
    }

    @Test
    public void decryptedTemplatesAreKeptForTheUnlockedSessionOnly() throws Exception {
        FaceGateDatabase db = open();
        try {
            CountingCipher cipher = new CountingCipher();
            Gallery g = new Gallery(db, cipher);
            long ada = g.addPerson("Ada", Role.OWNER, true, List.of(new Sample(full.get(0), 0.9f)), modelId);
            // locked (the default): every load decrypts, nothing stays in memory
            g.load(modelId);
            g.load(modelId);
            assertEquals(2, cipher.opened);

            g.allowCache(true);                 // someone passed the gate
            Gallery.Snapshot first = g.load(modelId);
            assertTrue("the unlocked session reuses the decrypted copy", first == g.load(modelId));
            assertEquals(3, cipher.opened);

            g.addPerson("Bea", Role.MEMBER, false, List.of(new Sample(full.get(1), 0.8f)), modelId);
            assertEquals("a change is seen at once", 2, g.load(modelId).enrolled().size());
            assertEquals(5, cipher.opened);
            g.setMayUnlock(ada, false);
            assertFalse(g.load(modelId).of(ada).person().mayUnlock);
            assertEquals(7, cipher.opened);

            g.allowCache(false);                // the session locked: the copy is dropped
            g.load(modelId);
            assertEquals(9, cipher.opened);
            g.load(modelId);
            assertEquals(11, cipher.opened);
            assertNull("another model's load is never answered from the cache", g.load("OtherNet@1").of(ada));
        } finally {
            db.close();
        }
    }
}
