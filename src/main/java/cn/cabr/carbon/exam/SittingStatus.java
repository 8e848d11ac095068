package cn.cabr.carbon.exam;

/** A sitting's state. The four end states are what the case hears when the sitting ends. */
public enum SittingStatus {
    READY("待开考", false),
    IN_PROGRESS("答题中", false),
    /** Reopened for a time credit: waits for the candidate to resume within the remedy window. */
    REOPENED("补足考试时间，待继续作答", false),
    SUBMITTED("已交卷", true),
    TIMED_OUT("考试时间到，系统自动交卷", true),
    ABSENT("缺考", true),
    TERMINATED("违反考试纪律，系统终止作答", true);

    private final String label;
    private final boolean ended;

    SittingStatus(String label, boolean ended) {
        this.label = label;
        this.ended = ended;
    }

    public String label() {
        return label;
    }

    public boolean ended() {
        return ended;
    }
}
