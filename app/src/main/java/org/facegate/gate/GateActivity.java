package org.facegate.gate;

import android.app.Activity;
import android.os.Bundle;
import android.widget.Button;
import android.widget.TextView;
import org.facegate.R;

/**
 * The gate screen, the app's only exported entry point. For now a placeholder: a title, the status line and a
 * "Use PIN" fallback button; camera preview and face matching come later.
 */
public final class GateActivity extends Activity {
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.gate_activity);
        status = findViewById(R.id.gate_status);
        Button usePin = findViewById(R.id.gate_use_pin);
        usePin.setOnClickListener(v -> status.setText(R.string.gate_status_pin_unavailable));
    }
}
