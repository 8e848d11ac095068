package cn.cabr.carbon.adjudication;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.exam.SittingStatus;
import cn.cabr.carbon.proctoring.Heartbeats;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.SessionDuty;
import cn.cabr.carbon.session.SessionStaff;
import cn.cabr.carbon.shared.BusinessException;

/**
 * The proctors' live view: the sittings in progress of the sessions a proctor works, with their event counts and when
 * the candidate's browser was last heard of; a warning to a candidate; ending a sitting with a reason. "Last seen" is
 * the latest of the answer page's heartbeat, proctoring event, answer save and start; a sitting silent for as long as
 * makes a network gap (ProctoringThresholds.dmn) carries its seconds of silence, by the server's clock.
 */
@Service
@Transactional
public class LiveProctoring {

    static final int MIN_REASON_LENGTH = 5;

    public record LiveSitting(long sittingId, String applicationNumber, String candidateName, long sessionId,
            Instant startedAt, Instant deadline, long events, long flaggedEvents, long pageLeaves, Instant lastSeen,
            Instant lastHeartbeat, Long silentSeconds) {
    }

    private static final String LIVE_SITTINGS = """
            SELECT s.id, a.application_number, c.full_name, s.session_id, s.started_at, s.deadline,
              (SELECT COUNT(*) FROM proctoring_event e WHERE e.sitting_id = s.id) AS events,
              (SELECT COUNT(*) FROM proctoring_event e WHERE e.sitting_id = s.id AND e.flagged = TRUE) AS flagged,
              (SELECT COUNT(*) FROM proctoring_event e WHERE e.sitting_id = s.id
                 AND e.event_type IN ('PAGE_LEFT', 'WINDOW_BLUR')) AS leaves,
              (SELECT MAX(e.received_at) FROM proctoring_event e WHERE e.sitting_id = s.id) AS last_event,
              (SELECT MAX(w.saved_at) FROM answer w WHERE w.sitting_id = s.id) AS last_save,
              (SELECT h.last_heartbeat_at FROM sitting_heartbeat h WHERE h.sitting_id = s.id) AS last_heartbeat
            FROM sitting s
            JOIN application a ON a.id = s.application_id
            JOIN candidate c ON c.id = s.candidate_id
            WHERE s.status = 'IN_PROGRESS'
              AND s.session_id IN (SELECT t.session_id FROM session_staff t WHERE t.staff_id = ? AND t.duty = 'PROCTOR')
            ORDER BY flagged DESC, a.application_number
            """;

    private final JdbcTemplate jdbc;
    private final SessionStaff staff;
    private final ExamDelivery delivery;
    private final ProctorMessageRepository messages;
    private final Clock clock;
    private final Heartbeats heartbeats;
    private final AuditLog auditLog;
    private final ExamSessions sessions;

