package cn.cabr.carbon.process;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.session.SessionRescheduled;

/**
 * Keeps the ExamSession process's waiting timer in step with the session's dates. The model reads each date when
 * its timer starts, and only the next milestone's timer waits at any time, so moving that one job is enough.
 */
@Component
class SessionTimers {

    private static final Logger log = LoggerFactory.getLogger(SessionTimers.class);

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final ExamSessions sessions;

    SessionTimers(RuntimeService runtimeService, ManagementService managementService, ExamSessions sessions) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.sessions = sessions;
    }

    @EventListener
    void onRescheduled(SessionRescheduled event) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(SessionVariables.PROCESS_KEY).processInstanceBusinessKey(event.code()).singleResult();
        if (instance == null) {
            return;
        }
        ExamSession session = sessions.get(event.sessionId());
        for (Milestone milestone : event.moved()) {
            for (Job timer : managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                    .activityId(timerId(milestone)).list()) {
                managementService.setJobDuedate(timer.getId(), Date.from(session.dueAt(milestone)));
                log.info("Session {}: timer of {} moved to {}", event.code(), milestone, session.dueAt(milestone));
            }
        }
    }

    static String timerId(Milestone milestone) {
        return "Timer_" + SessionVariables.camelCase(milestone);
    }
}
