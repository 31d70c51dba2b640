package org.facegate.testing;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.Key;
import java.security.KeyStoreSpi;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;
import org.junit.rules.ExternalResource;

/**
 * Robolectric has no AndroidKeyStore (robolectric#1518): this rule registers a test-only JCA provider of that name
 * for the duration of a test, with an in-memory key store and AES and HMAC-SHA256 key generators that take the app's
 * {@link KeyGenParameterSpec}. Keys are plain JCA keys, so the JDK's AES/GCM and HmacSHA256 do the work (unlike the
 * real Keystore's, they could be exported: the tests cannot show that part). Provider registration is JVM-wide, hence
 * removed after each test; the keys are kept in {@link #KEYS} until then, so a test can reopen the app's cipher and
 * still read its templates.
 */
public final class AndroidKeyStoreRule extends ExternalResource {
    /** Alias to key, shared by every KeyStore instance of the provider (as on a device). */
    public static final Map<String, SecretKey> KEYS = new ConcurrentHashMap<>();

    @Override
    protected void before() {
        KEYS.clear();
        Security.removeProvider("AndroidKeyStore");
        Security.addProvider(new FakeProvider());
    }

    @Override
    protected void after() {
        Security.removeProvider("AndroidKeyStore");
        KEYS.clear();
    }

    static final class FakeProvider extends Provider {
        FakeProvider() {
            super("AndroidKeyStore", "1.0", "test-only in-memory AndroidKeyStore");
            put("KeyStore.AndroidKeyStore", Store.class.getName());
            put("KeyGenerator.AES", AesGenerator.class.getName());
            put("KeyGenerator.HmacSHA256", HmacGenerator.class.getName());
        }
    }

    /** In-memory key store over {@link #KEYS}. */
    public static final class Store extends KeyStoreSpi {
        @Override
        public Key engineGetKey(String alias, char[] password) {
            return KEYS.get(alias);
        }

        @Override
        public Certificate[] engineGetCertificateChain(String alias) {
            return null;
        }

        @Override
        public Certificate engineGetCertificate(String alias) {
            return null;
        }

        @Override
        public Date engineGetCreationDate(String alias) {
            return new Date();
        }

        @Override
        public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain) {
            KEYS.put(alias, (SecretKey) key);
        }

        @Override
        public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void engineSetCertificateEntry(String alias, Certificate cert) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void engineDeleteEntry(String alias) {
            KEYS.remove(alias);
        }

        @Override
        public Enumeration<String> engineAliases() {
            return Collections.enumeration(KEYS.keySet());
        }

        @Override
        public boolean engineContainsAlias(String alias) {
            return KEYS.containsKey(alias);
        }

        @Override
        public int engineSize() {
            return KEYS.size();
        }

        @Override
        public boolean engineIsKeyEntry(String alias) {
            return KEYS.containsKey(alias);
        }

        @Override
        public boolean engineIsCertificateEntry(String alias) {
            return false;
        }

        @Override
        public String engineGetCertificateAlias(Certificate cert) {
            return null;
        }

        @Override
        public void engineStore(OutputStream stream, char[] password) {}

        @Override
        public void engineLoad(InputStream stream, char[] password) {}
    }

    /** A key generator taking a {@link KeyGenParameterSpec}: the key is stored under the spec's alias. */
    abstract static class Generator extends KeyGeneratorSpi {
        private final String algorithm;
        private KeyGenParameterSpec spec;
        private SecureRandom random = new SecureRandom();

        Generator(String algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        protected void engineInit(SecureRandom r) {
            throw new UnsupportedOperationException("AndroidKeyStore needs a KeyGenParameterSpec");
        }

        @Override
        protected void engineInit(AlgorithmParameterSpec params, SecureRandom r) {
            spec = (KeyGenParameterSpec) params;
            if (r != null) random = r;
        }

        @Override
        protected void engineInit(int keysize, SecureRandom r) {
            throw new UnsupportedOperationException("AndroidKeyStore needs a KeyGenParameterSpec");
        }

        @Override
        protected SecretKey engineGenerateKey() {
            byte[] k = new byte[spec.getKeySize() / 8];
            random.nextBytes(k);
            SecretKey key = new SecretKeySpec(k, algorithm);
            KEYS.put(spec.getKeystoreAlias(), key);
            return key;
        }
    }

    /** AES keys (the templates' cipher). */
    public static final class AesGenerator extends Generator {
        public AesGenerator() {
            super("AES");
        }
    }

    /** HMAC-SHA256 keys (the PIN's pepper); like the Keystore's, usable with {@code Mac} only if made to sign. */
    public static final class HmacGenerator extends Generator {
        public HmacGenerator() {
            super("HmacSHA256");
        }

        @Override
        protected void engineInit(AlgorithmParameterSpec params, SecureRandom r) {
            if ((((KeyGenParameterSpec) params).getPurposes() & KeyProperties.PURPOSE_SIGN) == 0) {
                throw new IllegalArgumentException("an HMAC key without PURPOSE_SIGN cannot be used with Mac");
            }
            super.engineInit(params, r);
        }
    }
}
