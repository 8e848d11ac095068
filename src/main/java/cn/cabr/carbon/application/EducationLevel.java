package cn.cabr.carbon.application;

/** Highest education, as the eligibility rules distinguish it. The names are the DMN's input values. */
public enum EducationLevel {
    HIGH_SCHOOL_OR_BELOW("高中及以下"),
    SECONDARY_VOCATIONAL("中专及同等学历"),
    JUNIOR_COLLEGE("大专"),
    BACHELOR("本科"),
    DOUBLE_BACHELOR("双学士"),
    MASTER("硕士研究生"),
    DOCTOR("博士研究生");

    private final String label;

    EducationLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
