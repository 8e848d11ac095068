package cn.cabr.carbon.process;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.session.SessionCreated;
import cn.cabr.carbon.session.SessionMilestone;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.Dates;

/**
 * One ExamSession process per live session: started when the session is created (and on start-up for a live
 * session that has none), fired early by a manager when a demo or a test cannot wait for the date.
 * Archived sessions (their dates long past) get none, so nothing rushes through old milestones.
 */
@Component
public class ExamSessionProcesses {

    private static final Logger log = LoggerFactory.getLogger(ExamSessionProcesses.class);

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final ExamSessions sessions;
    private final ZoneId zone;

    ExamSessionProcesses(RuntimeService runtimeService, HistoryService historyService, ExamSessions sessions,
            ZoneId businessZone) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.sessions = sessions;
        this.zone = businessZone;
    }

    @EventListener
    void onSessionCreated(SessionCreated event) {
        if (!event.archived()) {
            start(event.sessionId(), event.code());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    @Transactional
    public void ensureRunning() {
        for (ExamSession session : sessions.live()) {
            boolean exists = runtimeService.createProcessInstanceQuery().processDefinitionKey(SessionVariables.PROCESS_KEY)
                    .processInstanceBusinessKey(session.getCode()).count() > 0
                    || historyService.createHistoricProcessInstanceQuery()
                            .processDefinitionKey(SessionVariables.PROCESS_KEY)
                            .processInstanceBusinessKey(session.getCode()).count() > 0;
            if (!exists) {
                log.info("Starting the missing ExamSession process of session {}", session.getCode());
                start(session.getId(), session.getCode());
            }
        }
    }

    /**
     * Fires the session's next milestone now. Milestones go in order: firing a later one first, or one
     * already reached, is refused with the reason.
     */
    @Transactional
    public Milestone fire(String sessionCode, Milestone milestone, String manager) {
        ExamSession session = sessions.getByCode(sessionCode);
        if (session.isArchived()) {
            throw BusinessException.conflict("SESSION_ARCHIVED", session.getName() + "已归档，不能触发节点");
        }
        Map<Milestone, SessionMilestone> reached = sessions.reachedMilestones(session.getId());
        if (reached.containsKey(milestone)) {
            SessionMilestone m = reached.get(milestone);
            throw BusinessException.conflict("MILESTONE_ALREADY_REACHED", "“" + milestone.label() + "”已于 "
                    + Dates.dateTime(m.getReachedAt(), zone) + " 到达（" + m.getReachedBy() + "）");
        }
        Optional<Milestone> next = sessions.nextMilestone(session.getId());
        if (next.isPresent() && next.get() != milestone) {
            throw BusinessException.conflict("MILESTONE_OUT_OF_ORDER",
                    "请先触发“" + next.get().label() + "”，节点须按顺序到达");
        }
        try {
            runtimeService.createMessageCorrelation(SessionVariables.fireMessage(milestone))
                    .processInstanceBusinessKey(sessionCode)
                    .setVariable(SessionVariables.FIRED_BY, manager)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw BusinessException.conflict("MILESTONE_IN_PROGRESS",
                    "“" + milestone.label() + "”正在处理中（其时间已到或上一节点尚未处理完），请稍后刷新查看");
        }
        return milestone;
    }

    private void start(long sessionId, String code) {
        runtimeService.startProcessInstanceByKey(SessionVariables.PROCESS_KEY, code,
                Map.of(SessionVariables.SESSION_ID, sessionId));
    }
}
