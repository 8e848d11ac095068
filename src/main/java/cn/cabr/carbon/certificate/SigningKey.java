package cn.cabr.carbon.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certification centre's signing key with its certificate chain (signer first), read from a PKCS#12 keystore.
 *
 * <p>Passwords are never logged and never part of an exception message.
 */
record SigningKey(PrivateKey privateKey, List<X509Certificate> chain, boolean demo) {

    static final String DEMO_KEYSTORE = "demo-signing-key.p12";
    static final String DEMO_PASSWORD_FILE = "demo-signing-key.password";
    static final String DEMO_ALIAS = "certificate-signing-demo";

    SigningKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A signing key needs its certificate");
        }
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    /** Never the key itself: a record's generated toString would print it. */
    @Override
    public String toString() {
        return "SigningKey[" + certificate().getSubjectX500Principal() + (demo ? ", demo" : "") + "]";
    }

    /** The configured keystore; the alias may be blank when the keystore holds exactly one key. */
    static SigningKey load(Path keystore, char[] password, String alias) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The certificate signing keystore " + keystore
                    + " could not be opened: it must be a PKCS#12 file and the password must match ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            String chosen = alias == null || alias.isBlank() ? onlyKeyAlias(store, keystore) : alias.strip();
            if (!store.isKeyEntry(chosen)) {
                throw new IllegalStateException("The certificate signing keystore " + keystore
                        + " has no private key under the alias '" + chosen + "'");
            }
            PrivateKey key = (PrivateKey) store.getKey(chosen, password);
            Certificate[] chain = store.getCertificateChain(chosen);
            if (key == null || chain == null || chain.length == 0) {
                throw new IllegalStateException("The alias '" + chosen + "' of " + keystore
                        + " must hold a private key with its certificate chain");
            }
            return new SigningKey(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList(), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key of " + keystore + " could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String onlyKeyAlias(KeyStore store, Path keystore) throws GeneralSecurityException {
        List<String> keys = Collections.list(store.aliases()).stream().filter(a -> {
            try {
                return store.isKeyEntry(a);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }).toList();
        if (keys.size() != 1) {
            throw new IllegalStateException("The certificate signing keystore " + keystore + " holds " + keys.size()
                    + " keys: name the one to use with certification.certificate.keystore.alias");
        }
        return keys.get(0);
    }

    /**
     * The demo key under {@code directory}: generated on the first start (a self-signed RSA certificate, valid ten
     * years), read again afterwards. A file lock keeps two nodes sharing the data directory from both generating it.
     */
    static SigningKey demo(Path directory, String issuer) {
        Path keystore = directory.resolve(DEMO_KEYSTORE);
        Path passwordFile = directory.resolve(DEMO_PASSWORD_FILE);
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(directory.resolve("demo-signing-key.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (!Files.exists(keystore)) {
                    generateDemo(keystore, passwordFile, issuer);
                }
            }
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip().toCharArray();
            SigningKey key = load(keystore, password, DEMO_ALIAS);
            return new SigningKey(key.privateKey(), key.chain(), true);
        } catch (IOException e) {
            throw new IllegalStateException("The demo signing key under " + directory + " could not be created or read",
                    e);
        }
    }

    private static void generateDemo(Path keystore, Path passwordFile, String issuer) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = selfSigned(pair, issuer);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(DEMO_ALIAS, pair.getPrivate(), password, new Certificate[] {certificate});
            // the password first, then the keystore atomically: a keystore on disk always has its password
            writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.US_ASCII));
            Path temp = Files.createTempFile(keystore.getParent(), "demo-signing-key", ".part");
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password);
            }
            restrictToOwner(temp);
            Files.move(temp, keystore, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not generate the demo signing key", e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String issuer)
            throws OperatorCreationException, GeneralSecurityException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, issuer)
                .addRDN(BCStyle.OU, "演示密钥，仅供测试，不得用于正式证书")
                .addRDN(BCStyle.CN, issuer + "（演示）")
                .build();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        restrictToOwner(file);
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
