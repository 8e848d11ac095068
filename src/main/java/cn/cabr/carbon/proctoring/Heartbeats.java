package cn.cabr.carbon.proctoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.exam.SittingStatus;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.Dates;

/**
 * The answer page's heartbeat and the network gaps the server sees when it stops. A heartbeat is one UPDATE of the
 * sitting's row in {@code sitting_heartbeat}, never of the sitting itself (whose row lock answer saves take). A gap
 * opens when an in-progress sitting's last heartbeat (or its start, before the first one) is older than the
 * thresholds table allows ({@link ProctoringThresholds.Measure#SECONDS_WITHOUT_HEARTBEAT}): one flagged
 * {@link ProctoringEventType#NETWORK_GAP} event per gap, claimed by a conditional update (or the insert of the row),
 * so two nodes detecting at once record it once. The next heartbeat closes the gap and records its length.
 */
@Service
public class Heartbeats {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);
    private static final int MAX_GAP_SECONDS = 3600;

    private final JdbcTemplate jdbc;
    private final ExamDelivery delivery;
    private final ExamSessions sessions;
    private final ProctoringThresholds thresholds;
    private final ProctoringEventRepository events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    Heartbeats(JdbcTemplate jdbc, ExamDelivery delivery, ExamSessions sessions, ProctoringThresholds thresholds,
            ProctoringEventRepository events, TransactionTemplate transaction, Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.delivery = delivery;
        this.sessions = sessions;
        this.thresholds = thresholds;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.zone = businessZone;
    }

    /**
     * The candidate's answer page is alive. The usual case is a single UPDATE; the first heartbeat inserts the row,
     * and the first one after a gap closes it.
     */
    public Instant beat(long candidateId, String applicationNumber) {
        Sitting sitting = delivery.owned(candidateId, applicationNumber);
        if (sitting.getStatus() != SittingStatus.IN_PROGRESS) {
            throw BusinessException.conflict("SITTING_NOT_IN_PROGRESS", "考试不在进行中（" + sitting.getStatus().label() + "）");
        }
        long sittingId = sitting.getId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored, so the page and the live view agree
        if (touch(sittingId, now)) {
            return now;
        }
        Map<String, Object> row = jdbc.queryForList("SELECT gap_started_at, gap_event_id FROM sitting_heartbeat WHERE sitting_id = ?",
                sittingId).stream().findFirst().orElse(null);
        if (row == null) {
            try {
                jdbc.update("INSERT INTO sitting_heartbeat (sitting_id, last_heartbeat_at) VALUES (?, ?)", sittingId,
                        Timestamp.from(now));
            } catch (DuplicateKeyException e) {
                touch(sittingId, now); // another tab's first heartbeat, or the detector opening a gap: see next beat
            }
            return now;
        }
        closeGap(sittingId, instant(row.get("gap_started_at")), (Number) row.get("gap_event_id"), now);
        return now;
    }

    private boolean touch(long sittingId, Instant now) {
        return jdbc.update("UPDATE sitting_heartbeat SET last_heartbeat_at = ? WHERE sitting_id = ? AND gap_started_at IS NULL",
                Timestamp.from(now), sittingId) == 1;
    }

    private void closeGap(long sittingId, Instant gapStartedAt, Number gapEventId, Instant now) {
        if (gapStartedAt == null) {
            touch(sittingId, now);
            return;
        }
        transaction.executeWithoutResult(status -> {
            int closed = jdbc.update("UPDATE sitting_heartbeat SET last_heartbeat_at = ?, gap_started_at = NULL, "
                    + "gap_event_id = NULL WHERE sitting_id = ? AND gap_started_at = ?", Timestamp.from(now), sittingId,
                    Timestamp.from(gapStartedAt));
            if (closed == 0) {
                return; // another request closed it
            }
            long seconds = Duration.between(gapStartedAt, now).toSeconds();
            String length = "中断约 " + seconds + " 秒（" + Dates.dateTime(gapStartedAt, zone) + " 起，"
                    + Dates.dateTime(now, zone) + " 恢复）";
            if (gapEventId != null) {
                events.findById(gapEventId.longValue()).ifPresent(e -> e.amendDetail("已恢复，" + length));
            }
            events.save(new ProctoringEvent(sittingId, ProctoringEventType.NETWORK_RESTORED, "重新收到答题页面心跳，" + length,
                    now, now));
        });
    }

    /** Seconds without a heartbeat that make a network gap in this session (ProctoringThresholds.dmn). */
    public int gapSecondsOf(long sessionId) {
        return thresholds.lowestValueFor(sessions.get(sessionId).getCode(),
                ProctoringThresholds.Measure.SECONDS_WITHOUT_HEARTBEAT, ProctoringThresholds.Action.FLAG, MAX_GAP_SECONDS);
    }

    /** Every session with sittings in progress; returns how many gaps were opened. */
    public int detectGaps() {
        int opened = 0;
        for (Long sessionId : jdbc.queryForList("SELECT DISTINCT session_id FROM sitting WHERE status = 'IN_PROGRESS'",
                Long.class)) {
            opened += detectGaps(sessionId);
        }
        return opened;
    }

    /** The sittings of one session whose answer page has been silent too long get their gap recorded, once. */
    public int detectGaps(long sessionId) {
        int seconds = gapSecondsOf(sessionId);
        if (seconds > MAX_GAP_SECONDS) {
            return 0; // the table flags no silence in this session
        }
        Instant now = clock.instant();
        Instant cutoff = now.minusSeconds(seconds);
        List<Silent> silent = jdbc.query("""
                SELECT s.id, s.started_at, h.sitting_id AS beating, h.last_heartbeat_at
                FROM sitting s LEFT JOIN sitting_heartbeat h ON h.sitting_id = s.id
                WHERE s.session_id = ? AND s.status = 'IN_PROGRESS' AND h.gap_started_at IS NULL
                  AND COALESCE(h.last_heartbeat_at, s.started_at) <= ?
                """, (rs, i) -> new Silent(rs.getLong("id"), rs.getObject("beating") != null,
                instant(rs.getTimestamp("last_heartbeat_at")), instant(rs.getTimestamp("started_at"))),
                sessionId, Timestamp.from(cutoff));
        int opened = 0;
        for (Silent s : silent) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> openGap(s, cutoff, seconds, now)))) {
                    opened++;
                }
            } catch (DataAccessException e) {
                // another node opened this gap at the same moment (unique key), or the first heartbeat just came
                log.debug("Network gap of sitting {} not opened here: {}", s.sittingId(), e.getMessage());
            }
        }
        return opened;
    }

    private record Silent(long sittingId, boolean beating, Instant lastHeartbeat, Instant startedAt) {
    }

    private boolean openGap(Silent s, Instant cutoff, int seconds, Instant now) {
        Instant since;
        if (s.beating()) {
            int claimed = jdbc.update("UPDATE sitting_heartbeat SET gap_started_at = last_heartbeat_at WHERE sitting_id = ? "
                    + "AND gap_started_at IS NULL AND last_heartbeat_at <= ?", s.sittingId(), Timestamp.from(cutoff));
            if (claimed == 0) {
                return false; // a heartbeat came, or another node claimed the gap
            }
            since = instant(jdbc.queryForObject("SELECT gap_started_at FROM sitting_heartbeat WHERE sitting_id = ?",
                    Timestamp.class, s.sittingId()));
        } else {
            since = s.startedAt();
            jdbc.update("INSERT INTO sitting_heartbeat (sitting_id, last_heartbeat_at, gap_started_at) VALUES (?, ?, ?)",
                    s.sittingId(), Timestamp.from(since), Timestamp.from(since));
        }
        String status = jdbc.queryForObject("SELECT status FROM sitting WHERE id = ?", String.class, s.sittingId());
        if (!SittingStatus.IN_PROGRESS.name().equals(status)) {
            throw new GapNotNeeded();
        }
        String detail = (s.beating() ? "自 " + Dates.dateTime(since, zone) + " 起" : "开考后")
                + "超过 " + seconds + " 秒未收到答题页面心跳（网络中断、断电或关闭了页面）";
        ProctoringEvent event = events.save(new ProctoringEvent(s.sittingId(), ProctoringEventType.NETWORK_GAP, detail,
                since, now));
        jdbc.update("UPDATE sitting_heartbeat SET gap_event_id = ? WHERE sitting_id = ?", event.getId(), s.sittingId());
        return true;
    }

    /** The sitting ended between the query and the claim: roll the claim back. */
    private static final class GapNotNeeded extends DataAccessException {
        GapNotNeeded() {
            super("sitting no longer in progress");
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalArgumentException("Not a time: " + value.getClass());
    }
}
