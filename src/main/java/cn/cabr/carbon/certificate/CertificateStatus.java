package cn.cabr.carbon.certificate;

/** Where a certificate stands: valid, revoked by a manager, or reissued (superseded by a new certificate). */
public enum CertificateStatus {
    VALID("有效"),
    REVOKED("已撤销"),
    REISSUED("已换发");

    private final String label;

    CertificateStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
