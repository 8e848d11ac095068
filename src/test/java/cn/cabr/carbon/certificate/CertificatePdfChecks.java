package cn.cabr.carbon.certificate;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a certificate PDF back the way a person or a PDF reader would: its text, its QR code, its signature. */
final class CertificatePdfChecks {

    private CertificatePdfChecks() {
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Renders the page as a phone camera would see a print (150 dpi) and decodes the QR code on it (ZXing). */
    static String qrCode(byte[] pdf) throws IOException {
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 150);
        }
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE))).getText();
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("No readable QR code on the rendered certificate", e);
        }
    }

    /** What a PDF reader checks: the CMS signature over the signed byte ranges, and who signed. */
    record SignatureCheck(boolean valid, boolean coversWholeFileButSignature, X509Certificate signer, String name,
            String reason, String location) {
    }

    static SignatureCheck signature(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.size() != 1) {
                throw new AssertionError("expected exactly one signature, found " + signatures.size());
            }
            PDSignature signature = signatures.get(0);
            int[] range = signature.getByteRange();
            boolean whole = range.length == 4 && range[0] == 0 && range[2] + range[3] == pdf.length;
            byte[] signedContent = signature.getSignedContent(pdf);
            // /Contents is padded with zeros up to the reserved size: read the one DER object at its start
            ContentInfo contentInfo;
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
                contentInfo = ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), contentInfo);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            boolean valid;
            try {
                valid = signers.size() == 1 && signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (CMSException e) {
                // BouncyCastle reports a digest that no longer matches the content this way
                valid = false;
            }
            return new SignatureCheck(valid, whole, certificate, signature.getName(), signature.getReason(),
                    signature.getLocation());
        } catch (CMSException | OperatorCreationException | CertificateException e) {
            throw new AssertionError("The signature could not be read", e);
        }
    }

    /** A photo-like image: a face-coloured oval on a blue background with a gradient and some sensor noise. */
    static BufferedImage photo(int width, int height, long seed) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = (x - width / 2.0) / (width * 0.28);
                double dy = (y - height * 0.42) / (height * 0.26);
                boolean face = dx * dx + dy * dy < 1;
                Color base = face ? new Color(226, 186, 160) : new Color(40, 110, 200 - 60 * y / height);
                int noise = random.nextInt(17) - 8;
                image.setRGB(x, y, new Color(clamp(base.getRed() + noise), clamp(base.getGreen() + noise),
                        clamp(base.getBlue() + noise)).getRGB());
            }
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
