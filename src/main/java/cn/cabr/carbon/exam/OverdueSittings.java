package cn.cabr.carbon.exam;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    private static final int MAX_BATCHES_PER_ROUND = 200;

    private final ExamDelivery delivery;

    OverdueSittings(ExamDelivery delivery) {
        this.delivery = delivery;
    }

    /**
     * Drains every overdue sitting in batches of 100, so that the end of a national session (thousands of sittings
     * at once) is submitted in one round; a sitting that fails is left for the next round.
     */
    @Scheduled(fixedDelayString = "${certification.exam.overdue-check-interval}", initialDelayString = "PT10S")
    void submitOverdue() {
        Set<Long> failed = new HashSet<>();
        for (int batch = 0; batch < MAX_BATCHES_PER_ROUND; batch++) {
            List<Long> overdue = delivery.overdueSittingIds().stream().filter(id -> !failed.contains(id)).toList();
            if (overdue.isEmpty()) {
                return;
            }
            for (Long sittingId : overdue) {
                try {
                    delivery.timeOut(sittingId);
                } catch (RuntimeException e) {
                    failed.add(sittingId);
                    log.warn("Could not time out sitting {}; retrying on the next round", sittingId, e);
                }
            }
        }
    }
}
