package cn.cabr.carbon.proctoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes face images and snapshots whose session's retention period has ended (each deletion is recorded). */
@Component
class EvidenceRetention {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRetention.class);

    private final Evidence evidence;

    EvidenceRetention(Evidence evidence) {
        this.evidence = evidence;
    }

    @Scheduled(cron = "${certification.proctoring.retention-cron:0 17 3 * * *}", zone = "${certification.zone}")
    void purge() {
        int deleted = evidence.purgeDue();
        if (deleted > 0) {
            log.info("Retention: deleted {} proctoring evidence images past their retention period", deleted);
        }
    }
}
