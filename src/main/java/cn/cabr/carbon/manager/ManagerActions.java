package cn.cabr.carbon.manager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.notification.Notification;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.SessionDefinition;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.training.TrainingHours;

/**
 * A manager's actions that span modules, each in one transaction with its audit entry: the training-hours import
 * and the re-sending of notifications. Nothing is half-done: a refusal rolls the whole action back.
 */
@Service
@Transactional
public class ManagerActions {

    static final int MAX_REASON_LENGTH = 500;
    static final int MAX_BULK = 500;

    private final TrainingHours trainingHours;
    private final Applications applications;
    private final Notifications notifications;
    private final ExamSessions sessions;
    private final AuditLog auditLog;
    private final java.time.ZoneId zone;

    ManagerActions(TrainingHours trainingHours, Applications applications, Notifications notifications,
            ExamSessions sessions, AuditLog auditLog, java.time.ZoneId businessZone) {
        this.zone = businessZone;
        this.trainingHours = trainingHours;
        this.applications = applications;
        this.notifications = notifications;
        this.sessions = sessions;
        this.auditLog = auditLog;
    }

    /** Imports a training-hours file; an accepted import is audited, a rejected one adds nothing. */
    public TrainingHours.ImportOutcome importTrainingHours(String actor, String filename, byte[] content, String source) {
        if (content == null || content.length == 0) {
            throw BusinessException.invalid("IMPORT_FILE_REQUIRED", "请选择要导入的 .xlsx 或 .csv 文件");
        }
        String from = source == null || source.isBlank() ? "碳排放管理专业技术人员培训综合服务平台" : source.strip();
        if (from.length() > 100) {
            throw BusinessException.invalid("IMPORT_SOURCE_INVALID", "数据来源不超过 100 字");
        }
        TrainingHours.ImportOutcome outcome = trainingHours.importFile(filename, content, from);
        if (outcome.accepted()) {
            auditLog.record(AuditAction.TRAINING_HOURS_IMPORTED, actor, null, null,
                    "导入培训学时：文件“" + filename + "”，" + outcome.report().records() + " 条记录，"
                            + outcome.report().candidates() + " 名考生，共 " + outcome.report().hours().toPlainString()
                            + " 学时（批次 " + outcome.report().batch() + "，来源：" + from + "）", null);
        }
        return outcome;
    }

    /**
     * Queues the latest notification of each chosen application of the session again, for the portal and e-mail.
     * A reason is required; every application must belong to the session and have a notification, or nothing is sent.
     */
    public List<Notification> resendNotifications(String actor, String sessionCode, List<String> applicationNumbers,
            String reason) {
        ExamSession session = sessions.getByCode(sessionCode);
        String why = requireReason(reason, "重发通知");
        Set<String> numbers = new LinkedHashSet<>(applicationNumbers == null ? List.of() : applicationNumbers);
        numbers.removeIf(n -> n == null || n.isBlank());
        if (numbers.isEmpty()) {
            throw BusinessException.invalid("NO_CANDIDATE_SELECTED", "请至少选择一名考生");
        }
        if (numbers.size() > MAX_BULK) {
            throw BusinessException.invalid("TOO_MANY_SELECTED", "一次最多选择 " + MAX_BULK + " 名考生");
        }
        List<Notification> sent = new ArrayList<>();
        for (String number : numbers) {
            Application application = applications.getByNumber(number.strip());
            if (!application.getSessionId().equals(session.getId())) {
                throw BusinessException.invalid("APPLICATION_NOT_IN_SESSION", number + " 不属于" + session.getName());
            }
            Notification copy = notifications.resendLatest(application.getId(), application.getApplicationNumber());
            auditLog.record(AuditAction.NOTIFICATION_RESENT, actor, application.getApplicationNumber(), session.getCode(),
                    "重发通知“" + copy.getTitle() + "”（站内信及邮件）", why);
            sent.add(copy);
        }
        return sent;
    }

    /** Creates a session with all its settings in one transaction: a refusal of any part leaves nothing behind. */
    public ExamSession createSession(SessionDefinition definition, boolean sequentialNavigation,
            boolean identityCheckRequired, int evidenceRetentionDays) {
        ExamSession session = sessions.create(definition);
        sessions.changeExamSettings(session.getCode(), sequentialNavigation, definition.supportContact());
        sessions.changeProctoringSettings(session.getCode(), identityCheckRequired, evidenceRetentionDays);
        return session;
    }

    /** Changes the settings of a session that may still change, all or none. */
    public ExamSession changeSettings(String actor, String code, SessionForm.Settings settings) {
        ExamSession session = sessions.getByCode(code);
        ExamSessions.Schedule schedule = settings.schedule();
        if (!schedule.dates().isEmpty() || schedule.durationMinutes() != session.getDurationMinutes()
                || schedule.totalPoints() != session.getTotalPoints() || schedule.passMark() != session.getPassMark()
                || schedule.requiredHours() != session.getRequiredHours()) {
            String before = figures(session);
            sessions.reschedule(code, schedule);
            auditLog.record(AuditAction.SESSION_CHANGED, actor, null, code, "修改考期日期或考试规模：" + before + " → "
                    + figures(sessions.getByCode(code)), null);
        }
        sessions.changeExamSettings(code, settings.sequentialNavigation(), settings.supportContact());
        if (session.getMultipleChoicePolicy() != settings.policy() || session.isDoubleMarking() != settings.doubleMarking()
                || session.getMarkingThreshold() != settings.markingThreshold()) {
            sessions.changeGrading(code, settings.policy(), settings.doubleMarking(), settings.markingThreshold());
        }
        return sessions.changeProctoringSettings(code, settings.identityCheckRequired(), settings.evidenceRetentionDays());
    }

    private String figures(ExamSession s) {
        StringBuilder text = new StringBuilder();
        for (cn.cabr.carbon.session.Milestone m : cn.cabr.carbon.session.Milestone.values()) {
            text.append(m.label()).append(' ').append(cn.cabr.carbon.shared.Dates.dateTime(s.dueAt(m), zone)).append("，");
        }
        return text.append("时长 ").append(s.getDurationMinutes()).append(" 分钟，总分 ").append(s.getTotalPoints())
                .append("，及格分 ").append(s.getPassMark()).append("，学时要求 ").append(s.getRequiredHours()).toString();
    }

    static String requireReason(String reason, String what) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw BusinessException.invalid("REASON_REQUIRED", "请填写" + what + "的理由");
        }
        if (why.length() > MAX_REASON_LENGTH) {
            throw BusinessException.invalid("REASON_TOO_LONG", "理由不超过 " + MAX_REASON_LENGTH + " 字");
        }
        return why;
    }
}
