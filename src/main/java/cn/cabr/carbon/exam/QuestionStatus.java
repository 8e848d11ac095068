package cn.cabr.carbon.exam;

/** Only active versions are drawn into papers; a retired version stays readable for the papers that hold it. */
public enum QuestionStatus {
    DRAFT("草稿"),
    ACTIVE("启用"),
    RETIRED("停用");

    private final String label;

    QuestionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
