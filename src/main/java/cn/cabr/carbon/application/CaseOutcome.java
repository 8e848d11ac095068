package cn.cabr.carbon.application;

/** How a case ended: each has its own end event in the CertificationCase model. */
public enum CaseOutcome {
    REJECTED("报名审核未通过"),
    INCOMPLETE("补充材料逾期，报名关闭"),
    INELIGIBLE("不符合报考条件"),
    INSUFFICIENT_HOURS("考前培训学时未达标"),
    ABSENT("缺考"),
    FAILED("考试未通过"),
    VOIDED("违纪，成绩无效"),
    CERTIFIED("考试合格，证书已颁发");

    private final String label;

    CaseOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
