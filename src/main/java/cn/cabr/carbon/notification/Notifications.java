package cn.cabr.carbon.notification;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of messages to candidates. Writing one is part of the business transaction that caused it, so a
 * message is never sent for something that rolled back, and never lost for something that committed.
 */
@Service
@Transactional
public class Notifications {

    private final NotificationRepository notifications;
    private final Clock clock;

    Notifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    public Notification notify(long candidateId, Long applicationId, String kind, String title, String body) {
        return notifications.save(new Notification(candidateId, applicationId, kind, title, body, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Notification> forCandidate(long candidateId) {
        return notifications.findByCandidateIdOrderByCreatedAtDescIdDesc(candidateId);
    }

    @Transactional(readOnly = true)
    public List<Notification> forApplication(long applicationId) {
        return notifications.findByApplicationIdOrderByIdAsc(applicationId);
    }
}
