// Checks a built APK against FaceGate's release rules and fails (exit 1) on a violation.
//
//   java -cp facegate-build-tools.jar org.facegate.build.ApkCheck <app.apk> <abi,abi,...> <max bytes>
//
// Manifest (binary XML, parsed with apksig's parser):
//   - no android.permission.INTERNET (the app is offline by design)
//   - <application android:allowBackup="false"> literal; android:extractNativeLibs literal, matching how the
//     libraries are stored (true: deflated, extracted on install; false: STORED, 16 KiB aligned, loaded from the APK)
//   - the GPU delegate's vendor OpenCL libraries declared as <uses-native-library android:required="false">
//   - exactly one launcher activity, and it is the only exported component (an activity, alias, service or receiver
//     with an intent-filter and no android:exported counts as exported), except services only the system can bind
//     (android:permission="android.permission.BIND_ACCESSIBILITY_SERVICE": the app lock's accessibility service)
// Zip:
//   - lib/ holds exactly the given ABIs, each with the same libraries, stored as extractNativeLibs says
//   - every assets/*.tflite STORED and 4-byte aligned (the app memory-maps the models out of the APK)
//   - every entry carries the fixed 1981-01-01 01:01:02 timestamp (reproducible builds)
//   - (reported, not enforced) native libraries whose ELF segments are aligned below 16 KiB: a 16 KB-page device
//     cannot load them
//   - the APK is at most <max bytes> long
// Prints a summary incl. the APK size (and what it is made of: native libraries, models, dex, the rest) and the sha256
// of the APK and of each classes*.dex.
package org.facegate.build;

import com.android.apksig.internal.apk.AndroidBinXmlParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

public class ApkCheck {
    static final int ATTR_NAME = 0x01010003, ATTR_EXPORTED = 0x01010010, ATTR_ALLOW_BACKUP = 0x01010280,
            ATTR_EXTRACT_NATIVE_LIBS = 0x010104ea, ATTR_MIN_SDK = 0x0101020c, ATTR_TARGET_SDK = 0x01010270,
            ATTR_VERSION_CODE = 0x0101021b, ATTR_VERSION_NAME = 0x0101021c, ATTR_REQUIRED = 0x0101028e,
            ATTR_PERMISSION = 0x01010006;
    /** Permissions that only the system holds: a service exported under one of them can be bound by the system alone. */
    static final Set<String> SYSTEM_BIND_PERMISSIONS = Set.of("android.permission.BIND_ACCESSIBILITY_SERVICE");
    /**
     * The vendor OpenCL libraries the GPU delegate may load, as tensorflow-lite-gpu-api's AAR manifest declares them
     * (this build has no manifest merger): from Android 12 an app sees a vendor library only if it names it, and a
     * required one would keep the app off phones without it.
     */
    static final Set<String> GPU_NATIVE_LIBRARIES = Set.of("libOpenCL.so", "libOpenCL-car.so", "libOpenCL-pixel.so");
    static final Set<String> FORBIDDEN_PERMISSIONS = Set.of("android.permission.INTERNET");
    static final Set<String> COMPONENTS = Set.of("activity", "activity-alias", "service", "receiver", "provider");
    static final int DOS_TIME = (1 << 11) | (1 << 5) | 1, DOS_DATE = (1 << 9) | (1 << 5) | 1;   // 1981-01-01 01:01:02
    static final int PAGE = 16384;

    static final List<String> problems = new ArrayList<>();

    record Component(String kind, String name, Boolean exported, boolean intentFilter, boolean launcher, String permission) {
        boolean isExported() {
            return exported != null ? exported : intentFilter && !kind.equals("provider");
        }

        boolean systemOnly() {
            return kind.equals("service") && SYSTEM_BIND_PERMISSIONS.contains(permission);
        }
    }

    record Entry(String name, int method, int time, int date, long dataOffset) {}

