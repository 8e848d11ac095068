package cn.cabr.carbon.session;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.shared.BusinessException;

/** The exam sessions: their data, their milestones and the numbers handed out within a session. */
@Service
@Transactional
public class ExamSessions {

    private final ExamSessionRepository sessions;
    private final SessionMilestoneRepository milestones;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog auditLog;

    ExamSessions(ExamSessionRepository sessions, SessionMilestoneRepository milestones,
            ApplicationEventPublisher events, Clock clock, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.sessions = sessions;
        this.milestones = milestones;
        this.events = events;
        this.clock = clock;
    }

    public ExamSession create(SessionDefinition definition) {
        if (sessions.findByCode(definition.code()).isPresent()) {
            throw BusinessException.conflict("SESSION_CODE_TAKEN", "考期编号已存在：" + definition.code());
        }
        ExamSession session = new ExamSession(definition, false, clock.instant());
        session.checkConsistency();
        sessions.save(session);
        auditLog.record(AuditAction.SESSION_CREATED, auditLog.currentActor(), null, session.getCode(),
                "创建考期 " + session.getCode() + "（" + session.getName() + "）", null);
        events.publishEvent(new SessionCreated(session.getId(), session.getCode(), false));
        return session;
    }

    @Transactional(readOnly = true)
    public ExamSession get(long sessionId) {
        return sessions.findById(sessionId)
                .orElseThrow(() -> BusinessException.notFound("SESSION_NOT_FOUND", "考期不存在：" + sessionId));
    }

    @Transactional(readOnly = true)
    public ExamSession getByCode(String code) {
        return sessions.findByCode(code)
                .orElseThrow(() -> BusinessException.notFound("SESSION_NOT_FOUND", "考期不存在：" + code));
    }

