package cn.cabr.carbon.certificate;

import java.time.LocalDate;

/**
 * What is printed on a certificate. The ID number must already be masked: the renderer prints it as given.
 */
public record CertificateContent(
        String candidateName,
        String maskedIdNumber,
        String certificateNumber,
        String sessionName,
        LocalDate issuedOn,
        String issuer) {

    public CertificateContent {
        requireText(candidateName, "candidateName");
        requireText(maskedIdNumber, "maskedIdNumber");
        requireText(certificateNumber, "certificateNumber");
        requireText(sessionName, "sessionName");
        if (issuedOn == null) {
            throw new IllegalArgumentException("issuedOn must not be null");
        }
        requireText(issuer, "issuer");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be null or blank");
        }
    }
}
