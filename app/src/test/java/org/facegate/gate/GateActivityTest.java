package org.facegate.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import android.view.View;
import android.widget.Button;
import android.widget.TextView;
import org.facegate.R;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.android.controller.ActivityController;

@RunWith(RobolectricTestRunner.class)
public class GateActivityTest {
    private final ActivityController<GateActivity> controller = Robolectric.buildActivity(GateActivity.class);

    @After
    public void tearDown() {
        controller.pause().stop().destroy();
    }

    @Test
    public void showsTheGateScreen() {
        GateActivity a = controller.setup().visible().get();
        TextView title = a.findViewById(R.id.gate_title);
        TextView status = a.findViewById(R.id.gate_status);
        Button usePin = a.findViewById(R.id.gate_use_pin);
        assertEquals("FaceGate", title.getText().toString());
        assertEquals("Look at the phone to unlock", status.getText().toString());
        assertEquals("Use PIN", usePin.getText().toString());
        assertEquals(View.VISIBLE, usePin.getVisibility());
        assertTrue(usePin.isEnabled());
    }

    @Test
    public void usePinIsAPlaceholderForNow() {
        GateActivity a = controller.setup().get();
        assertTrue(a.findViewById(R.id.gate_use_pin).performClick());
        assertEquals(a.getString(R.string.gate_status_pin_unavailable),
                ((TextView) a.findViewById(R.id.gate_status)).getText().toString());
    }
}
