package cn.cabr.carbon.adjudication;

/** What a candidate whose sitting suffered a technical problem is granted. */
public enum TechnicalRemedy {
    TIME_CREDIT("补足考试时间"),
    RESIT("准予重考");

    private final String label;

    TechnicalRemedy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
