package org.facegate.build.link;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.facegate.build.Elf;
import org.facegate.build.link.Finding.Kind;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The link check on real dex: fixtures compiled by javac against one version of a class and dexed by d8 together with
 * another version, the way facecore was compiled against DJL's TFLite API and shipped with tensorflow-lite 2.16.1.
 */
public class LinkCheckTest {
    @Rule public TemporaryFolder tmp = new TemporaryFolder();
    private static Platform platform;

    @BeforeClass public static void openPlatform() throws Exception {
        platform = Fixtures.platform();
    }

    @AfterClass public static void closePlatform() throws Exception {
        platform.close();
    }

    static final String CALLER = """
            package app;
            public class Caller {
                public static int rank(lib.Tensor t) { return t.shape().length; }
            }
            """;

    /** The shipped defect: compiled against a final class Tensor, shipped with Tensor an interface. */
    @Test public void invokeVirtualOnWhatShipsAsAnInterfaceFails() throws Exception {
        Path d = tmp.getRoot().toPath();
        Path asClass = Fixtures.compile(d, "lib-class", Map.of("lib/Tensor.java",
                "package lib; public final class Tensor { public int[] shape() { return new int[0]; } }"));
        Path asInterface = Fixtures.compile(d, "lib-interface", Map.of("lib/Tensor.java",
                "package lib; public interface Tensor { int[] shape(); }"));
        Path caller = Fixtures.compile(d, "caller", Map.of("app/Caller.java", CALLER), asClass);

        DexBackedDexFile shipped = Fixtures.dex(d, caller, asInterface);
        LinkCheck.Result r = check(shipped, Allowlist.none());

        Finding f = only(r, Kind.INVOKE_KIND);
        assertEquals("Llib/Tensor;->shape()[I", f.reference());
        assertEquals("Lapp/Caller;->rank(Llib/Tensor;)I", f.caller());
        assertEquals("invoke-virtual, but lib.Tensor is an interface", f.detail());
        assertFalse(r.passes());

        // no allowlist entry excuses an invoke of the wrong kind, whatever reason it gives
        LinkCheck.Result excuses = check(shipped, allowlist("* | * | everything is fine"));
        assertEquals(1, excuses.unexcused().size());
        assertEquals(1, excuses.unused().size());
        assertFalse(excuses.passes());

        // the same source compiled against what ships links
        Path fixed = Fixtures.compile(d, "caller-fixed", Map.of("app/Caller.java", CALLER), asInterface);
        LinkCheck.Result ok = check(Fixtures.dex(d, fixed, asInterface), Allowlist.none());
        assertEquals(List.of(), ok.findings());
        assertTrue(ok.passes());
    }

    @Test public void aMethodTheShippedClassLacksFails() throws Exception {
        LinkCheck.Result r = check(compiledAgainstShippedWith("lib/Util.java",
                "package lib; public class Util { public static int answer() { return 42; } public static int other() { return 1; } }",
                "package lib; public class Util { public static int other() { return 1; } }",
                "package app; public class Caller { static int f() { return lib.Util.answer() + lib.Util.other(); } }"), Allowlist.none());

        Finding f = only(r, Kind.MISSING_METHOD);
        assertEquals("Llib/Util;->answer()I", f.reference());
        assertEquals("Lapp/Caller;->f()I", f.caller());
        assertEquals(1, r.findings().size());                  // other() is there: not reported
    }

    @Test public void staticAndInstanceMismatchesFail() throws Exception {
        LinkCheck.Result r = check(compiledAgainstShippedWith("lib/Counter.java",
                "package lib; public class Counter { public static int count() { return 0; } public static int N; }",
                "package lib; public class Counter { public int count() { return 0; } public int N; }",
                "package app; public class Caller { static int f() { return lib.Counter.count() + lib.Counter.N; } }"), Allowlist.none());

        assertEquals("invoke-static of an instance method", only(r, Kind.INVOKE_KIND).detail());
        Finding field = only(r, Kind.FIELD_KIND);
        assertEquals("Llib/Counter;->N:I", field.reference());
        assertEquals("sget of an instance field", field.detail());
    }

