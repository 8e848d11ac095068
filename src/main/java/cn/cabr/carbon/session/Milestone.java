package cn.cabr.carbon.session;

/** The dated milestones of an exam session, in the order they happen. */
public enum Milestone {
    APPLICATIONS_CLOSED("报名截止"),
    MATERIALS_CLOSED("提交报名材料截止"),
    HOURS_COUNTED("考前学时统计截止"),
    EXAM_OPENED("考试开始"),
    EXAM_CLOSED("考试结束"),
    SCORES_PUBLISHED("公布考试成绩"),
    CERTIFICATES_ISSUED("颁发证书");

    private final String label;

    Milestone(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
