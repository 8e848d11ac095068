package cn.cabr.carbon.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.application.ApplicationSubmitted;
import cn.cabr.carbon.application.SupplementSubmitted;
import cn.cabr.carbon.exam.SittingEnded;
import cn.cabr.carbon.proctoring.Proctoring;

import static cn.cabr.carbon.process.CaseVariables.*;

/**
 * Moves the case when the candidate or the exam component acts. The listeners run inside the transaction of
 * the action, so the business change and the case's step commit together or not at all.
 */
@Component
class CaseStarter {

    private static final Logger log = LoggerFactory.getLogger(CaseStarter.class);

    private final RuntimeService runtimeService;
    private final Proctoring proctoring;

    CaseStarter(RuntimeService runtimeService, Proctoring proctoring) {
        this.runtimeService = runtimeService;
        this.proctoring = proctoring;
    }

    @EventListener
    void onApplicationSubmitted(ApplicationSubmitted event) {
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, event.applicationNumber(), Map.of(
                CANDIDATE_ID, event.candidateId(),
                APPLICATION_ID, event.applicationId(),
                SESSION_ID, event.sessionId()));
    }

    @EventListener
    void onSupplementSubmitted(SupplementSubmitted event) {
        runtimeService.createMessageCorrelation(MESSAGE_SUPPLEMENT_SUBMITTED)
                .processInstanceBusinessKey(event.applicationNumber())
                .correlateWithResult();
    }

    /**
     * A sitting only exists once its case opened it and waits for its end, so the case is always there to hear
     * it; a case cancelled by hand in Cockpit is not, and its sitting may still end without it.
     */
    @EventListener
    void onSittingEnded(SittingEnded event) {
        var correlated = runtimeService.createMessageCorrelation(MESSAGE_SITTING_ENDED)
                .processInstanceVariableEquals(APPLICATION_ID, event.applicationId())
                .setVariable(SITTING_OUTCOME, event.status().name())
                .setVariable(PROCTORING_FLAGGED, proctoring.isFlagged(event.sittingId()))
                .correlateAllWithResult();
        if (correlated.isEmpty()) {
            log.warn("Sitting {} ended ({}) but no case of application {} was waiting for it", event.sittingId(),
                    event.status(), event.applicationId());
        }
    }
}
