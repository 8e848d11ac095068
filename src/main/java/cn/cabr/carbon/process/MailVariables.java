package cn.cabr.carbon.process;

/** Names of the SendMail process and its variables. */
public final class MailVariables {

    public static final String PROCESS_KEY = "SendMail";
    /** The outbox row to send. */
    public static final String NOTIFICATION_ID = "notificationId";
    /** Set by the sending task: the mail went out (false: no address, or no mail server configured). */
    public static final String MAIL_DELIVERED = "mailDelivered";

    private MailVariables() {
    }
}
