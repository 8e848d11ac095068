package cn.cabr.carbon.proctoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks every few seconds for sittings in progress whose answer page has gone silent (see {@link Heartbeats}). The
 * application's own scheduler, like exam.OverdueSittings: a BPMN timer per sitting would be thousands of jobs. Safe
 * on several nodes: each gap is claimed in the database, not in memory.
 */
@Component
@ConditionalOnProperty(name = "certification.proctoring.network-gap-detector-enabled", havingValue = "true", matchIfMissing = true)
class NetworkGapDetector {

    private static final Logger log = LoggerFactory.getLogger(NetworkGapDetector.class);

    private final Heartbeats heartbeats;

    NetworkGapDetector(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    @Scheduled(fixedDelayString = "${certification.proctoring.network-gap-check-interval:PT10S}", initialDelayString = "PT20S")
    void detect() {
        try {
            int opened = heartbeats.detectGaps();
            if (opened > 0) {
                log.info("Recorded {} network gap(s)", opened);
            }
        } catch (RuntimeException e) {
            log.warn("Network gap detection failed; retrying on the next round", e);
        }
    }
}
