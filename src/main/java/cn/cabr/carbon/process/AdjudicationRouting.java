package cn.cabr.carbon.process;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.adjudication.Adjudications;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.SessionDuty;
import cn.cabr.carbon.session.SessionStaff;

/**
 * Who may take an adjudication task: the adjudicators of the sitting's session (SessionStaff), as candidate users,
 * less those who already decided on the sitting when the task is a confirmation or an appeal. With authorization on,
 * nobody else sees or claims it. A session without named adjudicators falls back to the group {@code adjudicator}
 * declared on the task. The module refuses a second decision by the same person on completion as well.
 */
@Component("adjudicationRouting")
public class AdjudicationRouting {

    private final SessionStaff staff;
    private final ExamSessions sessions;
    private final Adjudications adjudications;

    AdjudicationRouting(SessionStaff staff, ExamSessions sessions, Adjudications adjudications) {
        this.staff = staff;
        this.sessions = sessions;
        this.adjudications = adjudications;
    }

    public void route(DelegateTask task, boolean excludeEarlierDeciders) {
        long sessionId = (Long) task.getVariable(CaseVariables.SESSION_ID);
        long sittingId = (Long) task.getVariable(CaseVariables.SITTING_ID);
        Set<String> earlier = excludeEarlierDeciders ? adjudications.deciders(sittingId) : Set.of();
        List<String> eligible = staff.of(sessions.get(sessionId).getCode()).stream()
                .filter(m -> m.getDuty() == SessionDuty.ADJUDICATOR).map(m -> m.getStaffId())
                .filter(id -> !earlier.contains(id)).toList();
        if (!eligible.isEmpty()) {
            dropGroupLinks(task);
            task.addCandidateUsers(eligible);
        }
    }

    /**
     * The group declared on the task: during the create event the task is not yet flushed, so
     * {@code deleteCandidateGroup} (a database lookup) finds nothing; the links are removed from the new entity.
     */
    private static void dropGroupLinks(DelegateTask task) {
        if (task instanceof TaskEntity entity) {
            List<IdentityLinkEntity> groups = entity.getIdentityLinks().stream()
                    .filter(link -> link.getGroupId() != null).toList();
            groups.forEach(link -> {
                entity.getIdentityLinks().remove(link);
                link.delete();
            });
        } else {
            task.deleteCandidateGroup("adjudicator");
        }
    }
}
