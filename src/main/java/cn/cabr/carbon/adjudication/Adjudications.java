package cn.cabr.carbon.adjudication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.exam.SittingRemedies;
import cn.cabr.carbon.exam.SittingStatus;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.Dates;

/**
 * Violation adjudication (违纪裁定) of flagged or terminated sittings, in stages: a first decision; a violation
 * confirmed by a second, different adjudicator; a manager's decision when the two disagree; and the candidate's
 * appeal, decided by an adjudicator who took no part before, finally. A reason is always required.
 */
@Service
@Transactional
public class Adjudications {

    static final int MIN_REASON_LENGTH = 5;
    static final int MIN_APPEAL_LENGTH = 10;
    static final int DEFAULT_APPEAL_DAYS = 15;

    /** What the candidate's case page shows about the adjudication and the appeal. */
    public record AppealView(String applicationNumber, String decision, String reason, Instant decidedAt,
            Instant deadline, boolean open, Appeal appeal, Adjudication appealDecision) {
    }

    private final AdjudicationRepository adjudications;
    private final AppealRepository appeals;
    private final AppealWindowRepository windows;
    private final ExamDelivery delivery;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final AuditLog auditLog;
    private final ExamSessions sessions;
    private final Clock clock;
    private final ZoneId zone;

    Adjudications(AdjudicationRepository adjudications, AppealRepository appeals, AppealWindowRepository windows,
            ExamDelivery delivery, Notifications notifications, ApplicationEventPublisher events, AuditLog auditLog,
            ExamSessions sessions, Clock clock, ZoneId businessZone) {
        this.adjudications = adjudications;
        this.appeals = appeals;
        this.windows = windows;
        this.delivery = delivery;
        this.notifications = notifications;
        this.events = events;
        this.auditLog = auditLog;
        this.sessions = sessions;
        this.clock = clock;
        this.zone = businessZone;
    }

    /**
     * Records one decision. A technical problem names its remedy; a time credit (补足考试时间) the minutes credited,
     * 1–120, which the candidate gets from the moment they resume.
     */
    public Adjudication decide(long sittingId, AdjudicationStage stage, String adjudicator,
            AdjudicationDecision decision, TechnicalRemedy remedy, Integer creditedMinutes, String reason) {
        if (decision == null) {
            throw BusinessException.invalid("ADJUDICATION_DECISION_MISSING", "请选择裁定结论");
        }
        if (decision == AdjudicationDecision.TECHNICAL_PROBLEM && remedy == null) {
            throw BusinessException.invalid("ADJUDICATION_REMEDY_MISSING", "技术故障须选择处理方式：补足考试时间或准予重考");
        }
        boolean timeCredit = decision == AdjudicationDecision.TECHNICAL_PROBLEM && remedy == TechnicalRemedy.TIME_CREDIT;
        if (timeCredit && (creditedMinutes == null || creditedMinutes < 1
                || creditedMinutes > SittingRemedies.MAX_CREDIT_MINUTES)) {
            throw BusinessException.invalid("ADJUDICATION_CREDIT_MINUTES_REQUIRED",
                    "补足考试时间须填写补足的分钟数（1–" + SittingRemedies.MAX_CREDIT_MINUTES + " 分钟）");
        }
        if (reason == null || reason.strip().length() < MIN_REASON_LENGTH) {
            throw BusinessException.invalid("ADJUDICATION_REASON_REQUIRED",
                    "请填写裁定理由（至少 " + MIN_REASON_LENGTH + " 个字），考生和复核人员将看到此理由");
        }
        SittingStatus status = delivery.get(sittingId).getStatus();
        if (!status.ended() || status == SittingStatus.ABSENT) {
            throw BusinessException.conflict("SITTING_NOT_ADJUDICABLE", "该场考试当前不能裁定（" + status.label() + "）");
        }
        List<Adjudication> earlier = currentRound(adjudications.findBySittingIdOrderByIdAsc(sittingId));
        boolean decidedBefore = earlier.stream().anyMatch(a -> a.getAdjudicator().equals(adjudicator)
                && (stage == AdjudicationStage.APPEAL || a.getStage() == AdjudicationStage.FIRST));
        if ((stage == AdjudicationStage.CONFIRMATION || stage == AdjudicationStage.APPEAL) && decidedBefore) {
            throw BusinessException.conflict("ADJUDICATOR_NOT_INDEPENDENT",
                    "您已参与本场考试的裁定，" + stage.label() + "须由另一名裁定人员完成");
        }
        Adjudication saved = adjudications.save(new Adjudication(sittingId, stage, adjudicator, decision,
                decision == AdjudicationDecision.TECHNICAL_PROBLEM ? remedy : null, timeCredit ? creditedMinutes : null,
                reason.strip(), clock.instant()));
        Sitting sitting = delivery.get(sittingId);
        auditLog.record(auditAction(stage, decision), adjudicator, sitting.getApplicationNumber(),
                sessions.get(sitting.getSessionId()).getCode(), "报名 " + sitting.getApplicationNumber() + " 第 "
                        + sitting.getAttempt() + " 次考试" + stage.label() + "：" + saved.describe(), saved.getReason());
        if (stage == AdjudicationStage.APPEAL) {
            notifications.notify(sitting.getCandidateId(), sitting.getApplicationId(), "APPEAL_DECIDED",
                    "申诉复核结果", "您对违纪裁定的申诉已复核，结论：" + saved.describe() + "。理由：" + saved.getReason()
                            + "。此为最终决定。");
        }
        return saved;
    }

