package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.notification.MailStatus;
import cn.cabr.carbon.notification.NotificationMails;

/**
 * 发送通知邮件. A failure (server down, refused) is counted on the outbox row and thrown: the job retries on the
 * configured cycle and then becomes an incident in Cockpit, where it can be retried.
 */
@Component
class SendMailDelegate implements JavaDelegate {

    private final NotificationMails mails;

    SendMailDelegate(NotificationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long notificationId = ((Number) execution.getVariable(MailVariables.NOTIFICATION_ID)).longValue();
        MailStatus status;
        try {
            status = mails.deliver(notificationId);
        } catch (RuntimeException e) {
            mails.recordFailure(notificationId, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
        execution.setVariable(MailVariables.MAIL_DELIVERED, status == MailStatus.SENT);
    }
}