    @Transactional(readOnly = true)
    public Optional<ExamSession> findByCode(String code) {
        return sessions.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<ExamSession> all() {
        return sessions.findAllByOrderByExamStartAtDesc();
    }

    @Transactional(readOnly = true)
    public List<ExamSession> live() {
        return sessions.findByArchivedFalseOrderByExamStartAt();
    }

    /** Sessions a candidate can apply to now. */
    @Transactional(readOnly = true)
    public List<ExamSession> openForApplications() {
        return live().stream().filter(s -> !hasPassed(s, Milestone.APPLICATIONS_CLOSED)).toList();
    }

    /**
     * Whether a milestone has been reached. Takes the session's row lock, so a case that checks this just as
     * the milestone is being reached either sees it reached or is already waiting when the milestone's
     * messages are sent: it can never miss both.
     */
    public boolean isReached(long sessionId, Milestone milestone) {
        lock(sessionId);
        return milestones.findBySessionIdAndMilestone(sessionId, milestone).isPresent();
    }

    /** Grading rules may change until the exam has ended; results computed later use them. */
    public ExamSession changeGrading(String code, MultipleChoicePolicy policy, boolean doubleMarking, int threshold) {
        ExamSession session = getByCode(code);
        if (isReachedReadOnly(session.getId(), Milestone.EXAM_CLOSED)) {
            throw BusinessException.conflict("GRADING_LOCKED", session.getName() + "考试已结束，评分规则不能再修改");
        }
        if (policy == null || threshold < 0) {
            throw BusinessException.invalid("GRADING_INVALID", "请选择多选题计分规则，分差阈值不能为负数");
        }
        ExamSession locked = lock(session.getId());
        String before = gradingRules(locked);
        locked.changeGrading(policy, doubleMarking, threshold);
        recordChange(locked, "评分规则：", before, gradingRules(locked));
        return session;
    }

    static final int MAX_SUPPORT_CONTACT_LENGTH = 100;

    /**
     * The exam page's settings. The navigation mode is fixed once the exam has opened (candidates' pages and the
     * server's checks rely on it for the whole sitting); the support contact may change at any time. Either value
     * may be left out (null) to keep it.
     */
    public ExamSession changeExamSettings(String code, Boolean sequentialNavigation, String supportContact) {
        ExamSession session = getByCode(code);
        String contact = supportContact == null ? session.getSupportContact() : supportContact.strip();
        if (contact.isEmpty() || contact.length() > MAX_SUPPORT_CONTACT_LENGTH) {
            throw BusinessException.invalid("SUPPORT_CONTACT_INVALID",
                    "请填写考试技术支持联系方式（如客服电话），不超过 " + MAX_SUPPORT_CONTACT_LENGTH + " 个字");
        }
        boolean sequential = sequentialNavigation == null ? session.isSequentialNavigation() : sequentialNavigation;
        ExamSession locked = lock(session.getId());
        if (sequential != locked.isSequentialNavigation()
                && milestones.findBySessionIdAndMilestone(locked.getId(), Milestone.EXAM_OPENED).isPresent()) {
            throw BusinessException.conflict("NAVIGATION_LOCKED",
                    locked.getName() + "考试已开始，不能再更改作答顺序设置（按顺序作答 / 自由选题）");
        }
        String before = examSettings(locked);
        locked.changeExamSettings(sequential, contact);
        recordChange(locked, "考试设置：", before, examSettings(locked));
        return locked;
    }

    static final int MAX_EVIDENCE_RETENTION_DAYS = 3650;

    /**
     * Proctoring settings: the identity check-in before the answer page, and the days face images and snapshots
     * are kept (1 to 3650). Either value may be left out (null) to keep it.
     */
    public ExamSession changeProctoringSettings(String code, Boolean identityCheckRequired, Integer evidenceRetentionDays) {
        ExamSession session = lock(getByCode(code).getId());
        int days = evidenceRetentionDays == null ? session.getEvidenceRetentionDays() : evidenceRetentionDays;
        if (days < 1 || days > MAX_EVIDENCE_RETENTION_DAYS) {
            throw BusinessException.invalid("RETENTION_DAYS_INVALID",
                    "监考证据保存天数须在 1 到 " + MAX_EVIDENCE_RETENTION_DAYS + " 天之间");
        }
        String before = proctoringSettings(session);
        session.changeProctoringSettings(
                identityCheckRequired == null ? session.isIdentityCheckRequired() : identityCheckRequired, days);
        recordChange(session, "监考设置：", before, proctoringSettings(session));
        return session;
    }

    /** A saved form that changed nothing is not a decision: only real changes go into the audit log. */
    private void recordChange(ExamSession session, String what, String before, String after) {
        if (!before.equals(after)) {
            auditLog.record(AuditAction.SESSION_CHANGED, auditLog.currentActor(), null, session.getCode(),
                    session.getName() + what + before + " → " + after, null);
        }
    }

    /** New dates (only those that change need be given) and figures of a session. */
    public record Schedule(Map<Milestone, Instant> dates, int durationMinutes, int totalPoints, int passMark,
            int requiredHours) {
    }

    /**
     * Moves dates of milestones not reached yet and changes the session's figures while they still matter: the
     * exam's duration until the exam opens, total points and pass mark until the exam closes, the required hours
     * until they are counted. A reached milestone keeps its date; a new date cannot lie in the past (firing the
     * milestone is the way to reach it now). Every problem is listed; nothing changes unless all is right.
     */
    public ExamSession reschedule(String code, Schedule schedule) {
        ExamSession session = lock(getByCode(code).getId());
        if (session.isArchived()) {
            throw BusinessException.conflict("SESSION_ARCHIVED", session.getName() + "已归档，不能修改");
        }
        Map<Milestone, SessionMilestone> reached = reachedMilestones(session.getId());
        java.time.Instant now = clock.instant();
        List<String> problems = new java.util.ArrayList<>();
        Map<Milestone, java.time.Instant> dates = new EnumMap<>(Milestone.class);
        java.util.Set<Milestone> moved = java.util.EnumSet.noneOf(Milestone.class);
        for (Milestone m : Milestone.values()) {
            java.time.Instant old = session.dueAt(m);
            java.time.Instant wanted = schedule.dates().getOrDefault(m, old);
            if (wanted.equals(old)) {
                dates.put(m, old);
                continue;
            }
            if (reached.containsKey(m)) {
                problems.add("“" + m.label() + "”已到达，日期不能再修改");
            } else if (wanted.isBefore(now)) {
                problems.add(m.label() + "不能早于当前时间（如需现在到达，请使用“立即触发”）");
            }
            dates.put(m, wanted);
            moved.add(m);
        }
        if (schedule.durationMinutes() != session.getDurationMinutes() && reached.containsKey(Milestone.EXAM_OPENED)) {
            problems.add("考试已开始，考试时长不能再修改");
        }
        if ((schedule.totalPoints() != session.getTotalPoints() || schedule.passMark() != session.getPassMark())
                && reached.containsKey(Milestone.EXAM_CLOSED)) {
            problems.add("考试已结束，总分和及格分不能再修改");
        }
        if (schedule.requiredHours() != session.getRequiredHours() && reached.containsKey(Milestone.HOURS_COUNTED)) {
            problems.add("学时已统计，学时要求不能再修改");
        }
        if (!problems.isEmpty()) {
            throw BusinessException.invalid("SESSION_SETTINGS_INVALID", "考期设置有误：" + String.join("；", problems));
        }
        session.reschedule(dates, schedule.durationMinutes(), schedule.totalPoints(), schedule.passMark(),
                schedule.requiredHours());
        session.checkConsistency();
        if (!moved.isEmpty()) {
            events.publishEvent(new SessionRescheduled(session.getId(), session.getCode(), moved));
        }
        return session;
    }

    /** Whether a milestone has been reached, for display: no lock. */
    @Transactional(readOnly = true)
    public boolean isReachedReadOnly(long sessionId, Milestone milestone) {
        return milestones.findBySessionIdAndMilestone(sessionId, milestone).isPresent();
    }

    /** Reached, or due by the clock: what deadlines for candidates go by (a late timer never extends one). */
    @Transactional(readOnly = true)
    public boolean hasPassed(ExamSession session, Milestone milestone) {
        return !clock.instant().isBefore(session.dueAt(milestone))
                || milestones.findBySessionIdAndMilestone(session.getId(), milestone).isPresent();
    }

    /** Marks the milestone reached; false when it already was (timers and managers may both get there). */
    public boolean reach(long sessionId, Milestone milestone, String by) {
        lock(sessionId);
        if (milestones.findBySessionIdAndMilestone(sessionId, milestone).isPresent()) {
            return false;
        }
        milestones.save(new SessionMilestone(sessionId, milestone, clock.instant(), by));
        events.publishEvent(new MilestoneReached(sessionId, milestone));
        return true;
    }

    @Transactional(readOnly = true)
    public Map<Milestone, SessionMilestone> reachedMilestones(long sessionId) {
        Map<Milestone, SessionMilestone> reached = new EnumMap<>(Milestone.class);
        milestones.findBySessionId(sessionId).forEach(m -> reached.put(m.getMilestone(), m));
        return reached;
    }

    /** The first milestone not reached yet, which is the only one a manager may fire now. */
    @Transactional(readOnly = true)
    public Optional<Milestone> nextMilestone(long sessionId) {
        Map<Milestone, SessionMilestone> reached = reachedMilestones(sessionId);
        return Arrays.stream(Milestone.values()).filter(m -> !reached.containsKey(m)).findFirst();
    }

    /** Application numbers read {@code <session code>-<6-digit sequence>}, e.g. 2023-08-000123. */
    public String nextApplicationNumber(long sessionId) {
        ExamSession session = lock(sessionId);
        return "%s-%06d".formatted(session.getCode(), session.takeApplicationSeq());
    }

    /**
     * Certificate numbers read {@code CEM-<issue year>-<session code>-<5-digit sequence>}: the sequence counts per
     * session from 00001, taken under the session's row lock, so two nodes issuing at once never share a number.
     * Taken in the transaction that records the certificate, it has no gaps: a rollback returns the number.
     */
    public String nextCertificateNumber(long sessionId, LocalDate issuedOn) {
        ExamSession session = lock(sessionId);
        return "CEM-%d-%s-%05d".formatted(issuedOn.getYear(), session.getCode(), session.takeCertificateSeq());
    }

    /**
     * Takes the session's row lock for the rest of the transaction. Certificates are numbered under it: whoever
     * holds it sees every certificate of the session committed before.
     */
    public void lockForCertificates(long sessionId) {
        lock(sessionId);
    }

    private static String gradingRules(ExamSession s) {
        return "多选题" + s.getMultipleChoicePolicy().label() + "，" + (s.isDoubleMarking() ? "双评" : "单评")
                + "，分差阈值 " + s.getMarkingThreshold() + " 分";
    }

    private static String examSettings(ExamSession s) {
        return (s.isSequentialNavigation() ? "按顺序作答" : "自由选题") + "，技术支持 " + s.getSupportContact();
    }

    private static String proctoringSettings(ExamSession s) {
        return (s.isIdentityCheckRequired() ? "须身份核验" : "无需身份核验") + "，证据保存 " + s.getEvidenceRetentionDays() + " 天";
    }

    private ExamSession lock(long sessionId) {
        return sessions.lockById(sessionId)
                .orElseThrow(() -> BusinessException.notFound("SESSION_NOT_FOUND", "考期不存在：" + sessionId));
    }
}
