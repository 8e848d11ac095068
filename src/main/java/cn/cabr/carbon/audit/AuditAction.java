package cn.cabr.carbon.audit;

/** The kinds of human decision and override the audit log keeps, with the label staff read. */
public enum AuditAction {
    DOCUMENTS_REVIEWED("材料审核"),
    SHORT_ANSWER_GRADED("主观题阅卷"),
    VIOLATION_ADJUDICATED("违纪裁定"),
    APPEAL_ADJUDICATED("申诉复核"),
    IDENTITY_CONFIRMED("身份人工核验"),
    SITTING_TERMINATED("监考终止考试"),
    PROCTOR_WARNING_SENT("监考警告"),
    MILESTONE_FIRED("触发考试节点"),
    SCORES_PUBLISHED_EARLY("提前公布成绩"),
    MATERIALS_DEADLINE_EXTENDED("延长补充材料期限"),
    EXTRA_TIME_GRANTED("延长考试时间"),
    SITTING_RESCUED("考试异常处理"),
    TECHNICAL_REMEDY_DECIDED("技术故障补救"),
    SESSION_CREATED("创建考试批次"),
    SESSION_CHANGED("修改考试批次"),
    TRAINING_HOURS_IMPORTED("导入培训学时"),
    NOTIFICATION_RESENT("重发通知"),
    CERTIFICATE_REVOKED("撤销证书"),
    CERTIFICATE_REISSUED("换发证书"),
    WORKING_CALENDAR_CHANGED("修改工作日历");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
