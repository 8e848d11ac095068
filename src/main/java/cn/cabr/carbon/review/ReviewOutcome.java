package cn.cabr.carbon.review;

/** The three outcomes of the manual document review. The names are the values the review form submits. */
public enum ReviewOutcome {
    APPROVE("审核通过"),
    REJECT("驳回报名"),
    REQUEST_SUPPLEMENT("要求补充材料");

    private final String label;

    ReviewOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
