package org.facegate.testing;

import android.content.Context;
import androidx.test.core.app.ApplicationProvider;
import org.facegate.engine.AssetModelSource;
import org.facegate.engine.FaceModels;
import org.facegate.testing.runtime.DesktopRuntimes;

/** The app's real models, memory-mapped from the test APK's assets, on the desktop TFLite runtime. */
public final class TestModels {
    private TestModels() {}

    public static FaceModels open() throws Exception {
        Context c = ApplicationProvider.getApplicationContext();
        return FaceModels.open(new AssetModelSource(c.getAssets()), DesktopRuntimes.create(2));
    }
}
