package cn.cabr.carbon.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.shared.BusinessException;

/**
 * The proctors and adjudicators of each session. Sensitive evidence of a sitting (face images, snapshots) is shown
 * only to the staff of its session: {@link #isAssigned} is the check.
 */
@Service
@Transactional
public class SessionStaff {

    private final SessionStaffRepository members;
    private final ExamSessions sessions;
    private final StaffGroups groups;
    private final Clock clock;
    private final AuditLog auditLog;

    SessionStaff(SessionStaffRepository members, ExamSessions sessions, StaffGroups groups, Clock clock,
            AuditLog auditLog) {
        this.auditLog = auditLog;
        this.members = members;
        this.sessions = sessions;
        this.groups = groups;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SessionStaffMember> of(String sessionCode) {
        return members.findBySessionIdOrderByDutyAscStaffIdAsc(sessions.getByCode(sessionCode).getId());
    }

    @Transactional(readOnly = true)
    public boolean isAssigned(long sessionId, String staffId, SessionDuty duty) {
        return staffId != null && members.existsBySessionIdAndStaffIdAndDuty(sessionId, staffId, duty);
    }

    /** Replaces the staff of each given duty; every id must exist and belong to the duty's group. */
    public List<SessionStaffMember> assign(String sessionCode, Map<SessionDuty, List<String>> staffByDuty, String by) {
        ExamSession session = sessions.getByCode(sessionCode);
        List<String> problems = new ArrayList<>();
        staffByDuty.forEach((duty, ids) -> {
            for (String id : ids == null ? List.<String>of() : ids) {
                if (id == null || id.isBlank() || !groups.isMember(id, duty.group())) {
                    problems.add("“" + id + "”不是" + duty.label() + "（须为已有工作人员账号且属于 " + duty.group() + " 组）");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw BusinessException.invalid("STAFF_NOT_IN_GROUP", String.join("；", problems));
        }
        staffByDuty.forEach((duty, ids) -> {
            members.deleteDuty(session.getId(), duty);
            members.flush();
            Set<String> unique = new LinkedHashSet<>(ids == null ? List.of() : ids);
            unique.forEach(id -> members.save(new SessionStaffMember(session.getId(), id.strip(), duty, by, clock.instant())));
        });
        StringBuilder detail = new StringBuilder(session.getName()).append("工作人员：");
        staffByDuty.forEach((duty, ids) -> detail.append(duty.label()).append(" ")
                .append(ids == null || ids.isEmpty() ? "（无）" : String.join("、", new LinkedHashSet<>(ids))).append("；"));
        auditLog.record(AuditAction.SESSION_CHANGED, by, null, session.getCode(), detail.toString(), null);
        return members.findBySessionIdOrderByDutyAscStaffIdAsc(session.getId());
    }
}
