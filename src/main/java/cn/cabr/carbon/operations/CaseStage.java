package cn.cabr.carbon.operations;

/**
 * Where a certification case stands, as a manager reads it: the activities of the CertificationCase model grouped
 * into a few stages (the grouping itself lives with the model, in {@code process/}).
 */
public enum CaseStage {
    REVIEW("材料审核"),
    ELIGIBILITY("资格审查"),
    TRAINING_HOURS("学时核验"),
    AWAITING_EXAM("等待考试"),
    EXAM("考试"),
    MARKING("阅卷"),
    ADJUDICATION("违纪裁定"),
    PUBLICATION("成绩公布"),
    CERTIFICATE("证书颁发"),
    /** An activity not (yet) assigned to a stage: shown, so that no running case goes uncounted. */
    OTHER("其他"),
    ENDED("已结束");

    private final String label;

    CaseStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value of the Prometheus label {@code stage}: lower-case English. */
    public String metricName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
