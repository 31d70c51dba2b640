package org.facegate.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import android.view.View;
import org.facegate.R;
import org.facegate.enroll.EnrollActivity;
import org.facegate.liveness.LivenessMode;
import org.facegate.store.Role;
import org.facegate.testing.Await;
import org.facegate.testing.AppTest;
import org.facegate.testing.FaultyRuntime;
import org.facegate.testing.Photos;
import org.junit.Test;

/**
 * What only a phone can throw, injected where it would happen: a native library that does not load (a 16 KB-page
 * device: TFLite 2.16.1's .so files are 4 KB-aligned), a class that does not link, memory running out, at model open
 * and while a model runs. The process survives, the gate says in one line that face unlock is unavailable, and the PIN
 * opens it; enrollment explains why it cannot start.
 */
public class FaceUnavailableTest extends AppTest {
    private GateActivity gateWith(Throwable atOpen, Throwable atRun) {
        createPin("Colin Powell");
        enroll("Colin Powell", Role.OWNER, true, Photos.lfw("Colin_Powell", 40));
        services.settings.setLivenessMode(LivenessMode.OFF);
        services.runtimes = () -> new FaultyRuntime(atOpen, atRun, 0);
        show(Photos.bitmap(Photos.lfw("Colin_Powell", 170)));
        return start(GateActivity.class);
    }

    /** The gate names the cause in one line, offers the PIN, and the PIN opens it. */
    private void saysUnavailableAndOpensWithThePin(GateActivity gate, String cause) {
        Await.until(() -> "face unlock unavailable: " + statusOf(gate) + " problem=" + gate.problemText(),
                () -> said(gate, cause));
        assertEquals(View.VISIBLE, gate.findViewById(R.id.gate_pin_panel).getVisibility());
        assertNotNull("the engine knows why", services.engine().unavailable());
        GateActivityTest.enterPin(gate, PIN);
        follow(gate, ContentActivity.class);
    }

    private static boolean said(GateActivity gate, String cause) {
        String shown = text(gate, R.id.gate_status) + " | " + gate.problemText();
        return shown.contains("Face unlock is unavailable on this phone") && shown.contains(cause);
    }

    @Test
    public void aNativeLibraryThatDoesNotLoadAtOpen() {
        GateActivity gate = gateWith(new UnsatisfiedLinkError("dlopen failed: empty/missing DT_HASH/DT_GNU_HASH in libtensorflowlite_jni.so"), null);
        saysUnavailableAndOpensWithThePin(gate, "libtensorflowlite_jni.so");
    }

    @Test
    public void memoryRunningOutAtOpen() {
        saysUnavailableAndOpensWithThePin(gateWith(new OutOfMemoryError("Failed to allocate 4194304 bytes"), null), "Failed to allocate");
    }

    @Test
    public void aClassThatDoesNotLinkWhileAModelRuns() {
        GateActivity gate = gateWith(null, new IncompatibleClassChangeError("Found interface org.tensorflow.lite.Tensor, but class was expected"));
        saysUnavailableAndOpensWithThePin(gate, "IncompatibleClassChangeError");
        assertTrue("the camera stops: no frame could be analysed", !camera().started);
    }

    @Test
    public void memoryRunningOutWhileAModelRuns() {
        saysUnavailableAndOpensWithThePin(gateWith(null, new OutOfMemoryError("Failed to allocate a 2457612 byte allocation")), "OutOfMemoryError");
    }

    @Test
    public void enrollmentExplainsWhyItCannotStart() {
        createPin("Ada");
        services.session.unlock(1, "Ada", Role.OWNER);
        services.stepUp.confirmed(org.facegate.security.StepUp.Action.ENROLL);     // the PIN given for it
        services.runtimes = () -> new FaultyRuntime(new UnsatisfiedLinkError("libtensorflowlite_gpu_jni.so not found"), null, 0);
        show(Photos.bitmap(Photos.lfw("Colin_Powell", 170)));
        EnrollActivity enroll = start(EnrollActivity.class, EnrollActivity.newMember(app, "Bea", true));
        Await.until(() -> "enrollment explains: " + enroll.problemText(), () -> enroll.problemText() != null
                && enroll.problemText().toString().startsWith("Faces cannot be enrolled: face recognition does not run on this phone")
                && enroll.problemText().toString().contains("libtensorflowlite_gpu_jni.so"));
    }
}
