package org.facegate.diagnostics;

import android.content.ClipData;
import android.content.ClipboardManager;
import android.content.Context;
import android.os.Bundle;
import android.widget.TextView;
import android.widget.Toast;
import org.facegate.R;
import org.facegate.ui.SecureActivity;

/**
 * The diagnostics screen, owner only: the {@link DiagnosticsReport} as text, and "Copy report" to put it on the
 * clipboard for a bug report (the app has no network: the user pastes it where they choose).
 */
public final class DiagnosticsActivity extends SecureActivity {
    private TextView report;

    @Override
    protected boolean requiresOwner() {
        return true;
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.diagnostics_activity);
        report = findViewById(R.id.diagnostics_report);
        findViewById(R.id.diagnostics_copy).setOnClickListener(v -> copy());
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (isFinishing()) return;
        report.setText(services.diagnostics.apply(this).format());
    }

    private void copy() {
        ClipboardManager clipboard = (ClipboardManager) getSystemService(Context.CLIPBOARD_SERVICE);
        clipboard.setPrimaryClip(ClipData.newPlainText(getString(R.string.diagnostics_title), report.getText()));
        Toast.makeText(this, R.string.diagnostics_copied, Toast.LENGTH_SHORT).show();
    }
}
