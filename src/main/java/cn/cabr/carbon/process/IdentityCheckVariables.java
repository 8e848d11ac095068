package cn.cabr.carbon.process;

/** Variables of the IdentityCheck process: the check's id, its session, and what the proctor's form submits. */
public final class IdentityCheckVariables {

    public static final String PROCESS_KEY = "IdentityCheck";
    public static final String IDENTITY_CHECK_ID = "identityCheckId";
    public static final String SESSION_ID = "sessionId";
    public static final String IDENTITY_DECISION = "identityDecision";
    public static final String IDENTITY_REASON = "identityReason";

    private IdentityCheckVariables() {
    }
}
