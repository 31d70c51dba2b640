package org.facegate.applock;

import android.content.Context;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.content.pm.ResolveInfo;
import android.view.inputmethod.InputMethodInfo;
import android.view.inputmethod.InputMethodManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the package manager says about other apps, within what the manifest's {@code <queries>} lets FaceGate see
 * (launcher and home activities, input methods; no {@code QUERY_ALL_PACKAGES}).
 */
public final class Packages {
    private Packages() {}

    /** A launchable app. */
    public record App(String packageName, String label, ResolveInfo info) {}

    /** Apps with a launcher icon, by label, one entry per package, FaceGate left out (its own gate guards it). */
    public static List<App> launchable(Context c) {
        PackageManager pm = c.getPackageManager();
        Map<String, App> byPackage = new LinkedHashMap<>();
        for (ResolveInfo r : pm.queryIntentActivities(new Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_LAUNCHER), 0)) {
            String pkg = r.activityInfo.packageName;
            if (pkg.equals(c.getPackageName()) || byPackage.containsKey(pkg)) continue;
            byPackage.put(pkg, new App(pkg, String.valueOf(r.loadLabel(pm)), r));
        }
        List<App> apps = new ArrayList<>(byPackage.values());
        apps.sort((a, b) -> a.label().toLowerCase(Locale.ROOT).compareTo(b.label().toLowerCase(Locale.ROOT)));
        return apps;
    }

    /** The packages of the home screens (launchers). */
    public static Set<String> homes(Context c) {
        Set<String> out = new HashSet<>();
        for (ResolveInfo r : c.getPackageManager().queryIntentActivities(new Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_HOME), 0)) {
            out.add(r.activityInfo.packageName);
        }
        return out;
    }

    /** The packages of the installed input methods (keyboards). */
    public static Set<String> keyboards(Context c) {
        Set<String> out = new HashSet<>();
        InputMethodManager imm = c.getSystemService(InputMethodManager.class);
        if (imm != null) for (InputMethodInfo i : imm.getInputMethodList()) out.add(i.getPackageName());
        return out;
    }
}
