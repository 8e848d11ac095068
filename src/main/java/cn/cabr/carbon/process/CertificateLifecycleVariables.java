package cn.cabr.carbon.process;

/** Names of the CertificateLifecycle variables: the change request's id and its kind (the gateway reads it). */
public final class CertificateLifecycleVariables {

    public static final String PROCESS_KEY = "CertificateLifecycle";

    public static final String CHANGE_ID = "changeId";
    public static final String CERTIFICATE_ID = "certificateId";
    /** REVOCATION or REISSUE. */
    public static final String CHANGE_KIND = "changeKind";

    private CertificateLifecycleVariables() {
    }
}
