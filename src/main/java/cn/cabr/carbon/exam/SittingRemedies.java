package cn.cabr.carbon.exam;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.shared.BusinessException;

/**
 * The exam side of a technical-problem remedy decided in adjudication. A time credit reopens the same sitting: the
 * candidate resumes the same paper with the saved answers and gets exactly the credited minutes from the moment
 * they resume (server clock, same deadline rules as any sitting). A re-sit opens a new sitting of the same
 * application (next attempt, a freshly drawn paper when started); the earlier sitting is marked superseded and kept.
 * Either must be taken up within a window; {@link #closeUnused} closes what was not.
 */
@Service
@Transactional
public class SittingRemedies {

    /** The largest time credit an adjudicator may grant: the length of a whole exam. */
    public static final int MAX_CREDIT_MINUTES = 120;

    /** What the window's end found. */
    public enum WindowOutcome {
        /** The candidate resumed or started and is still writing: the sitting's own deadline ends it. */
        STILL_RUNNING,
        /** A time credit never used: the sitting is closed again as it was. */
        NOT_RESUMED,
        /** A re-sit never started: the candidate is absent (缺考). */
        NOT_TAKEN
    }

    private final SittingRepository sittings;
    private final AnswerRepository answers;
    private final TimeGrantRepository timeGrants;
    private final EntityManager entityManager;
    private final Clock clock;

    SittingRemedies(SittingRepository sittings, AnswerRepository answers, TimeGrantRepository timeGrants,
            EntityManager entityManager, Clock clock) {
        this.sittings = sittings;
        this.answers = answers;
        this.timeGrants = timeGrants;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Reopens an ended sitting for the credited minutes, to be resumed by {@code windowEnd}; the credit is kept in
     * the sitting's time grants (audit) with the adjudicator's name.
     */
    public Sitting reopen(long sittingId, int minutes, Instant windowEnd, String grantedBy, String reason) {
        if (minutes < 1 || minutes > MAX_CREDIT_MINUTES) {
            throw BusinessException.invalid("CREDIT_MINUTES_INVALID", "补足考试时间应为 1–" + MAX_CREDIT_MINUTES + " 分钟");
        }
        Sitting sitting = lock(sittingId);
        if (sitting.getStatus() == SittingStatus.REOPENED) {
            return sitting;
        }
        requireEndedAndCurrent(sitting);
        Instant now = clock.instant();
        sitting.reopen(minutes, now, windowEnd);
        timeGrants.save(new TimeGrant(sitting.getId(), minutes * 60, limit("技术故障补足考试时间（违纪裁定）：" + reason, 500),
                limit(grantedBy, 64), now));
        return sitting;
    }

    /**
     * Opens the re-sit: a new sitting of the same application, ready to start by {@code windowEnd} (its paper is
     * drawn at the start, from a new seed and the session's blueprint). The earlier sitting is superseded.
     * Idempotent: a retried step finds the re-sit it opened.
     */
    public Sitting resit(long sittingId, Instant windowEnd) {
        Sitting earlier = lock(sittingId);
        if (earlier.getSupersededBy() != null) {
            return sittings.findById(earlier.getSupersededBy()).orElseThrow();
        }
        requireEndedAndCurrent(earlier);
        Instant now = clock.instant();
        // (application, attempt) is unique: two concurrent re-sits of one sitting cannot both be opened
        Sitting resit = sittings.save(Sitting.resitOf(earlier, now, windowEnd));
        earlier.supersede(resit.getId(), now);
        return resit;
    }

    /**
     * At the window's end: a reopened sitting never resumed is closed again as it was; a re-sit never started ends
     * as absent. A sitting in progress is left to its own deadline. Anything else means the sitting ended and the
     * case missed it: refused, so the step becomes an incident rather than a lost case.
     */
    public WindowOutcome closeUnused(long sittingId) {
        Sitting sitting = lock(sittingId);
        return switch (sitting.getStatus()) {
            case IN_PROGRESS -> WindowOutcome.STILL_RUNNING;
            case REOPENED -> {
                sitting.closeUnresumed();
                yield WindowOutcome.NOT_RESUMED;
            }
            case READY -> {
                sitting.end(SittingStatus.ABSENT, clock.instant());
                yield WindowOutcome.NOT_TAKEN;
            }
            default -> throw BusinessException.conflict("REMEDY_SITTING_ENDED",
                    "补救考试已结束（" + sitting.getStatus().label() + "），案件应已收到结束通知");
        };
    }

    /** The application's attempts, first to last (superseded ones included), for the case page and staff. */
    @Transactional(readOnly = true)
    public List<Sitting> attempts(long applicationId) {
        return sittings.findByApplicationIdOrderByAttemptAsc(applicationId);
    }

    /** The current sitting of the application when it is under a remedy. */
    @Transactional(readOnly = true)
    public Optional<Sitting> current(long applicationId) {
        return sittings.findByApplicationId(applicationId).filter(s -> s.getRemedy() != null);
    }

    /**
     * Before the case hears that a resumed sitting ended: short answers the candidate changed during the credited
     * time are marked again (a new marking pass); unchanged ones keep their marks.
     */
    @EventListener
    @Order(5)
    void onSittingEnded(SittingEnded event) {
        Sitting sitting = sittings.findById(event.sittingId()).orElseThrow();
        if (sitting.getResumedAt() == null) {
            return;
        }
        for (Answer answer : answers.findBySittingIdOrderByItemPosition(sitting.getId())) {
            boolean shortAnswer = !answer.getItem().getQuestion().getQuestionType().autoGraded();
            if (shortAnswer && answer.getScore() != null && answer.getSavedAt() != null
                    && !answer.getSavedAt().isBefore(sitting.getResumedAt())) {
                answer.markAgain();
            }
        }
    }

    private static void requireEndedAndCurrent(Sitting sitting) {
        if (!sitting.getStatus().ended() || sitting.getStatus() == SittingStatus.ABSENT) {
            throw BusinessException.conflict("SITTING_NOT_REMEDIABLE",
                    "该场考试当前不能安排补救（" + sitting.getStatus().label() + "）");
        }
        if (sitting.getSupersededAt() != null) {
            throw BusinessException.conflict("SITTING_SUPERSEDED", "该场考试已由重考取代");
        }
    }

    private Sitting lock(long sittingId) {
        Sitting sitting = entityManager.find(Sitting.class, sittingId, LockModeType.PESSIMISTIC_WRITE);
        if (sitting == null) {
            throw BusinessException.notFound("SITTING_NOT_FOUND", "考试记录不存在");
        }
        return sitting;
    }

    private static String limit(String text, int max) {
        return text == null ? null : text.length() <= max ? text : text.substring(0, max);
    }
}
