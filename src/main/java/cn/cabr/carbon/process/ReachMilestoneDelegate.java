package cn.cabr.carbon.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;

/**
 * A milestone of the session is reached (by its timer or by a manager): records it, which lets the modules act
 * (the exam component closes sittings at the exam's end), and tells every open case of the session.
 */
@Component
class ReachMilestoneDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ReachMilestoneDelegate.class);

    private final ExamSessions sessions;
    private final RuntimeService runtimeService;

    ReachMilestoneDelegate(ExamSessions sessions, RuntimeService runtimeService) {
        this.sessions = sessions;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long sessionId = (Long) execution.getVariable(SessionVariables.SESSION_ID);
        Milestone milestone = Milestone.valueOf((String) execution.getVariable(SessionVariables.MILESTONE));
        Object firedBy = execution.getVariable(SessionVariables.FIRED_BY);
        execution.removeVariable(SessionVariables.FIRED_BY);
        sessions.reach(sessionId, milestone, firedBy == null ? "timer" : firedBy.toString());
        int cases = runtimeService.createMessageCorrelation(SessionVariables.caseMessage(milestone))
                .processInstanceVariableEquals(CaseVariables.SESSION_ID, sessionId)
                .correlateAllWithResult().size();
        log.info("Session {} reached {} ({}); {} waiting cases moved on", sessionId, milestone,
                firedBy == null ? "timer" : "fired by " + firedBy, cases);
    }
}
