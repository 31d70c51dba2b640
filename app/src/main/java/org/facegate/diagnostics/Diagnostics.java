package org.facegate.diagnostics;

import android.app.Activity;
import android.os.Build;
import android.system.Os;
import android.system.OsConstants;
import android.view.Surface;
import java.util.Arrays;
import org.facegate.Services;
import org.facegate.engine.FaceEngine;
import org.facegate.engine.FaceUnavailable;

/** Gathers the {@link DiagnosticsReport} from the phone and the app's services. */
public final class Diagnostics {
    private Diagnostics() {}

    public static DiagnosticsReport gather(Services services, Activity screen) {
        String version;
        try {
            android.content.pm.PackageInfo p = screen.getPackageManager().getPackageInfo(screen.getPackageName(), 0);
            @SuppressWarnings("deprecation")
            int code = p.versionCode;       // getLongVersionCode is API 28
            version = p.versionName + " (" + code + ")";
        } catch (android.content.pm.PackageManager.NameNotFoundException e) {
            version = "(version unknown: " + e.getMessage() + ")";
        }
        DiagnosticsReport.Device device = new DiagnosticsReport.Device(Build.MANUFACTURER + " " + Build.MODEL,
                Build.VERSION.RELEASE + " (API " + Build.VERSION.SDK_INT + ")", Arrays.asList(Build.SUPPORTED_ABIS),
                Os.sysconf(OsConstants._SC_PAGESIZE));
        FaceEngine engine = services.engine();
        FaceUnavailable unavailable = engine.unavailable();
        return new DiagnosticsReport("FaceGate " + version, device, engine.modelReport(), engine.openMillis(),
                unavailable == null ? null : unavailable.getMessage(), services.camera, displayDegrees(screen), services.timings.summary());
    }

    @SuppressWarnings("deprecation")
    private static int displayDegrees(Activity screen) {
        switch (screen.getWindowManager().getDefaultDisplay().getRotation()) {
            case Surface.ROTATION_90: return 90;
            case Surface.ROTATION_180: return 180;
            case Surface.ROTATION_270: return 270;
            default: return 0;
        }
    }
}