    /** Whether a platform type is an interface comes from the API-26 framework's class file, not from the dex. */
    @Test public void invokeVirtualOnAPlatformInterfaceFails() throws Exception {
        Path d = tmp.getRoot().toPath();
        // a stub in which android.os.IBinder is a class; only compiled against, never dexed
        Path stub = Fixtures.compile(d, "stub", Map.of("android/os/IBinder.java",
                "package android.os; public class IBinder { public String getInterfaceDescriptor() { return null; } }"));
        Path caller = Fixtures.compile(d, "caller", Map.of("app/Caller.java",
                "package app; public class Caller { static String f(android.os.IBinder b) throws Exception { return b.getInterfaceDescriptor(); } }"),
                stub);

        LinkCheck.Result r = check(Fixtures.dex(d, caller), Allowlist.none());

        Finding f = only(r, Kind.INVOKE_KIND);
        assertEquals("Landroid/os/IBinder;->getInterfaceDescriptor()Ljava/lang/String;", f.reference());
        assertEquals("invoke-virtual, but android.os.IBinder is an interface", f.detail());
    }

    static final String EXECUTOR_USER = """
            package app;
            public class Main {
                static Object mainExecutor(android.content.Context c) {
                    String p = c.getPackageName();                       // API 1
                    return c.getMainExecutor();                          // API 28
                }
            }
            """;

    @Test public void aMethodAddedAfterApi26Fails() throws Exception {
        Path d = tmp.getRoot().toPath();
        Path app = Fixtures.compile(d, "app", Map.of("app/Main.java", EXECUTOR_USER));

        LinkCheck.Result r = check(Fixtures.dex(d, app), Allowlist.none());

        Finding f = only(r, Kind.MISSING_METHOD);
        assertEquals("Landroid/content/Context;->getMainExecutor()Ljava/util/concurrent/Executor;", f.reference());
        assertEquals("Lapp/Main;->mainExecutor(Landroid/content/Context;)Ljava/lang/Object;", f.caller());
        assertEquals(1, r.findings().size());                  // getPackageName() exists at API 26
        assertFalse(r.passes());
    }

