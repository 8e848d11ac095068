package cn.cabr.carbon.adjudication;

/** Who decides, in which order: a violation needs a second adjudicator; disagreement goes to a manager. */
public enum AdjudicationStage {
    FIRST("初次裁定"),
    CONFIRMATION("复核确认"),
    MANAGER("管理员裁决"),
    APPEAL("申诉复核"),
    /** A decision taken alone, before the two-adjudicator rule (V11): final as it stands. */
    SINGLE("单人裁定");

    private final String label;

    AdjudicationStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
