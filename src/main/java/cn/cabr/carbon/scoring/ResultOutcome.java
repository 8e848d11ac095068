package cn.cabr.carbon.scoring;

public enum ResultOutcome {
    PASSED("合格"),
    FAILED("不合格"),
    VOIDED("成绩无效（违纪）");

    private final String label;

    ResultOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
