package org.facegate.build;

import com.android.apksig.ApkSigner;
import com.android.apksig.ApkVerifier;
import com.android.apksig.KeyConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs an APK with apksig (v2 + v3; v1 is unneeded for minSdk &gt;= 24), aligns it (STORED entries to 4 bytes,
 * STORED native libraries, if any, to 16 KiB pages) and verifies the result; exits non-zero, failing the build, if
 * the signed APK does not verify.
 *
 * <pre>
 *   java -cp facegate-build-tools.jar org.facegate.build.ApkSign --in x-unsigned.apk --out x.apk
 *        --keystore key.p12 --storepass ... --alias ... [--keypass ...] --min-sdk 26
 *        [--refuse debug.p12 --refuse-storepass android]
 * </pre>
 *
 * {@code --refuse} names a keystore whose keys must never sign this APK: the release build passes the committed debug
 * keystore, whose private key anyone with the source holds. The signing key is refused when its certificate or its
 * public key equals one in that keystore (compared by SHA-256, whatever the file, alias or password): a certificate
 * alone would miss the same key under a new certificate, which the key's holder could sign "updates" with just the same.
 * RSA PKCS#1 v1.5 signatures are deterministic, so the same unsigned APK and key always yield the same signed bytes.
 */
public final class ApkSign {

    /** A key in a keystore file; the key password defaults to the store password (keytool's PKCS12 default). */
    record Key(Path keystore, String storepass, String alias, String keypass) {}

    /** The signing key is one the build must not sign with. */
    static final class RefusedKeyException extends GeneralSecurityException {
        RefusedKeyException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i], args[i + 1]);
        for (String required : List.of("--in", "--out", "--keystore", "--storepass", "--alias", "--min-sdk")) {
            if (!opt.containsKey(required) || opt.get(required).isBlank()) {
                System.out.println("ApkSign: missing " + required);
                System.exit(2);
            }
        }
        Key key = new Key(Path.of(opt.get("--keystore")), opt.get("--storepass"), opt.get("--alias"),
                opt.getOrDefault("--keypass", opt.get("--storepass")));
        List<Key> refused = new ArrayList<>();
        if (opt.containsKey("--refuse")) refused.add(new Key(Path.of(opt.get("--refuse")), opt.get("--refuse-storepass"), null, null));
        try {
            ApkVerifier.Result r = sign(Path.of(opt.get("--in")), Path.of(opt.get("--out")), key,
                    Integer.parseInt(opt.get("--min-sdk")), refused);
            if (!verified(r)) {
                print(r);
                System.out.println("apksig verify FAILED for " + opt.get("--out"));
                System.exit(1);
            }
            X509Certificate c = r.getSignerCertificates().get(0);
            System.out.println("apksig verify: " + Path.of(opt.get("--out")).getFileName() + " verified=true v1=" + r.isVerifiedUsingV1Scheme()
                    + " v2=" + r.isVerifiedUsingV2Scheme() + " v3=" + r.isVerifiedUsingV3Scheme() + " signer="
                    + c.getSubjectX500Principal() + " cert-sha256=" + sha256(c.getEncoded()));
        } catch (RefusedKeyException e) {
            System.out.println("ApkSign REFUSED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Signs in to out with the key unless it is refused; returns apksig's verification of the result. */
    static ApkVerifier.Result sign(Path in, Path out, Key key, int minSdk, List<Key> refused) throws Exception {
        KeyStore ks = load(key.keystore(), key.storepass());
        PrivateKey privateKey = (PrivateKey) ks.getKey(key.alias(), key.keypass().toCharArray());
        X509Certificate cert = (X509Certificate) ks.getCertificate(key.alias());
        if (privateKey == null || cert == null) throw new IllegalArgumentException("no key '" + key.alias() + "' in " + key.keystore());
        for (Key r : refused) refuseIfIn(cert, r);

        ApkSigner.SignerConfig signer = new ApkSigner.SignerConfig.Builder("CERT", new KeyConfig.Jca(privateKey), List.of(cert)).build();
        new ApkSigner.Builder(List.of(signer))
                .setInputApk(in.toFile())
                .setOutputApk(out.toFile())
                .setMinSdkVersion(minSdk)
                .setV1SigningEnabled(false)
                .setV2SigningEnabled(true)
                .setV3SigningEnabled(true)
                .setAlignmentPreserved(false)           // apksig aligns STORED entries itself (no zipalign)
                .setLibraryPageAlignmentBytes(16384)     // 16 KiB pages for uncompressed .so
                .setCreatedBy("FaceGate build")
                .build()
                .sign();
        return new ApkVerifier.Builder(out.toFile()).build().verify();
    }

    /** Throws if the certificate, or its public key, is one of the keystore's. */
    static void refuseIfIn(X509Certificate cert, Key refused) throws GeneralSecurityException, IOException {
        KeyStore ks = load(refused.keystore(), refused.storepass());
        String certSha = sha256(cert.getEncoded()), keySha = sha256(cert.getPublicKey().getEncoded());
        for (String alias : Collections.list(ks.aliases())) {
            Certificate c = ks.getCertificate(alias);
            if (c == null) continue;
            if (sha256(c.getEncoded()).equals(certSha) || sha256(c.getPublicKey().getEncoded()).equals(keySha)) {
                throw new RefusedKeyException("the signing key (certificate SHA-256 " + certSha + ") is the key '" + alias
                        + "' of " + refused.keystore().getFileName() + ", the debug key committed with the source: anyone can sign"
                        + " an update with it that reads the app's data. Sign releases with your own key (-Dfacegate.keystore=...).");
            }
        }
    }

    static KeyStore load(Path file, String password) throws GeneralSecurityException, IOException {
        return KeyStore.getInstance(new File(file.toString()), password.toCharArray());   // PKCS12 or JKS, by content
    }

    static boolean verified(ApkVerifier.Result r) {
        return r.isVerified() && r.isVerifiedUsingV2Scheme() && r.isVerifiedUsingV3Scheme();
    }

    static void print(ApkVerifier.Result r) {
        r.getErrors().forEach(e -> System.out.println("apksig ERROR " + e));
        r.getWarnings().forEach(w -> System.out.println("apksig WARN " + w));
        for (ApkVerifier.Result.V2SchemeSignerInfo s : r.getV2SchemeSigners()) s.getErrors().forEach(e -> System.out.println("apksig v2 ERROR " + e));
        for (ApkVerifier.Result.V3SchemeSignerInfo s : r.getV3SchemeSigners()) s.getErrors().forEach(e -> System.out.println("apksig v3 ERROR " + e));
    }

    static String sha256(byte[] b) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
