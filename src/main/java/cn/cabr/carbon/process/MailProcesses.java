package cn.cabr.carbon.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.notification.NotificationWritten;

/**
 * Every outbox message gets its own small SendMail process, started in the transaction that wrote the message: its
 * first step is asynchronous, so this only writes a job row beside the message. Nothing is sent for work that rolls
 * back, nothing committed is lost, and a failing mail server delays only the mail, never the case.
 */
@Component
class MailProcesses {

    private final RuntimeService runtimeService;

    MailProcesses(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    void onNotificationWritten(NotificationWritten event) {
        runtimeService.startProcessInstanceByKey(MailVariables.PROCESS_KEY, String.valueOf(event.notificationId()),
                Map.of(MailVariables.NOTIFICATION_ID, event.notificationId()));
    }
}
