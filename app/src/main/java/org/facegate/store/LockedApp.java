package org.facegate.store;

import androidx.annotation.NonNull;
import androidx.room.ColumnInfo;
import androidx.room.Entity;
import androidx.room.PrimaryKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An app the gate guards (table {@code locked_app}): opening it brings up FaceGate's gate, which lets through the owner
 * and the household members the owner allowed for this app, each by face, and the owner's PIN. Immutable. Every column
 * is authenticated by {@link #mac} ({@link RowMac}): a row that does not check grants nothing, i.e. it is read as
 * {@link #powerless()}: the app stays locked, for the owner alone, and locks again as soon as it is left.
 */
@Entity(tableName = "locked_app")
public final class LockedApp {
    /** Grace periods the owner may choose: how long a left app stays open (immediately, 1, 5, 15 minutes). */
    public static final List<Long> GRACE_MS = Collections.unmodifiableList(Arrays.asList(0L, 60_000L, 300_000L, 900_000L));

    @PrimaryKey
    @NonNull
    @ColumnInfo(name = "package_name")
    public final String packageName;

    /** The app's name as the launcher showed it when it was locked (what the gate says it guards). */
    @NonNull
    public final String label;

    /** How long after the app left the screen it opens again without the gate; 0: at once. */
    @ColumnInfo(name = "grace_ms")
    public final long graceMs;

    /**
     * The ids of the household members allowed to open the app besides the owner: ascending, comma-separated, empty
     * for the owner alone ({@link #allowedIds()}). Person ids are never reused (AUTOINCREMENT), so the id of someone
     * removed grants nothing.
     */
    @NonNull
    public final String allowed;

    /** Authenticates the other columns ({@link RowMac}); empty until {@link LockedApps} writes it. */
    @NonNull
    @ColumnInfo(defaultValue = "x''")
    public final byte[] mac;

    public LockedApp(@NonNull String packageName, @NonNull String label, long graceMs, @NonNull String allowed, @NonNull byte[] mac) {
        this.packageName = packageName;
        this.label = label;
        this.graceMs = graceMs;
        this.allowed = allowed;
        this.mac = mac;
    }

    /** A newly locked app: for the owner alone, locked again as soon as it is left; not authenticated yet. */
    public static LockedApp create(String packageName, String label) {
        return new LockedApp(packageName, label, 0, "", new byte[0]);
    }

    /** The members allowed besides the owner. */
    public Set<Long> allowedIds() {
        Set<Long> ids = new TreeSet<>();
        for (String s : allowed.split(",")) if (!s.isEmpty()) ids.add(Long.parseLong(s));
        return ids;
    }

    /** Whether {@code p} may open the app: the owner always, a member if allowed. */
    public boolean allows(Person p) {
        return p.role == Role.OWNER || allowedIds().contains(p.id);
    }

    /** A copy with {@code personId} allowed or not (its MAC no longer checks until {@link #withMac}). */
    public LockedApp withAllowed(long personId, boolean allow) {
        Set<Long> ids = allowedIds();
        if (allow) ids.add(personId);
        else ids.remove(personId);
        StringBuilder sb = new StringBuilder();
        for (long id : ids) sb.append(sb.length() == 0 ? "" : ",").append(id);
        return new LockedApp(packageName, label, graceMs, sb.toString(), mac);
    }

    /** A copy with another grace period (its MAC no longer checks until {@link #withMac}). */
    public LockedApp withGrace(long newGraceMs) {
        if (!GRACE_MS.contains(newGraceMs)) throw new IllegalArgumentException("not a grace period on offer: " + newGraceMs + " ms");
        return new LockedApp(packageName, label, newGraceMs, allowed, mac);
    }

    /** A copy with another MAC. */
    public LockedApp withMac(byte[] newMac) {
        return new LockedApp(packageName, label, graceMs, allowed, newMac);
    }

    /** What a row whose MAC does not check is worth: locked, for the owner alone, locked again at once. */
    public LockedApp powerless() {
        return new LockedApp(packageName, label, 0, "", mac);
    }

    /** The authenticated columns, each unambiguously delimited (the label, the only free text, goes last). */
    byte[] columns() {
        return ("facegate-locked-app|1|" + packageName + "|" + graceMs + "|" + allowed + "|" + label).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "LockedApp{" + packageName + ", label=" + label + ", graceMs=" + graceMs + ", allowed=" + allowed + "}";
    }
}
