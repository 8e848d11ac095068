package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 检查能否公布成绩: the publication date has come; are sittings still waiting for grading or adjudication? */
@Component
class CheckPublicationDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckPublicationDelegate.class);

    private final PublicationReadiness readiness;

    CheckPublicationDelegate(PublicationReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long sessionId = (Long) execution.getVariable(SessionVariables.SESSION_ID);
        int waiting = readiness.waiting(sessionId).size();
        if (waiting > 0) {
            log.info("Session {}: publication date reached, {} sittings still wait; a manager decides", sessionId, waiting);
        }
        execution.setVariable(SessionVariables.PUBLICATION_BLOCKED, waiting > 0);
    }
}
