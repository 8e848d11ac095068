package cn.cabr.carbon.process;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.session.Milestone;

/**
 * Closes the cases whose materials deadline a manager extended, once that deadline passed: it sends the case the
 * same "materials closed" message the session's milestone sends the others (no BPMN change, no timer moved).
 * The session's milestone skipped these cases ({@link ReachMilestoneDelegate}).
 */
@Component
public class MaterialsExtensionCloser {

    private static final Logger log = LoggerFactory.getLogger(MaterialsExtensionCloser.class);

    private final Applications applications;
    private final RuntimeService runtimeService;

    MaterialsExtensionCloser(Applications applications, RuntimeService runtimeService) {
        this.applications = applications;
        this.runtimeService = runtimeService;
    }

    @Scheduled(fixedDelayString = "${certification.materials-extension-check-interval:PT1M}", initialDelayString = "PT30S")
    public void closeDueNow() {
        for (Application application : applications.materialsExtensionsDue()) {
            try {
                closeOne(application);
            } catch (RuntimeException e) {
                log.warn("Could not close case {} after its extended materials deadline: {}",
                        application.getApplicationNumber(), e.getMessage());
            }
        }
    }

    private void closeOne(Application application) {
        if (runtimeService.createExecutionQuery().processInstanceBusinessKey(application.getApplicationNumber())
                .messageEventSubscriptionName(SessionVariables.caseMessage(Milestone.MATERIALS_CLOSED)).count() > 0) {
            runtimeService.createMessageCorrelation(SessionVariables.caseMessage(Milestone.MATERIALS_CLOSED))
                    .processInstanceBusinessKey(application.getApplicationNumber()).correlateAllWithResult();
            log.info("Case {} closed: its extended materials deadline passed", application.getApplicationNumber());
        }
        applications.materialsExtensionExpired(application.getId());
    }
}
