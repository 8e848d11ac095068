package cn.cabr.carbon.exam;

/** The two subjects of the combined paper. */
public enum Subject {
    THEORY("碳排放管理理论"),
    PRACTICE("碳排放管理实务");

    private final String label;

    Subject(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