    LiveProctoring(JdbcTemplate jdbc, SessionStaff staff, ExamDelivery delivery, ProctorMessageRepository messages,
            Clock clock, Heartbeats heartbeats, AuditLog auditLog, ExamSessions sessions) {
        this.auditLog = auditLog;
        this.sessions = sessions;
        this.heartbeats = heartbeats;
        this.jdbc = jdbc;
        this.staff = staff;
        this.delivery = delivery;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<LiveSitting> sittingsFor(String proctor) {
        Instant now = clock.instant();
        Map<Long, Integer> gapSeconds = new HashMap<>();
        return jdbc.query(LIVE_SITTINGS, (rs, i) -> {
            Instant lastEvent = instant(rs.getTimestamp("last_event"));
            Instant lastSave = instant(rs.getTimestamp("last_save"));
            Instant started = instant(rs.getTimestamp("started_at"));
            Instant lastHeartbeat = instant(rs.getTimestamp("last_heartbeat"));
            Instant lastSeen = latest(latest(latest(lastEvent, lastSave), started), lastHeartbeat);
            long sessionId = rs.getLong("session_id");
            long silent = Duration.between(latest(lastHeartbeat, started), now).toSeconds();
            boolean gap = silent >= gapSeconds.computeIfAbsent(sessionId, heartbeats::gapSecondsOf);
            return new LiveSitting(rs.getLong("id"), rs.getString("application_number"), rs.getString("full_name"),
                    sessionId, started, instant(rs.getTimestamp("deadline")), rs.getLong("events"),
                    rs.getLong("flagged"), rs.getLong("leaves"), lastSeen, lastHeartbeat, gap ? silent : null);
        }, proctor);
    }

    public ProctorMessage warn(long sittingId, String proctor, String message) {
        Sitting sitting = proctored(sittingId, proctor);
        if (message == null || message.strip().length() < MIN_REASON_LENGTH) {
            throw BusinessException.invalid("WARNING_TEXT_REQUIRED", "请填写警告内容（至少 " + MIN_REASON_LENGTH + " 个字），考生将在答题页面看到");
        }
        requireInProgress(sitting);
        ProctorMessage saved = messages.save(new ProctorMessage(sittingId, ProctorMessage.WARNING, limit(message), proctor,
                clock.instant()));
        auditLog.record(AuditAction.PROCTOR_WARNING_SENT, proctor, sitting.getApplicationNumber(),
                sessions.get(sitting.getSessionId()).getCode(),
                "监考员向报名 " + sitting.getApplicationNumber() + " 的考生发出警告：" + saved.getMessage(), null);
        return saved;
    }

    /** Ends the sitting; the reason is kept, shown to the candidate and to the adjudicators (the case goes to them). */
    public ProctorMessage terminate(long sittingId, String proctor, String reason) {
        Sitting sitting = proctored(sittingId, proctor);
        if (reason == null || reason.strip().length() < MIN_REASON_LENGTH) {
            throw BusinessException.invalid("TERMINATION_REASON_REQUIRED", "请填写终止考试的理由（至少 " + MIN_REASON_LENGTH + " 个字），考生和裁定人员将看到此理由");
        }
        requireInProgress(sitting);
        ProctorMessage saved = messages.save(new ProctorMessage(sittingId, ProctorMessage.TERMINATION, limit(reason),
                proctor, clock.instant()));
        delivery.terminate(sittingId);
        auditLog.record(AuditAction.SITTING_TERMINATED, proctor, sitting.getApplicationNumber(),
                sessions.get(sitting.getSessionId()).getCode(),
                "监考员终止报名 " + sitting.getApplicationNumber() + " 的考试（第 " + sitting.getAttempt() + " 次考试）",
                saved.getMessage());
        return saved;
    }

    /** The candidate's own sitting's messages (someone else's sitting is not found). */
    @Transactional(readOnly = true)
    public List<ProctorMessage> messagesFor(long candidateId, String applicationNumber) {
        return messages.findBySittingIdOrderByIdAsc(delivery.owned(candidateId, applicationNumber).getId());
    }

    @Transactional(readOnly = true)
    public List<ProctorMessage> messagesOf(long sittingId) {
        return messages.findBySittingIdOrderByIdAsc(sittingId);
    }

    /** A sitting of a session this proctor works; any other is simply not found. */
    private Sitting proctored(long sittingId, String proctor) {
        Sitting sitting;
        try {
            sitting = delivery.get(sittingId);
        } catch (BusinessException e) {
            throw notFound();
        }
        if (!staff.isAssigned(sitting.getSessionId(), proctor, SessionDuty.PROCTOR)) {
            throw notFound();
        }
        return sitting;
    }

    private static void requireInProgress(Sitting sitting) {
        if (sitting.getStatus() != SittingStatus.IN_PROGRESS) {
            throw BusinessException.conflict("SITTING_NOT_IN_PROGRESS", "该考生的考试不在进行中（" + sitting.getStatus().label() + "）");
        }
    }

    private static BusinessException notFound() {
        return BusinessException.notFound("SITTING_NOT_FOUND", "没有找到该场考试，或您不是该考期的监考人员");
    }

    private static String limit(String text) {
        String t = text.strip();
        return t.length() <= 500 ? t : t.substring(0, 500);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
