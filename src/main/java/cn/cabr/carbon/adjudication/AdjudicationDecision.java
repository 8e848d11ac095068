package cn.cabr.carbon.adjudication;

/** The values the adjudication form submits. */
public enum AdjudicationDecision {
    NO_VIOLATION("不构成违纪"),
    VIOLATION_CONFIRMED("确认违纪，成绩无效");

    private final String label;

    AdjudicationDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
