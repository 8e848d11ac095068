package cn.cabr.carbon.exam;

public enum QuestionType {
    SINGLE_CHOICE("单项选择题", true),
    MULTIPLE_CHOICE("多项选择题", true),
    TRUE_FALSE("判断题", true),
    SHORT_ANSWER("简答题", false);

    private final String label;
    private final boolean autoGraded;

    QuestionType(String label, boolean autoGraded) {
        this.label = label;
        this.autoGraded = autoGraded;
    }

    public String label() {
        return label;
    }

    public boolean autoGraded() {
        return autoGraded;
    }
}
