package cn.cabr.carbon.proctoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.exam.SittingRescued;
import cn.cabr.carbon.exam.SittingStatus;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Records what the candidate's browser reports during a sitting and warns the candidate at once. Leaving the
 * answer page a fifth time (the notice's limit, a rule of ProctoringThresholds.dmn) ends the sitting automatically.
 */
@Service
@Transactional
public class Proctoring {

    /** A browser clock further off than this is not believed; the server's receipt time is used instead. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_PAGE_LEAVES = 100;
    private static final int MAX_SECONDS_WITHOUT_FACE = 600;

    public record Receipt(long eventId, ProctoringEventType type, long pageLeaves, int pageLeaveLimit, boolean terminated,
            String warning) {
    }

    private final ProctoringEventRepository events;
    private final ExamDelivery delivery;
    private final Clock clock;
    private final ProctoringThresholds thresholds;
    private final ExamSessions sessions;

    Proctoring(ProctoringEventRepository events, ExamDelivery delivery, Clock clock, ProctoringThresholds thresholds,
            ExamSessions sessions) {
        this.events = events;
        this.delivery = delivery;
        this.clock = clock;
        this.thresholds = thresholds;
        this.sessions = sessions;
    }

    public Receipt report(long candidateId, String applicationNumber, ProctoringEventType type, String detail,
            Instant occurredAt) {
        if (type == null) {
            throw BusinessException.invalid("EVENT_TYPE_MISSING", "请提供监考事件类型");
        }
        Sitting sitting = delivery.owned(candidateId, applicationNumber);
        if (sitting.getStatus() != SittingStatus.IN_PROGRESS) {
            throw BusinessException.conflict("SITTING_NOT_IN_PROGRESS", "考试不在进行中（" + sitting.getStatus().label() + "），事件未记录");
        }
        Instant now = clock.instant();
        Instant when = occurredAt == null || Duration.between(occurredAt, now).abs().compareTo(MAX_CLOCK_SKEW) > 0
                ? now : occurredAt;
        String cleanDetail = detail == null ? null : detail.strip().substring(0, Math.min(detail.strip().length(), 500));
        ProctoringEvent event = events.save(new ProctoringEvent(sitting.getId(), type, cleanDetail, when, now));
        long leaves = pageLeaves(sitting.getId());
        String sessionCode = sessions.get(sitting.getSessionId()).getCode();
        int pageLeaveLimit = pageLeaveLimit(sessionCode);
        boolean terminated = type.isPageLeave() && thresholds.evaluate(sessionCode,
                ProctoringThresholds.Measure.PAGE_LEAVES, leaves) == ProctoringThresholds.Action.TERMINATE;
        if (terminated) {
            delivery.terminate(sitting.getId());
        }
        return new Receipt(event.getId(), type, leaves, pageLeaveLimit, terminated, warningFor(type, leaves, terminated, pageLeaveLimit));
    }

    /**
     * How often the candidate left the answer page so far (hidden page or answer window without focus). After a time
     * credit the resumed attempt is counted on its own: the earlier leaves were adjudicated as a technical problem.
     */
    @Transactional(readOnly = true)
    public long pageLeaves(long sittingId) {
        Instant resumedAt = delivery.get(sittingId).getResumedAt();
        return resumedAt == null ? events.countBySittingIdAndEventTypeIn(sittingId, ProctoringEventType.PAGE_LEAVES)
                : events.countBySittingIdAndEventTypeInAndReceivedAtGreaterThanEqual(sittingId,
                        ProctoringEventType.PAGE_LEAVES, resumedAt);
    }

    /** The page leave that ends the sitting, from the thresholds table (ProctoringThresholds.dmn). */
    @Transactional(readOnly = true)
    public int pageLeaveLimitOf(long sittingId) {
        return pageLeaveLimit(sessions.get(delivery.get(sittingId).getSessionId()).getCode());
    }

    private int pageLeaveLimit(String sessionCode) {
        return thresholds.lowestValueFor(sessionCode, ProctoringThresholds.Measure.PAGE_LEAVES,
                ProctoringThresholds.Action.TERMINATE, MAX_PAGE_LEAVES);
    }

    /** Seconds without a face before the answer page flags it, from the thresholds table. */
    @Transactional(readOnly = true)
    public int secondsWithoutFaceOf(long sittingId) {
        return thresholds.lowestValueFor(sessions.get(delivery.get(sittingId).getSessionId()).getCode(),
                ProctoringThresholds.Measure.SECONDS_WITHOUT_FACE, ProctoringThresholds.Action.FLAG, MAX_SECONDS_WITHOUT_FACE);
    }

    /** Whether the sitting (after a time credit: the resumed attempt) has flagged events, so it goes to adjudication. */
    @Transactional(readOnly = true)
    public boolean isFlagged(long sittingId) {
        Instant resumedAt = delivery.get(sittingId).getResumedAt();
        return resumedAt == null ? events.existsBySittingIdAndFlaggedTrue(sittingId)
                : events.existsBySittingIdAndFlaggedTrueAndReceivedAtGreaterThanEqual(sittingId, resumedAt);
    }

    /**
     * Events the page could not send (the network was down) and carried in a rescue file, recorded as they are:
     * the time is the candidate's computer's, and they end nothing (the sitting's fate is decided by adjudication).
     */
    @EventListener
    @Order(10)
    void onRescue(SittingRescued rescue) {
        Instant now = clock.instant();
        for (SittingRescued.RescuedEvent rescued : rescue.events()) {
            ProctoringEventType type = typeOf(rescued.type());
            if (type == null) {
                continue;
            }
            String detail = "（救援文件导入，时间以考生电脑为准）" + (rescued.detail() == null ? "" : rescued.detail().strip());
            events.save(new ProctoringEvent(rescue.sittingId(), type, detail.substring(0, Math.min(detail.length(), 500)),
                    rescued.occurredAt() == null ? now : rescued.occurredAt(), now));
            rescue.eventRecorded();
        }
    }

    private static ProctoringEventType typeOf(String name) {
        try {
            return name == null ? null : ProctoringEventType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Transactional(readOnly = true)
    public List<ProctoringEvent> eventsOf(long sittingId) {
        return events.findBySittingIdOrderByOccurredAtAscIdAsc(sittingId);
    }

    private String warningFor(ProctoringEventType type, long leaves, boolean terminated, int pageLeaveLimit) {
        if (terminated) {
            return "您已累计 " + leaves + " 次离开答题页面，按考试纪律系统已自动终止作答。";
        }
        return switch (type) {
            case PAGE_LEFT -> "警告：第 " + leaves + " 次离开答题页面，满 " + pageLeaveLimit + " 次将自动结束考试。";
            case WINDOW_BLUR -> "警告：答题窗口失去焦点（切换到其他窗口或弹窗），记为第 " + leaves + " 次离开答题页面，满 "
                    + pageLeaveLimit + " 次将自动结束考试。";
            case COPY -> "警告：考试期间禁止复制试题，本次操作已记录，可能被认定为违反考试纪律。";
            case PASTE -> "警告：考试期间禁止粘贴内容，本次操作已记录，可能被认定为违反考试纪律。";
            case CONTEXT_MENU -> "提示：考试期间不能使用右键菜单，本次操作已记录。";
            default -> type.flagged() ? "警告：系统记录到“" + type.label() + "”，该行为可能被认定为违反考试纪律。" : "已记录。";
        };
    }
}
