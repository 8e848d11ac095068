package cn.cabr.carbon.adjudication;

/** The values the adjudication forms submit. */
public enum AdjudicationDecision {
    NO_VIOLATION("不构成违纪"),
    VIOLATION_CONFIRMED("确认违纪，成绩无效"),
    TECHNICAL_PROBLEM("技术故障，不构成违纪");

    private final String label;

    AdjudicationDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
