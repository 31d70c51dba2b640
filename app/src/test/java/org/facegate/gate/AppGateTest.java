package org.facegate.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.content.Intent;
import android.view.WindowManager;
import org.facegate.R;
import org.facegate.liveness.LivenessMode;
import org.facegate.store.Role;
import org.facegate.store.UnlockEvent;
import org.facegate.testing.AppTest;
import org.facegate.testing.Await;
import org.facegate.testing.Photos;
import org.junit.Before;
import org.junit.Test;

/**
 * The gate over a locked app with the real pipeline: Colin Powell (LFW) is the owner; "Bank" is locked. His face
 * returns to the bank; Tony Blair, a member not allowed for it, or a stranger, goes to the home screen and counts as a
 * failed attempt; the PIN always passes; Back and Home leave the bank locked.
 */
public class AppGateTest extends AppTest {
    static final String BANK = "com.example.bank", CHAT = "com.example.chat";

    /** Still photos, which liveness rightly refuses: it is off, as in GateActivityTest. */
    @Before
    public void ownerColinAndALockedBank() throws Exception {
        services.settings.setLivenessMode(LivenessMode.OFF);
        createPin("Colin Powell");
        enroll("Colin Powell", Role.OWNER, true, Photos.lfw("Colin_Powell", 40), Photos.lfw("Colin_Powell", 133));
        onIo(() -> {
            services.lockedApps().lock(BANK, "Bank");
            services.lockedApps().lock(CHAT, "Chat");
            services.refreshAppLock();
            return null;
        });
        assertTrue(services.appLock.foreground(BANK).gate());
    }

    private long tony(boolean mayUnlockFaceGate) {
        return enroll("Tony Blair", Role.MEMBER, mayUnlockFaceGate, Photos.lfw("Tony_Blair", 18), Photos.lfw("Tony_Blair", 32));
    }

    private AppGateActivity gate() {
        AppGateActivity gate = start(AppGateActivity.class, AppGateActivity.guarding(app, BANK));
        Await.until(() -> "camera to start: " + statusOf(gate), () -> !cameras.isEmpty() && camera().started);
        return gate;
    }

    /** The home screen the gate went to. */
    private void wentHome(AppGateActivity gate) {
        Await.until(() -> "the gate to go home: " + statusOf(gate), gate::isFinishing);
        Intent next = shadowOf(gate).getNextStartedActivity();
        assertEquals(Intent.ACTION_MAIN, next.getAction());
        assertTrue(next.hasCategory(Intent.CATEGORY_HOME));
        assertFalse("the bank stays locked", services.appLock.isOpen(BANK));
    }

    @Test
    public void theOwnersFaceReturnsToTheAppAndOpensNothingElse() {
        AppGateActivity gate = gate();
        assertEquals("FaceGate guards Bank", text(gate, R.id.gate_title));
        assertTrue("FLAG_SECURE", (gate.getWindow().getAttributes().flags & WindowManager.LayoutParams.FLAG_SECURE) != 0);
        show(Photos.bitmap(Photos.lfw("Colin_Powell", 170)));
        Await.until(() -> "the gate to open: " + statusOf(gate), gate::isFinishing);
        assertNull("back to the bank: nothing else started", shadowOf(gate).getNextStartedActivity());
        assertTrue(services.appLock.isOpen(BANK));
        assertFalse("unlocking the bank does not unlock the chat", services.appLock.isOpen(CHAT));
        assertTrue(services.appLock.foreground(CHAT).gate());
        assertFalse("nor FaceGate's own screens", services.session.isUnlocked());
        UnlockEvent e = onIo(() -> services.db().events().recent(1).get(0));
        assertEquals(UnlockEvent.Outcome.FACE_MATCH, e.outcome);
    }

    @Test
    public void aMemberNotAllowedForTheAppGoesHomeAndTheAttemptCounts() {
        long tony = tony(true);     // Tony may unlock FaceGate, but not open the bank
        AppGateActivity gate = gate();
        show(Photos.bitmap(Photos.lfw("Tony_Blair", 48)));
        wentHome(gate);
        assertEquals(1, services.rules().faceFailures());
        UnlockEvent e = onIo(() -> services.db().events().recent(1).get(0));
        assertEquals(UnlockEvent.Outcome.FACE_REJECTED, e.outcome);
        assertEquals(Long.valueOf(tony), e.personId);
    }

    @Test
    public void aStrangerGoesHomeAndTheAttemptCounts() {
        AppGateActivity gate = gate();
        show(Photos.bitmap(Photos.lfw("Tony_Blair", 48)));
        wentHome(gate);
        assertEquals(1, services.rules().faceFailures());
    }

    @Test
    public void aMemberTheOwnerAllowedForTheAppOpensIt() {
        long tony = tony(false);    // Tony may not unlock FaceGate: the bank's own list is what counts here
        onIo(() -> {
            services.lockedApps().setAllowed(BANK, tony, true);
            return null;
        });
        AppGateActivity gate = gate();
        show(Photos.bitmap(Photos.lfw("Tony_Blair", 48)));
        Await.until(() -> "the gate to open: " + statusOf(gate), gate::isFinishing);
        assertNull(shadowOf(gate).getNextStartedActivity());
        assertTrue(services.appLock.isOpen(BANK));
        assertEquals(0, services.rules().faceFailures());
    }

    @Test
    public void theOwnersPinAlwaysOpensIt() {
        AppGateActivity gate = gate();
        GateActivityTest.enterPin(gate, PIN);
        Await.until(() -> "the PIN to open: " + statusOf(gate), gate::isFinishing);
        assertNull(shadowOf(gate).getNextStartedActivity());
        assertTrue(services.appLock.isOpen(BANK));
    }

    @Test
    public void backGoesHomeAndTheAppStaysLocked() {
        AppGateActivity gate = gate();
        gate.onBackPressed();
        wentHome(gate);
        assertTrue(services.appLock.foreground(BANK).gate());
    }

    @Test
    public void homeOrRecentsFromTheGateLeaveTheAppLocked() {
        AppGateActivity gate = gate();
        controller(gate).userLeaving();
        assertTrue(gate.isFinishing());
        assertFalse(services.appLock.isOpen(BANK));
        // switching back to the bank from Recents brings the gate again
        services.appLock.foreground("com.android.launcher3");
        assertTrue(services.appLock.foreground(BANK).gate());
    }
}
