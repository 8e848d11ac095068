package cn.cabr.carbon.session;

/** How a multiple-choice answer that is not exactly the key is scored; chosen per session. */
public enum MultipleChoicePolicy {
    ALL_OR_NOTHING("全部选对得满分，否则不得分"),
    HALF_FOR_SUBSET("全部选对得满分；少选且所选均正确得一半分（向下取整）；错选不得分");

    private final String label;

    MultipleChoicePolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
