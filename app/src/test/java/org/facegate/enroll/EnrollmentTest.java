package org.facegate.enroll;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import android.graphics.Bitmap;
import android.widget.ProgressBar;
import org.facegate.R;
import org.facegate.security.StepUp;
import org.facegate.store.Role;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.facegate.testing.GroupPhoto;
import org.facegate.testing.Photos;
import org.junit.Test;

/**
 * One camera enrollment, two people: the first captures show one woman, then another steps in front of the camera.
 * The frames of one enrollment must show one person: the enrollment is refused with the reason, nothing is saved,
 * and capturing starts over, so the person who stays is enrolled from her own frames only.
 */
public class EnrollmentTest extends AppTest {
    @Test
    public void twoPeopleDuringOneEnrollmentAreRefusedAndNothingIsSaved() throws Exception {
        createPin("Ada");
        long ada = enroll("Ada", Role.OWNER, true, java.util.List.of(new Sample(new org.facegate.embed.Embedding(new float[] {1, 0, 0}), 0.5f)), "test@1");
        services.session.unlock(ada, "Ada", Role.OWNER);
        // the woman in the middle of sample1.jpg, then the woman on the right of sample2.jpg (both facing the camera)
        Bitmap first = new GroupPhoto().person(1, 2.5f, 480);
        Bitmap group2 = Photos.bitmap(Photos.sample(2));
        Bitmap second = Bitmap.createBitmap(group2, 1300, 0, 520, 700);
        show(first);
        services.stepUp.confirmed(StepUp.Action.ENROLL);       // the PIN entered for it
        EnrollActivity enroll = start(EnrollActivity.class, EnrollActivity.newMember(app, "Bea", true));
        ProgressBar progress = enroll.findViewById(R.id.enroll_progress);
        Await.until(() -> "two captures of the first woman: " + statusOf(enroll), () -> progress.getProgress() >= 2);
        show(second);
        Await.until(() -> "refused: " + statusOf(enroll), () -> text(enroll, R.id.enroll_advice).equals(
                "Two different people were in front of the camera: only the person enrolling should be in view. Starting again."));
        assertEquals(0, progress.getProgress());
        assertTrue("still enrolling", !enroll.isFinishing());
        assertNull("nothing saved", onIo(() -> services.db().persons().byName("Bea")));
        // the second woman stays: after the pause, her own five frames are enrolled
        Await.until(() -> "enrolled: " + statusOf(enroll), enroll::isFinishing);
        long bea = onIo(() -> services.db().persons().byName("Bea")).id;
        assertEquals(EnrollActivity.SAMPLES, (int) onIo(() -> services.db().templates().byPerson(bea).size()));
    }
}