    /** An appeal decision, else a technical problem's remedy, else a violation adjudication. */
    private static AuditAction auditAction(AdjudicationStage stage, AdjudicationDecision decision) {
        if (stage == AdjudicationStage.APPEAL) {
            return AuditAction.APPEAL_ADJUDICATED;
        }
        return decision == AdjudicationDecision.TECHNICAL_PROBLEM ? AuditAction.TECHNICAL_REMEDY_DECIDED
                : AuditAction.VIOLATION_ADJUDICATED;
    }

    /**
     * The decision in force: the appeal's, else the manager's, else an agreed confirmation, else a first decision
     * that needs no confirmation. Empty while a violation waits for confirmation or a disagreement for the manager.
     */
    @Transactional(readOnly = true)
    public Optional<Adjudication> latest(long sittingId) {
        List<Adjudication> all = adjudications.findBySittingIdOrderByIdAsc(sittingId);
        List<Adjudication> round = currentRound(all);
        if (round.isEmpty() && !all.isEmpty()) {
            return Optional.of(all.get(all.size() - 1));
        }
        for (int i = round.size() - 1; i >= 0; i--) {
            Adjudication a = round.get(i);
            boolean violation = a.getDecision() == AdjudicationDecision.VIOLATION_CONFIRMED;
            switch (a.getStage()) {
                case APPEAL, MANAGER, SINGLE:
                    return Optional.of(a);
                case CONFIRMATION:
                    return violation ? Optional.of(a) : Optional.empty();
                case FIRST:
                    return violation ? Optional.empty() : Optional.of(a);
            }
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public boolean violationConfirmed(long sittingId) {
        return latest(sittingId).map(a -> a.getDecision() == AdjudicationDecision.VIOLATION_CONFIRMED).orElse(false);
    }

    /** Everyone who decided on this sitting so far: the appeal goes to someone else. */
    @Transactional(readOnly = true)
    public Set<String> deciders(long sittingId) {
        Set<String> names = new LinkedHashSet<>();
        currentRound(adjudications.findBySittingIdOrderByIdAsc(sittingId)).forEach(a -> names.add(a.getAdjudicator()));
        return names;
    }

    /**
     * The decisions about the sitting's latest attempt: after a time credit in force (not a confirmation, which
     * cannot stand alone) the resumed attempt, if flagged again, is adjudicated afresh, so those who decided on the
     * earlier attempt may decide again and a confirmation needs someone other than this round's first adjudicator.
     */
    static List<Adjudication> currentRound(List<Adjudication> all) {
        int start = 0;
        for (int i = 0; i < all.size(); i++) {
            Adjudication a = all.get(i);
            if (a.getRemedy() == TechnicalRemedy.TIME_CREDIT && a.getStage() != AdjudicationStage.CONFIRMATION) {
                start = i + 1;
            }
        }
        return all.subList(start, all.size());
    }

    @Transactional(readOnly = true)
    public List<Adjudication> history(long sittingId) {
        return adjudications.findBySittingIdOrderByIdAsc(sittingId);
    }

    /**
     * Tells the candidate the decision in force and its reason. A voided score may be appealed: the answer is the
     * end of the appeal window, empty when there is nothing to appeal.
     */
    public Optional<Instant> notifyDecision(long sittingId) {
        Adjudication decision = latest(sittingId).orElseThrow(() -> BusinessException.conflict(
                "ADJUDICATION_PENDING", "该场考试的裁定尚未完成"));
        Sitting sitting = delivery.get(sittingId);
        Optional<Instant> deadline = appealDeadline(sitting, decision);
        notifications.notify(sitting.getCandidateId(), sitting.getApplicationId(), "ADJUDICATION_DECIDED",
                "违纪核查结果", "考试违纪核查结论：" + decision.describe() + "。理由：" + decision.getReason() + "。"
                        + deadline.map(d -> "如有异议，可在 " + Dates.dateTime(d, zone) + " 前在报名详情页提出申诉。")
                                .orElse(""));
        return deadline;
    }

    private Optional<Instant> appealDeadline(Sitting sitting, Adjudication decision) {
        if (decision.getDecision() != AdjudicationDecision.VIOLATION_CONFIRMED
                || decision.getStage() == AdjudicationStage.APPEAL || decision.getStage() == AdjudicationStage.SINGLE) {
            return Optional.empty();
        }
        return Optional.of(decision.getDecidedAt().plus(Duration.ofDays(appealWindowDays(sitting.getSessionId()))));
    }

    @Transactional(readOnly = true)
    public int appealWindowDays(long sessionId) {
        return windows.findById(sessionId).map(AppealWindow::getDays).orElse(DEFAULT_APPEAL_DAYS);
    }

    public void changeAppealWindow(long sessionId, int days) {
        if (days < 1 || days > 60) {
            throw BusinessException.invalid("APPEAL_WINDOW_INVALID", "申诉期应为 1–60 天");
        }
        var session = sessions.get(sessionId);
        auditLog.record(AuditAction.SESSION_CHANGED, auditLog.currentActor(), null, session.getCode(),
                session.getName() + "申诉期：" + appealWindowDays(sessionId) + " 天 → " + days + " 天", null);
        windows.findById(sessionId).ifPresentOrElse(w -> w.setDays(days),
                () -> windows.save(new AppealWindow(sessionId, days)));
    }

    /** The candidate's own case: the decision in force, the appeal window and the appeal, if any. */
    @Transactional(readOnly = true)
    public Optional<AppealView> appealView(long candidateId, String applicationNumber) {
        Sitting sitting = delivery.owned(candidateId, applicationNumber);
        return latest(sitting.getId()).map(decision -> {
            Optional<Appeal> appeal = appeals.findBySittingId(sitting.getId());
            Optional<Instant> deadline = appeal.isPresent() ? Optional.empty() : appealDeadline(sitting, decision);
            Adjudication appealDecision = decision.getStage() == AdjudicationStage.APPEAL ? decision : null;
            return new AppealView(applicationNumber, decision.describe(), decision.getReason(),
                    decision.getDecidedAt(), deadline.orElse(null),
                    deadline.map(d -> !clock.instant().isAfter(d)).orElse(false), appeal.orElse(null), appealDecision);
        });
    }

    /** An appeal from the portal, within the window, once per sitting; the case then starts the appeal review. */
    public Appeal fileAppeal(long candidateId, String applicationNumber, String reason) {
        Sitting sitting = delivery.owned(candidateId, applicationNumber);
        AppealView view = appealView(candidateId, applicationNumber).orElseThrow(() -> BusinessException.conflict(
                "NOTHING_TO_APPEAL", "本次考试没有可申诉的违纪裁定"));
        if (view.appeal() != null) {
            throw BusinessException.conflict("APPEAL_ALREADY_FILED", "您已提出过申诉，每场考试只能申诉一次");
        }
        if (view.deadline() == null) {
            throw BusinessException.conflict("NOTHING_TO_APPEAL", "本次考试没有可申诉的违纪裁定");
        }
        if (!view.open()) {
            throw BusinessException.conflict("APPEAL_WINDOW_CLOSED",
                    "申诉期已于 " + Dates.dateTime(view.deadline(), zone) + " 结束，不能再提出申诉");
        }
        if (reason == null || reason.strip().length() < MIN_APPEAL_LENGTH) {
            throw BusinessException.invalid("APPEAL_REASON_REQUIRED", "请说明申诉理由（至少 " + MIN_APPEAL_LENGTH + " 个字）");
        }
        if (reason.strip().length() > 1000) {
            throw BusinessException.invalid("APPEAL_REASON_TOO_LONG", "申诉理由不能超过 1000 个字");
        }
        Appeal appeal = appeals.save(new Appeal(sitting.getId(), candidateId, reason.strip(), clock.instant()));
        events.publishEvent(new AppealFiled(sitting.getId(), sitting.getApplicationId()));
        return appeal;
    }

    @Transactional(readOnly = true)
    public Optional<Appeal> appealOf(long sittingId) {
        return appeals.findBySittingId(sittingId);
    }
}