    public static void main(String[] a) throws Exception {
        Path apk = Path.of(a[0]);
        Set<String> abis = new TreeSet<>(Arrays.asList(a[1].split(",")));
        long maxBytes = Long.parseLong(a[2]);
        boolean extract = checkManifest(apk);
        checkZip(apk, abis, extract);
        long size = Files.size(apk);
        System.out.printf("ApkCheck: %s size=%d bytes (%.2f MiB) sha256=%s%n", apk.getFileName(), size,
                size / 1048576.0, sha256(Files.readAllBytes(apk)));
        System.out.println("ApkCheck: size by kind (bytes in the APK) " + sizeByKind(apk));
        if (size > maxBytes) problems.add("the APK is " + size + " bytes, more than the " + maxBytes + " allowed");
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("ApkCheck FAILED: " + p));
            System.exit(1);
        }
        System.out.println("ApkCheck: OK");
    }

    /** Checks the manifest; returns its extractNativeLibs. */
    static boolean checkManifest(Path apk) throws Exception {
        byte[] xml;
        try (ZipFile z = new ZipFile(apk.toFile())) {
            ZipEntry e = z.getEntry("AndroidManifest.xml");
            if (e == null) throw new IllegalStateException("no AndroidManifest.xml in " + apk);
            try (InputStream in = z.getInputStream(e)) { xml = in.readAllBytes(); }
        }
        AndroidBinXmlParser p = new AndroidBinXmlParser(ByteBuffer.wrap(xml));
        Deque<String> path = new ArrayDeque<>();
        List<String> permissions = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        java.util.Map<String, Boolean> nativeLibraries = new java.util.TreeMap<>();
        String pkg = null, versionCode = null, versionName = null, minSdk = null, targetSdk = null;
        Boolean allowBackup = null, extractNativeLibs = null;
        String cKind = null, cName = null, cPermission = null; Boolean cExported = null; boolean cFilter = false, cMain = false, cLauncher = false;
        boolean launcher = false;
        for (int ev = p.next(); ev != AndroidBinXmlParser.EVENT_END_DOCUMENT; ev = p.next()) {
            if (ev == AndroidBinXmlParser.EVENT_START_ELEMENT) {
                String el = p.getName();
                String parent = path.isEmpty() ? "" : path.peek();
                path.push(el);
                int depth = path.size();
                if (depth == 1 && el.equals("manifest")) {
                    pkg = stringAttr(p, 0, "package");
                    versionCode = stringAttr(p, ATTR_VERSION_CODE, null);
                    versionName = stringAttr(p, ATTR_VERSION_NAME, null);
                } else if (depth == 2 && el.equals("uses-sdk")) {
                    minSdk = stringAttr(p, ATTR_MIN_SDK, null);
                    targetSdk = stringAttr(p, ATTR_TARGET_SDK, null);
                } else if (depth == 2 && (el.equals("uses-permission") || el.equals("uses-permission-sdk-23"))) {
                    permissions.add(stringAttr(p, ATTR_NAME, null));
                } else if (depth == 2 && el.equals("application")) {
                    allowBackup = boolAttr(p, ATTR_ALLOW_BACKUP);
                    extractNativeLibs = boolAttr(p, ATTR_EXTRACT_NATIVE_LIBS);
                } else if (depth == 3 && parent.equals("application") && el.equals("uses-native-library")) {
                    nativeLibraries.put(stringAttr(p, ATTR_NAME, null), boolAttr(p, ATTR_REQUIRED));
                } else if (depth == 3 && parent.equals("application") && COMPONENTS.contains(el)) {
                    cKind = el; cName = stringAttr(p, ATTR_NAME, null); cPermission = stringAttr(p, ATTR_PERMISSION, null);
                    int i = attrIndex(p, ATTR_EXPORTED);
                    // a non-literal exported (e.g. a resource reference) counts as exported
                    cExported = i < 0 ? null : p.getAttributeValueType(i) == AndroidBinXmlParser.VALUE_TYPE_BOOLEAN
                            ? p.getAttributeBooleanValue(i) : Boolean.TRUE;
                    cFilter = false; launcher = false;
                } else if (depth == 4 && cKind != null && el.equals("intent-filter")) {
                    cFilter = true; cMain = false; cLauncher = false;
                } else if (depth == 5 && parent.equals("intent-filter")) {
                    String n = stringAttr(p, ATTR_NAME, null);
                    if (el.equals("action") && "android.intent.action.MAIN".equals(n)) cMain = true;
                    if (el.equals("category") && "android.intent.category.LAUNCHER".equals(n)) cLauncher = true;
                }
            } else if (ev == AndroidBinXmlParser.EVENT_END_ELEMENT) {
                String el = path.pop();
                int depth = path.size() + 1;
                if (depth == 4 && el.equals("intent-filter") && cMain && cLauncher) launcher = true;
                if (depth == 3 && cKind != null && el.equals(cKind)) {
                    components.add(new Component(cKind, cName, cExported, cFilter,
                            launcher && (cKind.equals("activity") || cKind.equals("activity-alias")), cPermission));
                    cKind = null;
                }
            }
        }

        System.out.println("ApkCheck: package=" + pkg + " versionCode=" + versionCode + " versionName=" + versionName
                + " minSdk=" + minSdk + " targetSdk=" + targetSdk);
        System.out.println("ApkCheck: permissions=" + permissions);
        for (String perm : permissions) {
            if (FORBIDDEN_PERMISSIONS.contains(perm)) problems.add("forbidden permission " + perm);
        }
        System.out.println("ApkCheck: allowBackup=" + allowBackup + " extractNativeLibs=" + extractNativeLibs);
        if (!Boolean.FALSE.equals(allowBackup)) problems.add("android:allowBackup must be literally false, is " + allowBackup);
        if (extractNativeLibs == null) problems.add("android:extractNativeLibs must be a literal true or false");
        System.out.println("ApkCheck: uses-native-library " + nativeLibraries);
        for (String lib : GPU_NATIVE_LIBRARIES) {
            if (!nativeLibraries.containsKey(lib)) problems.add("<uses-native-library android:name=\"" + lib + "\"> missing: the GPU delegate could not load it on Android 12+");
            else if (!Boolean.FALSE.equals(nativeLibraries.get(lib))) problems.add("<uses-native-library " + lib + "> must be android:required=\"false\"");
        }
        List<Component> launchers = components.stream().filter(Component::launcher).toList();
        for (Component c : components) {
            System.out.println("ApkCheck: " + c.kind() + " " + c.name() + " exported=" + c.isExported()
                    + (c.launcher() ? " (launcher)" : "") + (c.permission() != null ? " permission=" + c.permission() : ""));
        }
        if (launchers.size() != 1) problems.add("expected exactly one launcher activity, found " + launchers.size());
        for (Component c : components) {
            if (c.isExported() && !c.launcher() && !c.systemOnly()) {
                problems.add(c.kind() + " " + c.name() + " is exported; only the launcher may be (and services only the system can bind)");
            }
        }
        return Boolean.TRUE.equals(extractNativeLibs);
    }

    static void checkZip(Path apk, Set<String> abis, boolean extractNativeLibs) throws Exception {
        List<Entry> entries = centralDirectory(apk);
        Map<String, Set<String>> libsByAbi = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        int badTime = 0, models = 0;
        List<String> pageBound = new ArrayList<>();
        try (ZipFile z = new ZipFile(apk.toFile())) {
            for (Entry e : entries) {
                if (!names.add(e.name())) problems.add("duplicate entry " + e.name());
                if (e.time() != DOS_TIME || e.date() != DOS_DATE) badTime++;
                if (e.name().matches("classes\\d*\\.dex")) {
                    try (InputStream in = z.getInputStream(z.getEntry(e.name()))) {
                        System.out.println("ApkCheck: " + e.name() + " sha256=" + sha256(in.readAllBytes()));
                    }
                }
                if (e.name().startsWith("assets/") && e.name().endsWith(".tflite")) {
                    models++;
                    if (e.method() != ZipEntry.STORED) problems.add(e.name() + " is compressed; must be STORED to be memory-mapped");
                    if (e.dataOffset() % 4 != 0) problems.add(e.name() + " data at offset " + e.dataOffset() + " is not 4-byte aligned");
                }
                if (!e.name().startsWith("lib/")) continue;
                String[] parts = e.name().split("/");
                if (parts.length != 3 || !abis.contains(parts[1])) {
                    problems.add("unexpected native entry " + e.name() + " (ABIs: " + abis + ")");
                    continue;
                }
                libsByAbi.computeIfAbsent(parts[1], k -> new TreeSet<>()).add(parts[2]);
                try (InputStream in = z.getInputStream(z.getEntry(e.name()))) {
                    long align = Elf.parse(in.readAllBytes(), e.name()).loadAlign();
                    if (align < PAGE) pageBound.add(e.name() + " (LOAD p_align " + align + ")");
                }
                if (extractNativeLibs) {
                    // a STORED library would be extracted all the same: the APK would only be bigger
                    if (e.method() == ZipEntry.STORED) problems.add(e.name() + " is STORED; extractNativeLibs=true wants it deflated");
                } else {
                    if (e.method() != ZipEntry.STORED) problems.add(e.name() + " is compressed; extractNativeLibs=false needs it STORED");
                    if (e.dataOffset() % PAGE != 0) problems.add(e.name() + " data at offset " + e.dataOffset() + " is not 16 KiB aligned");
                }
            }
        }
        if (badTime > 0) problems.add(badTime + " entries lack the fixed 1981-01-01 01:01:02 timestamp");
        if (!libsByAbi.keySet().equals(abis)) problems.add("native libraries for " + libsByAbi.keySet() + ", expected " + abis);
        if (new TreeSet<>(libsByAbi.values().stream().map(Object::toString).toList()).size() > 1) {
            problems.add("ABIs carry different libraries: " + libsByAbi);
        }
        if (models == 0) problems.add("no assets/*.tflite: the face models are missing");
        // not a failure: the app ships TFLite 2.16.1, built for 4 KB pages, and falls back to the PIN where it cannot load
        if (!pageBound.isEmpty()) System.out.println("ApkCheck: not loadable on 16 KB-page devices: " + pageBound);
        System.out.println("ApkCheck: " + entries.size() + " entries; native libraries ("
                + (extractNativeLibs ? "deflated, extracted on install" : "STORED, 16 KiB aligned") + ") " + libsByAbi
                + "; " + models + " models (STORED, 4-byte aligned)");
    }

    /** Compressed size of the entries, grouped into native libraries, models, dex and the rest. */
    static Map<String, Long> sizeByKind(Path apk) throws IOException {
        Map<String, Long> kinds = new TreeMap<>();
        try (ZipFile z = new ZipFile(apk.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                String n = e.getName();
                String kind = n.startsWith("lib/") ? "native" : n.startsWith("assets/") ? "models" : n.endsWith(".dex") ? "dex" : "other";
                kinds.merge(kind, e.getCompressedSize(), Long::sum);
            }
        }
        return kinds;
    }

    /** Reads the zip central directory: names, methods, DOS times and where each entry's data starts. */
    static List<Entry> centralDirectory(Path apk) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(apk)).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = b.capacity() - 22; i >= Math.max(0, b.capacity() - 22 - 65535); i--) {
            if (b.getInt(i) == 0x06054b50) { eocd = i; break; }
        }
        if (eocd < 0) throw new IOException("no end of central directory in " + apk);
        int count = Short.toUnsignedInt(b.getShort(eocd + 10));
        int pos = b.getInt(eocd + 16);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (b.getInt(pos) != 0x02014b50) throw new IOException("bad central directory entry at " + pos);
            int method = Short.toUnsignedInt(b.getShort(pos + 10));
            int time = Short.toUnsignedInt(b.getShort(pos + 12)), date = Short.toUnsignedInt(b.getShort(pos + 14));
            int nameLen = Short.toUnsignedInt(b.getShort(pos + 28));
            int extraLen = Short.toUnsignedInt(b.getShort(pos + 30)), commentLen = Short.toUnsignedInt(b.getShort(pos + 32));
            long local = Integer.toUnsignedLong(b.getInt(pos + 42));
            byte[] name = new byte[nameLen];
            b.get(pos + 46, name);
            int lNameLen = Short.toUnsignedInt(b.getShort((int) local + 26));
            int lExtraLen = Short.toUnsignedInt(b.getShort((int) local + 28));
            out.add(new Entry(new String(name, java.nio.charset.StandardCharsets.UTF_8), method, time, date,
                    local + 30 + lNameLen + lExtraLen));
            pos += 46 + nameLen + extraLen + commentLen;
        }
        return out;
    }

    static int attrIndex(AndroidBinXmlParser p, int resId) throws Exception {
        for (int i = 0; i < p.getAttributeCount(); i++) {
            if (p.getAttributeNameResourceId(i) == resId) return i;
        }
        return -1;
    }

    /** Attribute by resource id, or (resId 0) by its plain name without namespace; null when absent. */
    static String stringAttr(AndroidBinXmlParser p, int resId, String plainName) throws Exception {
        for (int i = 0; i < p.getAttributeCount(); i++) {
            boolean match = resId != 0 ? p.getAttributeNameResourceId(i) == resId
                    : p.getAttributeName(i).equals(plainName) && p.getAttributeNamespace(i).isEmpty();
            if (!match) continue;
            return switch (p.getAttributeValueType(i)) {
                case AndroidBinXmlParser.VALUE_TYPE_STRING -> p.getAttributeStringValue(i);
                case AndroidBinXmlParser.VALUE_TYPE_INT -> Integer.toString(p.getAttributeIntValue(i));
                case AndroidBinXmlParser.VALUE_TYPE_BOOLEAN -> Boolean.toString(p.getAttributeBooleanValue(i));
                default -> "@" + Integer.toHexString(p.getAttributeIntValue(i));
            };
        }
        return null;
    }

    /** A literal boolean attribute; null when absent or not a literal. */
    static Boolean boolAttr(AndroidBinXmlParser p, int resId) throws Exception {
        int i = attrIndex(p, resId);
        if (i < 0 || p.getAttributeValueType(i) != AndroidBinXmlParser.VALUE_TYPE_BOOLEAN) return null;
        return p.getAttributeBooleanValue(i);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
