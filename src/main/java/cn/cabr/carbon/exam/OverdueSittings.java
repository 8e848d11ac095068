package cn.cabr.carbon.exam;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Submits sittings whose time is up within seconds, even when nobody is connected. This is the application's
 * own scheduler on purpose: a BPMN timer may fire up to a minute late. Safe on several nodes: each sitting is
 * ended under its row lock, and only once.
 */
@Component
@ConditionalOnProperty(name = "certification.exam.overdue-scheduler-enabled", havingValue = "true", matchIfMissing = true)
class OverdueSittings {

    private static final Logger log = LoggerFactory.getLogger(OverdueSittings.class);

    private final ExamDelivery delivery;

    OverdueSittings(ExamDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(fixedDelayString = "${certification.exam.overdue-check-interval}", initialDelayString = "PT10S")
    void submitOverdue() {
        for (Long sittingId : delivery.overdueSittingIds()) {
            try {
                delivery.timeOut(sittingId);
            } catch (RuntimeException e) {
                log.warn("Could not time out sitting {}; retrying on the next round", sittingId, e);
            }
        }
    }
}
