package cn.cabr.carbon.certificate;

import java.time.LocalDate;

/**
 * What anyone may learn about a certificate by its number: its status, the holder's name partly masked, the session
 * and the dates. Nothing else about the person (no ID number, no contact).
 */
public record PublicCertificate(
        String certificateNumber,
        String status,
        String statusLabel,
        String holderName,
        String sessionName,
        LocalDate issuedOn,
        LocalDate revokedOn,
        String revocationReason,
        LocalDate reissuedOn,
        String replacedBy,
        String replaces) {

    public boolean valid() {
        return CertificateStatus.VALID.name().equals(status);
    }
}
