package cn.cabr.carbon.certificate;

/** A manager asked to revoke or reissue a certificate; the lifecycle process carries it out. */
public record CertificateChangeRequested(long changeId, long certificateId, String certificateNumber,
        CertificateChange.Kind kind) {
}
