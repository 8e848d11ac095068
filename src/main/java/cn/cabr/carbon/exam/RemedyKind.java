package cn.cabr.carbon.exam;

/** What a technical problem earned the candidate: the same sitting reopened for some minutes, or a new sitting. */
public enum RemedyKind {
    TIME_CREDIT("补足考试时间"),
    RESIT("准予重考");

    private final String label;

    RemedyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
