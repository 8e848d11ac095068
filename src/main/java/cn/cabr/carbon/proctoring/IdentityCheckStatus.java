package cn.cabr.carbon.proctoring;

/** Where a candidate's identity check-in stands. */
public enum IdentityCheckStatus {
    CLEARED("人脸比对通过", true),
    AWAITING_PROCTOR("等待监考员人工核验", false),
    CONFIRMED("监考员已确认身份", true),
    REFUSED("监考员未能确认身份", false),
    /** Nobody decided, not even after the escalation to the managers: the candidate may submit again (no refusal). */
    EXPIRED("人工核验超时未完成", false);

    private final String label;
    private final boolean mayEnter;

    IdentityCheckStatus(String label, boolean mayEnter) {
        this.label = label;
        this.mayEnter = mayEnter;
    }

    public String label() {
        return label;
    }

    public boolean mayEnter() {
        return mayEnter;
    }
}
