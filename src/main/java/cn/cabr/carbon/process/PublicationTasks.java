package cn.cabr.carbon.process;

import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.scoring.ScorePublications;
import cn.cabr.carbon.scoring.WaitingSitting;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.Dates;

/**
 * 成绩公布受阻，请决定: the manager's task when the publication date came while sittings still waited. Shows the list;
 * on completion either records the decision to publish the ready results now (reason required) or lets the process
 * check again.
 */
@Component("publicationTasks")
public class PublicationTasks {

    static final String PUBLISH_READY = "PUBLISH_READY";
    static final String RECHECK = "RECHECK";
    /** Rows of the list the form shows (Camunda keeps texts up to ~4,000 characters inline). */
    static final int SHOWN = 40;

    private final PublicationReadiness readiness;
    private final ScorePublications publications;
    private final ExamSessions sessions;
    private final ZoneId zone;

    PublicationTasks(PublicationReadiness readiness, ScorePublications publications, ExamSessions sessions,
            ZoneId businessZone) {
        this.readiness = readiness;
        this.publications = publications;
        this.sessions = sessions;
        this.zone = businessZone;
    }

    public void prepare(DelegateTask task) {
        long sessionId = (Long) task.getVariable(SessionVariables.SESSION_ID);
        ExamSession session = sessions.get(sessionId);
        List<PublicationReadiness.Waiting> waiting = readiness.waiting(sessionId);
        task.setVariableLocal("publicationSummary", "**" + session.getName() + "**：公布成绩日期 "
                + Dates.dateTime(session.dueAt(Milestone.SCORES_PUBLISHED), zone) + " 已到，仍有 **" + waiting.size()
                + "** 名考生的阅卷或违纪裁定未完成，系统尚未公布任何成绩。");
        task.setVariableLocal("waitingList", table(readiness.named(waiting, SHOWN), waiting.size()));
        task.setVariableLocal(SessionVariables.PUBLICATION_DECISION, Variables.stringValue(null));
        task.setVariableLocal(SessionVariables.PUBLICATION_REASON, Variables.stringValue(null));
    }

    public void completed(DelegateTask task) {
        Object decision = submitted(task, SessionVariables.PUBLICATION_DECISION);
        if (decision == null || !(PUBLISH_READY.equals(decision.toString()) || RECHECK.equals(decision.toString()))) {
            throw BusinessException.invalid("DECISION_MISSING", "请选择：先行公布已完成的成绩，或稍后重新检查");
        }
        if (PUBLISH_READY.equals(decision.toString())) {
            long sessionId = (Long) task.getVariable(SessionVariables.SESSION_ID);
            String manager = actor(task);
            publications.publishReady(sessionId, manager, TaskForms.text(submitted(task, SessionVariables.PUBLICATION_REASON)),
                    PublicationReadiness.unnamed(readiness.waiting(sessionId)));
            task.getExecution().setVariable(SessionVariables.FIRED_BY, manager);
        }
        task.getExecution().setVariable(SessionVariables.PUBLICATION_DECISION, decision.toString());
    }

    static String table(List<WaitingSitting> shown, int total) {
        StringBuilder md = new StringBuilder("| 报名编号 | 姓名 | 等待 |\n|---|---|---|\n");
        shown.forEach(w -> md.append("| ").append(w.applicationNumber()).append(" | ").append(w.candidateName())
                .append(" | ").append(w.waitingFor()).append(" |\n"));
        if (total > shown.size()) {
            md.append("\n另有 ").append(total - shown.size()).append(" 名考生未列出（共 ").append(total)
                    .append(" 名；GET /api/manager/sessions/{考期编号}/publication 可查看完整名单）。\n");
        }
        return md.toString();
    }

    private static Object submitted(DelegateTask task, String field) {
        Object local = task.getVariableLocal(field);
        return local != null ? local : task.getExecution().getVariable(field);
    }

    private static String actor(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        Object by = task.getExecution().getVariable(SessionVariables.FIRED_BY);
        return by != null ? by.toString() : task.getAssignee() != null ? task.getAssignee() : "system";
    }
}
