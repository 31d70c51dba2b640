package org.facegate.build;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.android.apksig.ApkVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Signing for release: a throwaway keystore made by keytool signs a real (aapt2-linked) APK, and the committed debug
 * key is refused whatever file, alias or password it comes under, and also as a new certificate over the same key.
 */
public class ApkSignTest {
    @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
    static final Path DEBUG = Path.of(System.getProperty("facegate.debug.keystore", "../debug.p12"));
    static final ApkSign.Key DEBUG_KEY = new ApkSign.Key(DEBUG, "android", "facegate-debug", "android");
    static Path unsigned;

    /** A minimal APK (a manifest, minSdk 26) linked by the aapt2 the build uses. */
    @BeforeClass public static void linkApk() throws Exception {
        Path dir = tmp.newFolder("apk").toPath();
        Path manifest = dir.resolve("AndroidManifest.xml");
        Files.writeString(manifest, """
                <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="org.facegate.signtest">
                  <uses-sdk android:minSdkVersion="26" android:targetSdkVersion="34"/>
                  <application android:label="t"/>
                </manifest>
                """);
        unsigned = dir.resolve("unsigned.apk");
        run(System.getProperty("facegate.aapt2", "/usr/bin/aapt2"), "link", "-I",
                Path.of(System.getProperty("facegate.platform.dir", "target/platform"), "android-all-34.jar").toString(),
                "--manifest", manifest.toString(), "-o", unsigned.toString());
    }

    @Test public void aReleaseKeySignsAndTheResultVerifies() throws Exception {
        Path ks = keystore("release.p12", "release", "s3cret-release", "CN=FaceGate release test");
        ApkSign.Key key = new ApkSign.Key(ks, "s3cret-release", "release", "s3cret-release");
        Path out1 = tmp.getRoot().toPath().resolve("release1.apk"), out2 = tmp.getRoot().toPath().resolve("release2.apk");

        ApkVerifier.Result r = ApkSign.sign(unsigned, out1, key, 26, List.of(DEBUG_KEY));
        ApkSign.sign(unsigned, out2, key, 26, List.of(DEBUG_KEY));

        assertTrue(r.getErrors().toString(), ApkSign.verified(r));
        X509Certificate signer = r.getSignerCertificates().get(0);
        assertArrayEquals(ApkSign.load(ks, "s3cret-release").getCertificate("release").getEncoded(), signer.getEncoded());
        assertNotEquals(fingerprint(DEBUG, "android", "facegate-debug"), ApkSign.sha256(signer.getEncoded()));
        assertArrayEquals("signing is deterministic", Files.readAllBytes(out1), Files.readAllBytes(out2));
    }

    @Test public void theCommittedDebugKeyIsRefusedForARelease() throws Exception {
        Path out = tmp.getRoot().toPath().resolve("refused.apk");
        ApkSign.RefusedKeyException e = assertThrows(ApkSign.RefusedKeyException.class,
                () -> ApkSign.sign(unsigned, out, DEBUG_KEY, 26, List.of(DEBUG_KEY)));
        assertTrue(e.getMessage(), e.getMessage().contains(fingerprint(DEBUG, "android", "facegate-debug")));
        assertFalse("nothing is written", Files.exists(out));
    }

    /** A copy under another name, alias and password is the same key: compared by fingerprint, not by file name. */
    @Test public void theDebugKeyIsRefusedUnderAnotherNameAliasAndPassword() throws Exception {
        Path copy = tmp.getRoot().toPath().resolve("my-release-key.p12");
        run(keytool(), "-importkeystore", "-srckeystore", DEBUG.toString(), "-srcstorepass", "android", "-srcalias", "facegate-debug",
                "-destkeystore", copy.toString(), "-deststoretype", "PKCS12", "-deststorepass", "another-pass",
                "-destalias", "prod", "-noprompt");
        Path out = tmp.getRoot().toPath().resolve("copy.apk");
        assertThrows(ApkSign.RefusedKeyException.class,
                () -> ApkSign.sign(unsigned, out, new ApkSign.Key(copy, "another-pass", "prod", "another-pass"), 26, List.of(DEBUG_KEY)));
        assertFalse(Files.exists(out));
    }

    /** A new self-signed certificate over the debug key's private key has another fingerprint; the key still gives it away. */
    @Test public void theDebugKeyIsRefusedUnderANewCertificate() throws Exception {
        Path recert = tmp.getRoot().toPath().resolve("recert.p12");
        Files.copy(DEBUG, recert);
        run(keytool(), "-selfcert", "-keystore", recert.toString(), "-storepass", "android", "-alias", "facegate-debug",
                "-dname", "CN=Totally New Release", "-validity", "9000");
        assertNotEquals(fingerprint(DEBUG, "android", "facegate-debug"), fingerprint(recert, "android", "facegate-debug"));

        ApkSign.RefusedKeyException e = assertThrows(ApkSign.RefusedKeyException.class, () -> ApkSign.sign(unsigned,
                tmp.getRoot().toPath().resolve("recert.apk"), new ApkSign.Key(recert, "android", "facegate-debug", "android"), 26,
                List.of(DEBUG_KEY)));
        assertTrue(e.getMessage(), e.getMessage().contains("debug key committed with the source"));
    }

    /** The debug build itself signs with the debug key: nothing is refused there. */
    @Test public void theDebugBuildSignsWithTheDebugKey() throws Exception {
        ApkVerifier.Result r = ApkSign.sign(unsigned, tmp.getRoot().toPath().resolve("debug.apk"), DEBUG_KEY, 26, List.of());
        assertTrue(ApkSign.verified(r));
        assertEquals(fingerprint(DEBUG, "android", "facegate-debug"), ApkSign.sha256(r.getSignerCertificates().get(0).getEncoded()));
    }

    static Path keystore(String name, String alias, String pass, String dname) throws Exception {
        Path ks = tmp.getRoot().toPath().resolve(name);
        run(keytool(), "-genkeypair", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", pass, "-keypass", pass,
                "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "10000", "-dname", dname);
        return ks;
    }

    static String fingerprint(Path keystore, String pass, String alias) throws Exception {
        return ApkSign.sha256(ApkSign.load(keystore, pass).getCertificate(alias).getEncoded());
    }

    static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
}
