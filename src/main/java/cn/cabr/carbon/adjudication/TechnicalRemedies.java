package cn.cabr.carbon.adjudication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.RemedyKind;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.exam.SittingRemedies;
import cn.cabr.carbon.exam.SittingStatus;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.Dates;

/**
 * Carries out the technical-problem remedy of the decision in force (技术故障：补足考试时间 / 准予重考): reopens the
 * sitting for the credited minutes or opens a re-sit, both to be taken up within the remedy window (days from the
 * decision, {@code certification.adjudication.remedy-window-days}), and tells the candidate what, until when and
 * where.
 */
@Service
@Transactional
public class TechnicalRemedies {

    /** What the case needs: the sitting it now waits for (a re-sit is a new one) and when the window closes. */
    public record Granted(long sittingId, Instant windowEnd) {
    }

    /** What the candidate's case page shows about a remedy. */
    public record RemedyView(String kind, String kindLabel, Integer minutes, Instant windowEnd, String state,
            boolean canEnter, String examUrl, String reason, Integer supersededAttempt) {
    }

    private final Adjudications adjudications;
    private final SittingRemedies remedies;
    private final ExamDelivery delivery;
    private final Notifications notifications;
    private final Clock clock;
    private final ZoneId zone;
    private final int windowDays;

    TechnicalRemedies(Adjudications adjudications, SittingRemedies remedies, ExamDelivery delivery,
            Notifications notifications, Clock clock, ZoneId businessZone,
            @Value("${certification.adjudication.remedy-window-days:3}") int windowDays) {
        this.adjudications = adjudications;
        this.remedies = remedies;
        this.delivery = delivery;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = businessZone;
        this.windowDays = windowDays;
    }

    /** The remedy of the decision in force, if it is a technical problem; what the case's gateway reads. */
    @Transactional(readOnly = true)
    public Optional<TechnicalRemedy> inForce(long sittingId) {
        return adjudications.latest(sittingId).filter(a -> a.getDecision() == AdjudicationDecision.TECHNICAL_PROBLEM)
                .map(Adjudication::getRemedy);
    }

    /** 补足考试时间并重新开放考场: the same sitting, the credited minutes from when the candidate resumes. */
    public Granted grantTimeCredit(long sittingId) {
        Adjudication decision = remedyInForce(sittingId, TechnicalRemedy.TIME_CREDIT);
        Instant windowEnd = windowEnd(decision);
        Sitting sitting = remedies.reopen(sittingId, decision.getCreditedMinutes(), windowEnd,
                decision.getAdjudicator(), decision.getReason());
        notifications.notify(sitting.getCandidateId(), sitting.getApplicationId(), "REMEDY_TIME_CREDIT", "补足考试时间",
                "经违纪核查，您的考试中断系技术故障所致，为您补足考试时间 " + decision.getCreditedMinutes() + " 分钟。请于 "
                        + Dates.dateTime(windowEnd, zone) + " 前进入考试（" + examUrl(sitting) + "），继续作答原试卷，"
                        + "已保存的答案保留；从您进入时起计时 " + decision.getCreditedMinutes()
                        + " 分钟，监考规则照常适用。逾期未进入的，按原答卷计分。");
        return new Granted(sitting.getId(), windowEnd);
    }

    /** 安排重考: a new sitting with a freshly drawn paper; the earlier answers no longer count. */
    public Granted grantResit(long sittingId) {
        Adjudication decision = remedyInForce(sittingId, TechnicalRemedy.RESIT);
        Instant windowEnd = windowEnd(decision);
        Sitting resit = remedies.resit(sittingId, windowEnd);
        notifications.notify(resit.getCandidateId(), resit.getApplicationId(), "REMEDY_RESIT", "准予重考",
                "经违纪核查，您的考试中断系技术故障所致，准予重考。请于 " + Dates.dateTime(windowEnd, zone)
                        + " 前进入考试（" + examUrl(resit) + "）：系统将为您抽取一份新试卷，原答卷不再计分；"
                        + "进入前须重新完成设备检测（及身份核验，如本期要求），考试时长从您进入时开始计时。逾期未参加重考的，按缺考处理。");
        return new Granted(resit.getId(), windowEnd);
    }

    /** The candidate's own remedy, if their current sitting is under one. */
    @Transactional(readOnly = true)
    public Optional<RemedyView> viewFor(long applicationId) {
        List<Sitting> attempts = remedies.attempts(applicationId);
        return remedies.current(applicationId).map(s -> {
            Integer superseded = s.getRemedy() == RemedyKind.RESIT && attempts.size() > 1
                    ? attempts.get(attempts.size() - 2).getAttempt() : null;
            long decidedOn = s.getRemedy() == RemedyKind.RESIT && attempts.size() > 1
                    ? attempts.get(attempts.size() - 2).getId() : s.getId();
            String reason = adjudications.latest(decidedOn).map(Adjudication::getReason).orElse(null);
            boolean waiting = s.getStatus() == SittingStatus.REOPENED || s.getStatus() == SittingStatus.READY;
            boolean windowOpen = !clock.instant().isAfter(s.getRemedyWindowEnd());
            String state = waiting ? (windowOpen ? "待进入考试" : "进入期限已过")
                    : s.getStatus() == SittingStatus.IN_PROGRESS ? "考试进行中" : "已结束（" + s.getStatus().label() + "）";
            return new RemedyView(s.getRemedy().name(), s.getRemedy().label(), s.getRemedyMinutes(),
                    s.getRemedyWindowEnd(), state, (waiting && windowOpen) || s.getStatus() == SittingStatus.IN_PROGRESS,
                    examUrl(s), reason, superseded);
        });
    }

    private Adjudication remedyInForce(long sittingId, TechnicalRemedy remedy) {
        return adjudications.latest(sittingId)
                .filter(a -> a.getDecision() == AdjudicationDecision.TECHNICAL_PROBLEM && a.getRemedy() == remedy)
                .orElseThrow(() -> BusinessException.conflict("REMEDY_NOT_IN_FORCE",
                        "该场考试的生效裁定不是“" + remedy.label() + "”"));
    }

    /** The window runs from the decision; a step retried late still leaves the candidate at least a day. */
    private Instant windowEnd(Adjudication decision) {
        Instant fromDecision = decision.getDecidedAt().plus(Duration.ofDays(windowDays));
        Instant atLeast = clock.instant().plus(Duration.ofDays(1));
        return fromDecision.isBefore(atLeast) ? atLeast : fromDecision;
    }

    private static String examUrl(Sitting sitting) {
        return "/exam/" + sitting.getApplicationNumber();
    }
}
