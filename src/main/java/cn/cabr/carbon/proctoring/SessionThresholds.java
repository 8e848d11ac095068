package cn.cabr.carbon.proctoring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.proctoring.ProctoringThresholds.Action;
import cn.cabr.carbon.proctoring.ProctoringThresholds.Measure;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.shared.BusinessException;

/**
 * A manager's change of one session's proctoring limits. The limits stay in the decision table (so Cockpit shows
 * what the server applies); a change deploys a new version with the session's rules on top. Changes are refused
 * once the exam has opened, and serialised by the session's row lock, so two managers never overwrite each other's
 * change unseen: the second one starts from the first one's version.
 */
@Service
public class SessionThresholds {

    public static final int MAX_PAGE_LEAVES = 50;
    public static final int MIN_SECONDS_WITHOUT_FACE = 5;
    public static final int MIN_SECONDS_WITHOUT_HEARTBEAT = 20;
    public static final int MAX_SECONDS = 600;

    /** The four limits a manager sets; the form's field names are these component names. */
    public record Settings(int pageLeavesWarn, int pageLeavesTerminate, int secondsWithoutFace,
            int secondsWithoutHeartbeat) {

        /** The settings as people read them, for the audit log. */
        public String describe() {
            return "离开答题页面第 " + pageLeavesWarn + " 次起提醒、第 " + pageLeavesTerminate + " 次终止考试，无人脸持续 "
                    + secondsWithoutFace + " 秒标记，失去联系持续 " + secondsWithoutHeartbeat + " 秒标记";
        }
    }

    private final ProctoringThresholds thresholds;
    private final ThresholdTables tables;
    private final ExamSessions sessions;
    private final AuditLog auditLog;

    SessionThresholds(ProctoringThresholds thresholds, ThresholdTables tables, ExamSessions sessions,
            AuditLog auditLog) {
        this.thresholds = thresholds;
        this.tables = tables;
        this.sessions = sessions;
        this.auditLog = auditLog;
    }

    /** The limits the server applies to the session now (max + 1 where no value up to max leads to the action). */
    public Settings current(String sessionCode) {
        return new Settings(thresholds.lowestValueFor(sessionCode, Measure.PAGE_LEAVES, Action.WARN, MAX_PAGE_LEAVES),
                thresholds.lowestValueFor(sessionCode, Measure.PAGE_LEAVES, Action.TERMINATE, MAX_PAGE_LEAVES),
                thresholds.lowestValueFor(sessionCode, Measure.SECONDS_WITHOUT_FACE, Action.FLAG, MAX_SECONDS),
                thresholds.lowestValueFor(sessionCode, Measure.SECONDS_WITHOUT_HEARTBEAT, Action.FLAG, MAX_SECONDS));
    }

    /** Whether the session's limits may still change: until the exam opens. */
    public boolean editable(ExamSession session) {
        return !session.isArchived() && !sessions.isReachedReadOnly(session.getId(), Milestone.EXAM_OPENED);
    }

    /** What is wrong with the settings, by field name (empty when they are valid). */
    public static Map<String, String> problems(Settings s) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (s.pageLeavesWarn() < 1 || s.pageLeavesWarn() > MAX_PAGE_LEAVES) {
            problems.put("pageLeavesWarn", "提醒次数须在 1 到 " + MAX_PAGE_LEAVES + " 之间");
        }
        if (s.pageLeavesTerminate() < 1 || s.pageLeavesTerminate() > MAX_PAGE_LEAVES) {
            problems.put("pageLeavesTerminate", "终止次数须在 1 到 " + MAX_PAGE_LEAVES + " 之间");
        } else if (!problems.containsKey("pageLeavesWarn") && s.pageLeavesWarn() >= s.pageLeavesTerminate()) {
            problems.put("pageLeavesTerminate", "终止考试的次数须大于提醒的次数");
        }
        if (s.secondsWithoutFace() < MIN_SECONDS_WITHOUT_FACE || s.secondsWithoutFace() > MAX_SECONDS) {
            problems.put("secondsWithoutFace", "无人脸秒数须在 " + MIN_SECONDS_WITHOUT_FACE + " 到 " + MAX_SECONDS + " 之间");
        }
        if (s.secondsWithoutHeartbeat() < MIN_SECONDS_WITHOUT_HEARTBEAT || s.secondsWithoutHeartbeat() > MAX_SECONDS) {
            problems.put("secondsWithoutHeartbeat",
                    "失去联系秒数须在 " + MIN_SECONDS_WITHOUT_HEARTBEAT + " 到 " + MAX_SECONDS + " 之间");
        }
        return problems;
    }

    /**
     * Sets the session's limits: refused when invalid or once the exam has opened; nothing is deployed or recorded
     * then. Unchanged settings deploy nothing.
     */
    @Transactional
    public Settings change(String actor, String sessionCode, Settings settings) {
        ExamSession session = sessions.getByCode(sessionCode);
        Map<String, String> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw BusinessException.invalid("THRESHOLDS_INVALID", String.join("；", problems.values()));
        }
        // takes the session's row lock: concurrent changes of this session wait here and then see this one
        if (session.isArchived() || sessions.isReached(session.getId(), Milestone.EXAM_OPENED)) {
            throw BusinessException.conflict("THRESHOLDS_LOCKED", session.getName() + "考试已开始，监考阈值不能再修改");
        }
        tables.forgetCached(); // another node may have changed the table within the last minute
        Settings before = current(sessionCode);
        if (before.equals(settings)) {
            return before;
        }
        tables.replaceSessionRules(sessionCode, settings);
        auditLog.record(AuditAction.SESSION_CHANGED, actor, null, sessionCode,
                "修改监考阈值：" + before.describe() + " → " + settings.describe(), null);
        return settings;
    }
}
