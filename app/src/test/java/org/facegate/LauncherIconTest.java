package org.facegate;

import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.graphics.drawable.AdaptiveIconDrawable;
import android.graphics.drawable.Drawable;
import androidx.test.core.app.ApplicationProvider;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/** The launcher icon from the built resources: adaptive, with a monochrome layer for themed icons, and drawn. */
@RunWith(RobolectricTestRunner.class)
public class LauncherIconTest {
    @Test
    public void theAppHasAnAdaptiveIconWithAMonochromeLayer() {
        Context app = ApplicationProvider.getApplicationContext();
        int icon = app.getApplicationInfo().icon;
        assertNotEquals("android:icon set", 0, icon);
        Drawable d = app.getDrawable(icon);
        assertTrue(String.valueOf(d), d instanceof AdaptiveIconDrawable);
        AdaptiveIconDrawable a = (AdaptiveIconDrawable) d;
        assertNotNull(a.getBackground());
        assertNotNull(a.getForeground());
        assertNotNull("themed icon layer (Android 13+)", a.getMonochrome());
        // the foreground draws white strokes inside the safe zone, nothing at the edges
        Bitmap b = Bitmap.createBitmap(108, 108, Bitmap.Config.ARGB_8888);
        Drawable fg = a.getForeground();
        fg.setBounds(0, 0, 108, 108);
        fg.draw(new Canvas(b));
        int inside = 0;
        for (int y = 0; y < 108; y++) {
            for (int x = 0; x < 108; x++) {
                boolean painted = (b.getPixel(x, y) >>> 24) > 128;
                double r = Math.hypot(x + 0.5 - 54, y + 0.5 - 54);
                if (painted && r > 33) throw new AssertionError("painted outside the 66dp safe zone at " + x + "," + y);
                if (painted) inside++;
            }
        }
        assertTrue("strokes drawn: " + inside, inside > 300);
    }
}
