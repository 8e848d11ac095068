package cn.cabr.carbon.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Signs certificate PDFs with the certification centre's key: an invisible signature (PDFBox {@code addSignature},
 * detached CMS from BouncyCastle, SHA-256) over the whole file, so any reader (Acrobat, pdfsig) shows whether the
 * document was altered after signing.
 *
 * <p>The key comes from the PKCS#12 keystore at {@code certification.certificate.keystore.path}. Without one, a
 * self-signed demo key is generated on the first start under {@code <data-dir>/signing/} and reused afterwards; a
 * warning says so at every start.
 */
@Component
public class CertificateSigner {

    private static final Logger log = LoggerFactory.getLogger(CertificateSigner.class);

    static final String REASON = "证明本证书由发证机构颁发，签署后未经改动";

    private final SigningKey key;
    private final String signerName;
    private final String location;
    private final Clock clock;

    @Autowired
    CertificateSigner(@Value("${certification.certificate.keystore.path:}") String keystorePath,
            @Value("${certification.certificate.keystore.password:}") String keystorePassword,
            @Value("${certification.certificate.keystore.alias:}") String alias,
            @Value("${certification.data-dir}") String dataDir,
            @Value("${certification.certificate.issuer}") String issuer,
            @Value("${certification.certificate.signature-location:北京}") String location, Clock clock) {
        this(loadKey(keystorePath, keystorePassword, alias, Path.of(dataDir, "signing"), issuer), issuer, location,
                clock);
    }

    CertificateSigner(SigningKey key, String signerName, String location, Clock clock) {
        this.key = key;
        this.signerName = signerName;
        this.location = location;
        this.clock = clock;
    }

    private static SigningKey loadKey(String keystorePath, String password, String alias, Path demoDirectory,
            String issuer) {
        if (StringUtils.hasText(keystorePath)) {
            Path path = Path.of(keystorePath.strip());
            SigningKey key = SigningKey.load(path, password.toCharArray(), alias);
            log.info("Certificates are signed with the key of {} ({}), valid until {}", path,
                    key.certificate().getSubjectX500Principal(), key.certificate().getNotAfter().toInstant());
            return key;
        }
        SigningKey key = SigningKey.demo(demoDirectory, issuer);
        log.warn("No certificate signing keystore is configured (certification.certificate.keystore.path): "
                + "certificates are signed with a self-signed DEMO key from {}. Configure the certification "
                + "centre's PKCS#12 keystore in production.", demoDirectory.resolve(SigningKey.DEMO_KEYSTORE));
        return key;
    }

    /** The certificate of the signing key: what a signed PDF's signature must verify against. */
    public X509Certificate signerCertificate() {
        return key.certificate();
    }

    public boolean isDemoKey() {
        return key.demo();
    }

    /** The PDF with an invisible signature added as an incremental update (the signed bytes stay as they were). */
    public byte[] sign(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(signerName);
            signature.setReason(REASON);
            signature.setLocation(location);
            Calendar now = new GregorianCalendar(TimeZone.getTimeZone(clock.getZone()));
            now.setTimeInMillis(clock.millis());
            signature.setSignDate(now);
            document.addSignature(signature, cms());
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new CertificateRenderingException("Could not sign the certificate PDF", e);
        }
    }

    /** Detached CMS SignedData over the bytes PDFBox hands in (the file without the signature's placeholder). */
    private SignatureInterface cms() {
        return content -> {
            try {
                ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm()).build(key.privateKey());
                CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().build()).build(signer, key.certificate()));
                generator.addCertificates(new JcaCertStore(key.chain()));
                return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
            } catch (OperatorCreationException | CertificateEncodingException | CMSException e) {
                throw new IOException("Could not create the CMS signature", e);
            }
        };
    }

    private String signatureAlgorithm() {
        return switch (key.privateKey().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalStateException(new GeneralSecurityException(
                    "Unsupported signing key algorithm: " + key.privateKey().getAlgorithm()));
        };
    }
}
