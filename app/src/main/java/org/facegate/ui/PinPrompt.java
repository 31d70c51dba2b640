package org.facegate.ui;

import android.app.AlertDialog;
import android.text.InputType;
import android.view.View;
import android.widget.EditText;
import android.widget.LinearLayout;
import android.widget.TextView;
import org.facegate.R;
import org.facegate.Services;
import org.facegate.security.PinCheck;
import org.facegate.security.StepUp;

/**
 * The PIN asked again before an owner action ({@link StepUp}): a dialog naming the action, checked with the gate's
 * throttle ({@link PinCheck}); a right PIN is recorded for that action and the action runs, a wrong one is said and
 * the dialog stays (OK on an empty field does nothing), Cancel does nothing but {@code cancelled}; if the screen is
 * destroyed while the PIN is checked, the action does not run (a right PIN is still recorded). Its field ignores
 * touches while another window covers it, and the dialog is protected like every window ({@link SecureWindows}).
 */
public final class PinPrompt {
    private PinPrompt() {}

    /**
     * Asks for the PIN for {@code action}.
     *
     * @param why       what the PIN is for, as the dialog says it ("Enter your PIN to remove Tony")
     * @param then      runs on the main thread once the PIN was right
     * @param cancelled runs on the main thread when the user gives up
     */
    public static void ask(SecureActivity screen, StepUp.Action action, String why, Runnable then, Runnable cancelled) {
        Services services = screen.services;
        EditText field = new EditText(screen);
        field.setId(R.id.pin_prompt_field);
        field.setInputType(InputType.TYPE_CLASS_NUMBER | InputType.TYPE_NUMBER_VARIATION_PASSWORD);
        field.setHint(R.string.gate_pin_hint);
        field.setFilterTouchesWhenObscured(true);
        TextView error = new TextView(screen);
        error.setId(R.id.pin_prompt_error);
        error.setTextColor(0xFFD32F2F);
        LinearLayout box = new LinearLayout(screen);
        box.setOrientation(LinearLayout.VERTICAL);
        int pad = screen.getResources().getDimensionPixelSize(R.dimen.screen_padding);
        box.setPadding(pad, pad / 2, pad, 0);
        box.addView(field);
        box.addView(error);
        AlertDialog d = SecureWindows.show(new AlertDialog.Builder(screen).setTitle(R.string.pin_prompt_title).setMessage(why)
                .setView(box)
                .setPositiveButton(R.string.household_ok, null)
                .setNegativeButton(R.string.household_cancel, (x, w) -> cancelled.run())
                .setOnCancelListener(x -> cancelled.run()));
        View ok = d.getButton(AlertDialog.BUTTON_POSITIVE);
        ok.setFilterTouchesWhenObscured(true);
        // not the builder's listener, which would close the dialog on a wrong PIN too
        ok.setOnClickListener(v -> {
            String entered = field.getText().toString();
            if (entered.isEmpty()) return;      // OK pressed on nothing: not a wrong PIN, nothing counted
            field.setText("");
            ok.setEnabled(false);
            services.io.execute(() -> {
                PinCheck.Result r = services.pinCheck().check(entered);
                services.main.post(() -> {
                    boolean right = r.outcome() == PinCheck.Outcome.OK;
                    if (right) {
                        services.rules().pinUsed();
                        services.stepUp.confirmed(action);
                    }
                    // the screen went while the PIN was checked (rotated, closed): its window and the dialog's went
                    // with it, and dismissing a dialog whose window is gone throws. The action belonged to that
                    // screen and does not run; a right PIN still counts for it, so doing it again asks no PIN
                    if (screen.isDestroyed()) return;
                    ok.setEnabled(true);
                    if (right) {
                        d.dismiss();
                        then.run();
                    } else {
                        error.setText(PinMessages.of(screen, r));
                    }
                });
            });
        });
    }
}
