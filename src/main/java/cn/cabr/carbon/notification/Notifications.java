package cn.cabr.carbon.notification;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.shared.BusinessException;

/**
 * The outbox of messages to candidates. Writing one is part of the business transaction that caused it, so a
 * message is never sent for something that rolled back, and never lost for something that committed.
 */
@Service
@Transactional
public class Notifications {

    private final NotificationRepository notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(NotificationRepository notifications, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes the message to the outbox (the portal shows it at once) and, in the same transaction, schedules its
     * e-mail: a job sends it after the commit, retrying while the mail server fails, so sending never delays or
     * rolls back the caller's work.
     */
    public Notification notify(long candidateId, Long applicationId, String kind, String title, String body) {
        Notification notification = notifications.save(
                new Notification(candidateId, applicationId, kind, title, body, clock.instant()));
        events.publishEvent(new NotificationWritten(notification.getId()));
        return notification;
    }

    @Transactional(readOnly = true)
    public List<Notification> forCandidate(long candidateId) {
        return notifications.findByCandidateIdOrderByCreatedAtDescIdDesc(candidateId);
    }

    @Transactional(readOnly = true)
    public List<Notification> forApplication(long applicationId) {
        return notifications.findByApplicationIdOrderByIdAsc(applicationId);
    }

    /**
     * Queues the application's latest message again, as a new outbox entry with the same text, so it is shown and
     * e-mailed once more (the mail job sends it after the commit). Refused when the application has no message.
     */
    public Notification resendLatest(long applicationId, String applicationNumber) {
        List<Notification> sent = notifications.findByApplicationIdOrderByIdAsc(applicationId);
        if (sent.isEmpty()) {
            throw BusinessException.conflict("NO_NOTIFICATION", applicationNumber + " 还没有任何通知，无法重发");
        }
        Notification last = sent.get(sent.size() - 1);
        return notify(last.getCandidateId(), applicationId, last.getKind(), last.getTitle(), last.getBody());
    }
}
