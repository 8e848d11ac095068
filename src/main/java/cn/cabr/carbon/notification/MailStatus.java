package cn.cabr.carbon.notification;

/** Where an outbox message stands with e-mail. */
public enum MailStatus {
    /** a SendMail job will deliver it (retrying while the mail server fails) */
    PENDING("待发送"),
    /** handed to the mail server (or written to the drop directory) at {@code sentAt} */
    SENT("已发送"),
    /** the candidate has no e-mail address: shown in the portal only */
    NO_ADDRESS("未发送：考生无邮箱"),
    /** neither an SMTP server nor a drop directory is configured */
    NO_MAIL_SERVER("未发送：未配置邮件服务器"),
    /** written before messages were sent by e-mail */
    NOT_QUEUED("未发送：早于邮件通知功能");

    private final String label;

    MailStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
