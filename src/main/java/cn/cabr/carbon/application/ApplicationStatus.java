package cn.cabr.carbon.application;

public enum ApplicationStatus {
    DRAFT("草稿"),
    SUBMITTED("已提交，待审核"),
    SUPPLEMENT_REQUESTED("需补充材料"),
    APPROVED("审核通过"),
    CLOSED("已结束");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
