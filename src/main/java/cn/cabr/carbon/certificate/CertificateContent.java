package cn.cabr.carbon.certificate;

import java.awt.image.BufferedImage;
import java.time.LocalDate;

/**
 * What is printed on a certificate. The ID number must already be masked: the renderer prints it as given. The
 * photo is the candidate's application photo, already scaled ({@link CertificatePhoto}).
 */
public record CertificateContent(
        String candidateName,
        String maskedIdNumber,
        String certificateNumber,
        String sessionName,
        LocalDate examDate,
        LocalDate issuedOn,
        String issuer,
        String verificationUrl,
        BufferedImage photo) {

    public CertificateContent {
        requireText(candidateName, "candidateName");
        requireText(maskedIdNumber, "maskedIdNumber");
        requireText(certificateNumber, "certificateNumber");
        requireText(sessionName, "sessionName");
        require(examDate, "examDate");
        require(issuedOn, "issuedOn");
        requireText(issuer, "issuer");
        requireText(verificationUrl, "verificationUrl");
        require(photo, "photo");
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be null or blank");
        }
    }
}
