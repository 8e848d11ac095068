package cn.cabr.carbon.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateSignerTests {

    static final String ISSUER = "中国建筑科学研究院有限公司认证中心";
    static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

    static byte[] unsigned;

    @TempDir
    Path dir;

    @BeforeAll
    static void renderOnce() {
        unsigned = new CertificatePdfRenderer().render(new CertificateContent("张碳峰", "110***********1234",
                "CEM-2024-T8-00001", "第八期", LocalDate.of(2023, 12, 23), LocalDate.of(2024, 3, 20), ISSUER,
                CertificatePdfRendererTests.URL, CertificatePdfRendererTests.PHOTO));
    }

    @Test
    void signatureFromTheConfiguredKeystoreVerifiesAndNamesTheSigner() throws Exception {
        X509Certificate configured = keystore(dir.resolve("centre.p12"), "s3cret-pass", "centre");
        CertificateSigner signer = signer(dir.resolve("centre.p12").toString(), "s3cret-pass", "centre");

        byte[] signed = signer.sign(unsigned);

        CertificatePdfChecks.SignatureCheck check = CertificatePdfChecks.signature(signed);
        assertThat(check.valid()).isTrue();
        assertThat(check.coversWholeFileButSignature()).isTrue();
        assertThat(check.signer()).isEqualTo(configured);
        assertThat(check.name()).isEqualTo(ISSUER);
        assertThat(check.reason()).isEqualTo(CertificateSigner.REASON);
        assertThat(check.location()).isEqualTo("北京");
        assertThat(signer.isDemoKey()).isFalse();
        // the incremental update keeps the rendered certificate byte for byte
        assertThat(java.util.Arrays.copyOf(signed, unsigned.length)).isEqualTo(unsigned);
        assertThat(CertificatePdfChecks.text(signed)).contains("CEM-2024-T8-00001");
    }

    @Test
    void changingOneByteOfTheSignedContentBreaksTheSignature() throws Exception {
        keystore(dir.resolve("centre.p12"), "s3cret-pass", "centre");
        byte[] signed = signer(dir.resolve("centre.p12").toString(), "s3cret-pass", "centre").sign(unsigned);
        assertThat(CertificatePdfChecks.signature(signed).valid()).isTrue();

        byte[] tampered = signed.clone();
        int inTheRenderedPage = unsigned.length / 2;
        tampered[inTheRenderedPage] ^= 0x01;

        assertThat(CertificatePdfChecks.signature(tampered).valid()).isFalse();
    }

    @Test
    void withoutAKeystoreADemoKeyIsGeneratedOnceAndReused() throws Exception {
        CertificateSigner first = signer("", "", "");
        CertificateSigner second = signer("", "", "");

        assertThat(first.isDemoKey()).isTrue();
        assertThat(second.signerCertificate()).isEqualTo(first.signerCertificate());
        assertThat(first.signerCertificate().getSubjectX500Principal().getName()).contains("演示");
        Path keystore = dir.resolve("signing").resolve(SigningKey.DEMO_KEYSTORE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");
        assertThat(CertificatePdfChecks.signature(second.sign(unsigned)).signer()).isEqualTo(first.signerCertificate());
    }

    @Test
    void aWrongPasswordFailsAtStartWithoutRevealingIt() throws Exception {
        keystore(dir.resolve("centre.p12"), "s3cret-pass", "centre");

        assertThatThrownBy(() -> signer(dir.resolve("centre.p12").toString(), "wrong-guess", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("centre.p12")
                .hasMessageNotContaining("wrong-guess")
                .hasMessageNotContaining("s3cret-pass");
    }

    @Test
    void anUnknownAliasIsNamedInTheError() throws Exception {
        keystore(dir.resolve("centre.p12"), "s3cret-pass", "centre");

        assertThatThrownBy(() -> signer(dir.resolve("centre.p12").toString(), "s3cret-pass", "other"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'other'");
    }

    private CertificateSigner signer(String path, String password, String alias) {
        return new CertificateSigner(path, password, alias, dir.toString(), ISSUER, "北京", CLOCK);
    }

    /** A PKCS#12 keystore like the one the centre would configure, here with an EC P-256 key. */
    private static X509Certificate keystore(Path file, String password, String alias) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=Test Certification Centre, O=CABR, C=CN");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                subject, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), subject, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return certificate;
    }
}
