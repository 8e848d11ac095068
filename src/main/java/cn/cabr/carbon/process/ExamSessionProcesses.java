package cn.cabr.carbon.process;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.scoring.ScorePublications;
import cn.cabr.carbon.scoring.WaitingSitting;
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

    /** The manager's task when the publication date came while sittings still waited. */
    static final String RESOLVE_PUBLICATION_TASK = "Task_ResolvePublicationBlocked";
    /** Waiting sittings listed (with names) in a 409 answer or the publication view. */
    static final int LISTED = 200;

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final ExamSessions sessions;
    private final PublicationReadiness readiness;
    private final ScorePublications publications;
    private final ZoneId zone;
    private final AuditLog auditLog;

    ExamSessionProcesses(RuntimeService runtimeService, HistoryService historyService, TaskService taskService,
            ExamSessions sessions, PublicationReadiness readiness, ScorePublications publications, ZoneId businessZone,
            AuditLog auditLog) {
        this.auditLog = auditLog;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.sessions = sessions;
        this.readiness = readiness;
        this.publications = publications;
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
        return fire(sessionCode, milestone, manager, false, null);
    }

    /**
     * The same; publishing the scores is refused (409 with the list) while sittings still wait for grading or
     * adjudication, unless {@code publishReady} with a reason: then the ready results are published now and the
     * waiting ones follow, each when done. When the publication date already came and a manager's task waits for
     * that decision, this completes the task.
     */
    @Transactional
    public Milestone fire(String sessionCode, Milestone milestone, String manager, boolean publishReady, String reason) {
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
        auditLog.record(AuditAction.MILESTONE_FIRED, manager, null, session.getCode(), session.getName() + "手动触发“"
                + milestone.label() + "”（计划时间 " + Dates.dateTime(session.dueAt(milestone), zone) + "）",
                milestone == Milestone.SCORES_PUBLISHED && publishReady ? reason : null);
        if (milestone == Milestone.SCORES_PUBLISHED && publishScores(session, manager, publishReady, reason)) {
            return milestone;
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

    /**
     * Checks the session's waiting sittings before its scores are published. Returns true when it completed the
     * manager's open "publication blocked" task instead of correlating the fire message.
     */
    private boolean publishScores(ExamSession session, String manager, boolean publishReady, String reason) {
        List<PublicationReadiness.Waiting> waiting = readiness.waiting(session.getId());
        if (!waiting.isEmpty() && !publishReady) {
            throw new PublicationBlockedException(session.getName(), waiting.size(), readiness.named(waiting, LISTED));
        }
        Task blocked = taskService.createTaskQuery().processDefinitionKey(SessionVariables.PROCESS_KEY)
                .processInstanceBusinessKey(session.getCode()).taskDefinitionKey(RESOLVE_PUBLICATION_TASK).singleResult();
        if (blocked != null) {
            Map<String, Object> answer = new HashMap<>();
            answer.put(SessionVariables.PUBLICATION_DECISION,
                    waiting.isEmpty() ? PublicationTasks.RECHECK : PublicationTasks.PUBLISH_READY);
            answer.put(SessionVariables.PUBLICATION_REASON, reason);
            answer.put(SessionVariables.FIRED_BY, manager);
            taskService.complete(blocked.getId(), answer);
            return true;
        }
        if (!waiting.isEmpty()) {
            publications.publishReady(session.getId(), manager, reason, PublicationReadiness.unnamed(waiting));
        }
        return false;
    }

    /** What the publication of a session's scores waits for now, and the managers' decisions so far. */
    @Transactional(readOnly = true)
    public PublicationView publication(String sessionCode) {
        ExamSession session = sessions.getByCode(sessionCode);
        List<PublicationReadiness.Waiting> waiting = readiness.waiting(session.getId());
        SessionMilestone reached = sessions.reachedMilestones(session.getId()).get(Milestone.SCORES_PUBLISHED);
        boolean taskOpen = taskService.createTaskQuery().processDefinitionKey(SessionVariables.PROCESS_KEY)
                .processInstanceBusinessKey(sessionCode).taskDefinitionKey(RESOLVE_PUBLICATION_TASK).count() > 0;
        return new PublicationView(session.getCode(), session.dueAt(Milestone.SCORES_PUBLISHED),
                reached == null ? null : reached.getReachedAt(), reached == null ? null : reached.getReachedBy(),
                taskOpen, waiting.size(), readiness.named(waiting, LISTED),
                publications.ofSession(session.getId()).stream().map(p -> new PublicationView.Decision(
                        p.getDecidedAt(), p.getDecidedBy(), p.getReason(), p.getWaitingCount())).toList());
    }

    public record PublicationView(String sessionCode, Instant dueAt, Instant publishedAt, String publishedBy,
            boolean managerTaskOpen, int waitingCount, List<WaitingSitting> waiting, List<Decision> publishReadyDecisions) {

        public record Decision(Instant decidedAt, String decidedBy, String reason, int waitingCount) {
        }
    }

    private void start(long sessionId, String code) {
        runtimeService.startProcessInstanceByKey(SessionVariables.PROCESS_KEY, code,
                Map.of(SessionVariables.SESSION_ID, sessionId));
    }
}
