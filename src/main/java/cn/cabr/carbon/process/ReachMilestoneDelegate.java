package cn.cabr.carbon.process;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.application.Applications;
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
    private final Applications applications;

    ReachMilestoneDelegate(ExamSessions sessions, RuntimeService runtimeService, Applications applications) {
        this.sessions = sessions;
        this.runtimeService = runtimeService;
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long sessionId = (Long) execution.getVariable(SessionVariables.SESSION_ID);
        Milestone milestone = Milestone.valueOf((String) execution.getVariable(SessionVariables.MILESTONE));
        Object firedBy = execution.getVariable(SessionVariables.FIRED_BY);
        execution.removeVariable(SessionVariables.FIRED_BY);
        sessions.reach(sessionId, milestone, firedBy == null ? "timer" : firedBy.toString());
        List<String> extended = milestone == Milestone.MATERIALS_CLOSED ? applications.openMaterialsExtensions(sessionId)
                : List.of();
        int cases = extended.isEmpty() ? runtimeService.createMessageCorrelation(SessionVariables.caseMessage(milestone))
                .processInstanceVariableEquals(CaseVariables.SESSION_ID, sessionId)
                .correlateAllWithResult().size() : correlateExcept(sessionId, milestone, Set.copyOf(extended));
        log.info("Session {} reached {} ({}); {} waiting cases moved on", sessionId, milestone,
                firedBy == null ? "timer" : "fired by " + firedBy, cases);
    }

    /**
     * Tells the waiting cases of the session except those whose materials deadline a manager extended: their own
     * deadline closes them later ({@link MaterialsExtensionCloser}).
     */
    private int correlateExcept(long sessionId, Milestone milestone, Set<String> extended) {
        String message = SessionVariables.caseMessage(milestone);
        int cases = 0;
        for (Execution execution : runtimeService.createExecutionQuery().messageEventSubscriptionName(message)
                .processVariableValueEquals(CaseVariables.SESSION_ID, sessionId).list()) {
            ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(execution.getProcessInstanceId()).singleResult();
            if (instance == null || extended.contains(instance.getBusinessKey())) {
                continue;
            }
            runtimeService.createMessageCorrelation(message).processInstanceId(instance.getId()).correlateAllWithResult();
            cases++;
        }
        log.info("Session {} reached {}; {} cases keep an extended materials deadline", sessionId, milestone, extended.size());
        return cases;
    }
}