    @Test public void anAllowlistedReferencePassesOnlyWithItsReasonAndCaller() throws Exception {
        Path d = tmp.getRoot().toPath();
        DexBackedDexFile dex = Fixtures.dex(d, Fixtures.compile(d, "app", Map.of("app/Main.java", EXECUTOR_USER)));
        String ref = "Landroid/content/Context;->getMainExecutor()Ljava/util/concurrent/Executor;";

        LinkCheck.Result excused = check(dex, allowlist(ref + " | Lapp/Main;* | API 28; only called when SDK_INT >= 28"));
        assertTrue(excused.passes());
        Allowlist.Entry e = excused.excused().values().iterator().next();
        assertEquals("API 28; only called when SDK_INT >= 28", e.reason());

        // another caller is not excused, and the entry that excuses nothing fails the check too
        LinkCheck.Result otherCaller = check(dex, allowlist(ref + " | Lapp/Other; | API 28; only called when SDK_INT >= 28"));
        assertEquals(1, otherCaller.unexcused().size());
        assertEquals(1, otherCaller.unused().size());
        assertFalse(otherCaller.passes());

        // an entry without a reason is refused when the list is read, naming its line
        IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class, () -> allowlist("# header", ref + " | * | "));
        assertTrue(noReason.getMessage(), noReason.getMessage().contains(":2: an entry needs 'reference | caller | reason'"));
        assertThrows(IllegalArgumentException.class, () -> allowlist(ref + " | *"));
    }

    @Test public void aSupertypeThatDoesNotExistAtApi26IsReportedWhereTheClassIsDefined() throws Exception {
        Path d = tmp.getRoot().toPath();
        // an API-33 interface: the class cannot load on API 26, wherever it is used (like Room's LiveData subclass)
        Path app = Fixtures.compile(d, "app", Map.of("app/Listener.java",
                "package app; public class Listener implements android.window.OnBackInvokedCallback { public void onBackInvoked() {} }"));

        LinkCheck.Result r = check(Fixtures.dex(d, app), Allowlist.none());

        Finding f = only(r, Kind.MISSING_SUPERTYPE);
        assertEquals("Landroid/window/OnBackInvokedCallback;", f.reference());   // API 33
        assertEquals("Lapp/Listener;", f.caller());
    }

    /** Native methods bind by name to the ABI's exported symbols (the real libtensorflowlite_jni.so of TFLite 2.16.1). */
    @Test public void aNativeMethodNoLibraryExportsIsUnbound() throws Exception {
        Path d = tmp.getRoot().toPath();
        Path app = Fixtures.compile(d, "app", Map.of("org/tensorflow/lite/TensorFlowLite.java", """
                package org.tensorflow.lite;
                public class TensorFlowLite {
                    static native void nativeDoNothing();         // exported by libtensorflowlite_jni.so
                    static native int nativeGone(String s);       // not
                }
                """));
        Set<String> symbols;
        try (ZipFile aar = new ZipFile(Fixtures.PLATFORM.resolve("tensorflow-lite.aar").toFile());
             InputStream in = aar.getInputStream(aar.getEntry("jni/arm64-v8a/libtensorflowlite_jni.so"))) {
            symbols = Elf.parse(in.readAllBytes(), "libtensorflowlite_jni.so").exported();
        }

        LinkCheck.Result r = LinkCheck.check(List.of(Fixtures.dex(d, app)), platform, Allowlist.none(), Map.of("arm64-v8a", symbols));

        Finding f = only(r, Kind.NATIVE_UNBOUND);
        assertEquals("Lorg/tensorflow/lite/TensorFlowLite;->nativeGone(Ljava/lang/String;)I", f.reference());
        assertEquals("lib/arm64-v8a/", f.caller());
        assertEquals("no Java_org_tensorflow_lite_TensorFlowLite_nativeGone in lib/arm64-v8a/*.so", f.detail());
        assertEquals(1, r.findings().size());
    }

    @Test public void jniNamesAreMangledAsTheSpecificationSays() {
        assertEquals("org_tensorflow_lite_Tensor_00024Q_1x_2_3", NativeBindings.mangle("org/tensorflow/lite/Tensor$Q_x;["));
    }

    /** app/Caller.java compiled against one version of a library class, dexed with another (the one that ships). */
    private DexBackedDexFile compiledAgainstShippedWith(String libPath, String compiledAgainst, String shipped, String caller) throws Exception {
        Path d = tmp.getRoot().toPath();
        Path v1 = Fixtures.compile(d, "compiled-against", Map.of(libPath, compiledAgainst));
        Path v2 = Fixtures.compile(d, "shipped", Map.of(libPath, shipped));
        return Fixtures.dex(d, Fixtures.compile(d, "caller", Map.of("app/Caller.java", caller), v1), v2);
    }

    private LinkCheck.Result check(DexBackedDexFile dex, Allowlist allowlist) throws Exception {
        return LinkCheck.check(List.of(dex), platform, allowlist, Map.of());
    }

    private Allowlist allowlist(String... lines) throws Exception {
        Path f = tmp.newFile().toPath();
        Files.write(f, List.of(lines));
        return Allowlist.read(f);
    }

    private static Finding only(LinkCheck.Result r, Kind kind) {
        List<Finding> of = r.findings().stream().filter(f -> f.kind() == kind).toList();
        assertEquals(r.findings().toString(), 1, of.size());
        assertNotNull(of.get(0));
        return of.get(0);
    }
}
