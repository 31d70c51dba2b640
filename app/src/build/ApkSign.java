// Single-file Java program: signs an APK with apksig (v2 + v3; v1 is unneeded for minSdk >= 24), aligns it (STORED
// entries to 4 bytes, STORED native libraries, if any, to 16 KiB pages) and verifies the result. Exits non-zero, failing the build,
// if the signed APK does not verify.
//
//   java -cp apksig.jar ApkSign.java <in.apk> <out.apk> <keystore.p12> <storepass> <alias> <minSdk>
//
// The key is a committed PKCS12 debug key (same password for store and key); RSA PKCS#1 v1.5 signatures are
// deterministic, so the same unsigned APK always yields the same signed bytes.
import com.android.apksig.ApkSigner;
import com.android.apksig.ApkVerifier;
import com.android.apksig.KeyConfig;
import java.io.File;
import java.io.FileInputStream;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

public class ApkSign {
    public static void main(String[] a) throws Exception {
        if (a.length != 6) {
            System.err.println("usage: ApkSign <in.apk> <out.apk> <keystore.p12> <storepass> <alias> <minSdk>");
            System.exit(2);
        }
        File in = new File(a[0]), out = new File(a[1]);
        char[] pass = a[3].toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream f = new FileInputStream(a[2])) {
            ks.load(f, pass);
        }
        PrivateKey key = (PrivateKey) ks.getKey(a[4], pass);
        X509Certificate cert = (X509Certificate) ks.getCertificate(a[4]);
        if (key == null || cert == null) throw new IllegalArgumentException("no key '" + a[4] + "' in " + a[2]);

        ApkSigner.SignerConfig signer = new ApkSigner.SignerConfig.Builder("CERT", new KeyConfig.Jca(key), List.of(cert)).build();
        new ApkSigner.Builder(List.of(signer))
                .setInputApk(in)
                .setOutputApk(out)
                .setMinSdkVersion(Integer.parseInt(a[5]))
                .setV1SigningEnabled(false)
                .setV2SigningEnabled(true)
                .setV3SigningEnabled(true)
                .setAlignmentPreserved(false)           // apksig aligns STORED entries itself (no zipalign)
                .setLibraryPageAlignmentBytes(16384)     // 16 KiB pages for uncompressed .so
                .setCreatedBy("FaceGate build")
                .build()
                .sign();

        ApkVerifier.Result r = new ApkVerifier.Builder(out).build().verify();
        r.getErrors().forEach(e -> System.out.println("apksig ERROR " + e));
        r.getWarnings().forEach(w -> System.out.println("apksig WARN " + w));
        for (ApkVerifier.Result.V2SchemeSignerInfo s : r.getV2SchemeSigners()) {
            s.getErrors().forEach(e -> System.out.println("apksig v2 ERROR " + e));
        }
        for (ApkVerifier.Result.V3SchemeSignerInfo s : r.getV3SchemeSigners()) {
            s.getErrors().forEach(e -> System.out.println("apksig v3 ERROR " + e));
        }
        if (!r.isVerified() || !r.isVerifiedUsingV2Scheme() || !r.isVerifiedUsingV3Scheme()) {
            System.out.println("apksig verify FAILED for " + out);
            System.exit(1);
        }
        X509Certificate c = r.getSignerCertificates().get(0);
        System.out.println("apksig verify: verified=true v1=" + r.isVerifiedUsingV1Scheme() + " v2=" + r.isVerifiedUsingV2Scheme()
                + " v3=" + r.isVerifiedUsingV3Scheme() + " signer=" + c.getSubjectX500Principal()
                + " cert-sha256=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded())));
    }
}
