package cn.cabr.carbon.exam;

public enum Difficulty {
    EASY("容易"),
    MEDIUM("中等"),
    HARD("较难");

    private final String label;

    Difficulty(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
