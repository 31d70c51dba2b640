package org.facegate.enroll;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import android.graphics.Bitmap;
import android.widget.ProgressBar;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.facegate.R;
import org.facegate.gate.ContentActivity;
import org.facegate.security.StepUp;
import org.facegate.store.Person;
import org.facegate.store.Role;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.facegate.testing.FailingCipher;
import org.facegate.testing.GroupPhoto;
import org.facegate.testing.Photos;
import org.junit.Before;
import org.junit.Test;
import org.robolectric.shadows.ShadowSystemClock;

/**
 * Enrollment never gets stuck: the owner's first-run enrollment on frames of the registry's group photo, with the
 * screen paused or rotated between the save (inference thread) and its step on the main thread, and with the
 * Keystore failing while the template is sealed.
 */
public class EnrollActivityTest extends AppTest {
    private Bitmap ada;

    @Before
    public void firstRunOwner() throws Exception {
        ada = new GroupPhoto().person(1, 2.5f, 480);
        createPin("Ada");
        services.session.unlock(-1, "Ada", Role.OWNER);     // as first-run setup leaves it
    }

    private static int kept(EnrollActivity e) {
        return ((ProgressBar) e.findViewById(R.id.enroll_progress)).getProgress();
    }

    /** Films Ada once: one frame, processed (and its step on the main thread run) before this returns. */
    private void oneFrame(EnrollActivity e) {
        camera().play(List.of(Photos.rgb(ada)), 30, 30, ada);
        Await.until(() -> "the frame processed: " + statusOf(e), () -> camera().clipDone() && services.engine().pending() == 0);
    }

    /**
     * Enrolls Ada up to the save: four captures one frame at a time, then, a second later, a fifth frame, waited for
     * without running the main thread, so the save is done and its step on the main thread still queued.
     */
    private EnrollActivity savedButNotShown() {
        services.stepUp.confirmed(StepUp.Action.ENROLL);       // the PIN entered for it
        EnrollActivity e = start(EnrollActivity.class, EnrollActivity.firstRun(app));
        for (int i = 0; i < 4 * EnrollActivity.SAMPLES && kept(e) < EnrollActivity.SAMPLES - 1; i++) oneFrame(e);
        ShadowSystemClock.advanceBy(Duration.ofSeconds(1));
        camera().play(List.of(Photos.rgb(ada)), 30, 30, ada);
        waitOffTheMainThread(() -> camera().clipDone() && services.engine().pending() == 0);
        assertNotNull("saved", onIo(() -> services.gallery().owner()));
        assertEquals("the screen has not heard of it", EnrollActivity.SAMPLES - 1, kept(e));
        return e;
    }

    private static void waitOffTheMainThread(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            try {
                Thread.sleep(10);
            } catch (InterruptedException ex) {
                throw new AssertionError(ex);
            }
        }
    }

    private void ownerIsIn(ContentActivity content) {
        Person owner = onIo(() -> services.gallery().owner());
        assertEquals("Welcome, Ada", text(content, R.id.content_welcome));
        assertTrue(services.session.isOwner());
        assertEquals("the session knows the owner's new row", owner.id, services.session.personId());
    }

    @Test
    public void pausedBetweenTheSaveAndItsStepItFinishesOnResume() {
        EnrollActivity e = savedButNotShown();
        controller(e).pause();
        idle();                 // the queued step finds the screen paused and does nothing
        controller(e).resume();
        ownerIsIn(follow(e, ContentActivity.class));
    }

    @Test
    public void rotatedBetweenTheSaveAndItsStepTheNewScreenFinishes() {
        EnrollActivity e = savedButNotShown();
        EnrollActivity rotated = controller(e).recreate().get();
        ownerIsIn(follow(rotated, ContentActivity.class));
    }

    @Test
    public void aKeystoreFailureWhileSavingIsSaidAndEnrollmentStartsOver() {
        FailingCipher cipher = new FailingCipher(services.cipher);
        services.cipher = cipher;
        cipher.sealFailures.set(1);
        services.stepUp.confirmed(StepUp.Action.ENROLL);       // the PIN entered for it
        EnrollActivity e = start(EnrollActivity.class, EnrollActivity.firstRun(app));
        for (int i = 0; i < 4 * EnrollActivity.SAMPLES && !text(e, R.id.enroll_advice).startsWith("Your face could not be saved"); i++) oneFrame(e);
        assertEquals("Your face could not be saved (Keystore operation failed). Nothing was written: look at the camera to start again.",
                text(e, R.id.enroll_advice));
        assertEquals(0, kept(e));
        assertNull(onIo(() -> services.gallery().owner()));
        show(ada);
        ownerIsIn(follow(e, ContentActivity.class));
    }
}
