package cn.cabr.carbon.casefile;

import java.time.ZoneId;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.adjudication.Adjudications;
import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.CaseOutcome;
import cn.cabr.carbon.application.DocumentType;
import cn.cabr.carbon.certificate.Certificates;
import cn.cabr.carbon.eligibility.Eligibility;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.review.Reviews;
import cn.cabr.carbon.scoring.Scoring;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.Dates;
import cn.cabr.carbon.training.HoursCheck;
import cn.cabr.carbon.training.TrainingHours;

/**
 * The candidate's case file across the modules: closing a case with the reason that the deciding module
 * recorded, and telling the candidate.
 */
@Service
@Transactional
public class CaseFiles {

    private final Applications applications;
    private final ExamSessions sessions;
    private final Reviews reviews;
    private final Eligibility eligibility;
    private final TrainingHours trainingHours;
    private final ExamDelivery delivery;
    private final Adjudications adjudications;
    private final Scoring scoring;
    private final Certificates certificates;
    private final Notifications notifications;
    private final ZoneId zone;

    CaseFiles(Applications applications, ExamSessions sessions, Reviews reviews, Eligibility eligibility,
            TrainingHours trainingHours, ExamDelivery delivery, Adjudications adjudications, Scoring scoring,
            Certificates certificates, Notifications notifications, ZoneId businessZone) {
        this.applications = applications;
        this.sessions = sessions;
        this.reviews = reviews;
        this.eligibility = eligibility;
        this.trainingHours = trainingHours;
        this.delivery = delivery;
        this.adjudications = adjudications;
        this.scoring = scoring;
        this.certificates = certificates;
        this.notifications = notifications;
        this.zone = businessZone;
    }

    /** Closes the case; the candidate hears why, unless the published result already told them. */
    public Application close(long applicationId, CaseOutcome outcome) {
        Application application = applications.get(applicationId);
        String reason = reasonFor(application, outcome);
        applications.close(applicationId, outcome, reason);
        if (outcome != CaseOutcome.FAILED && outcome != CaseOutcome.VOIDED) {
            notifications.notify(application.getCandidateId(), applicationId, "CASE_" + outcome.name(), outcome.label(),
                    "您的报名（" + application.getApplicationNumber() + "）：" + outcome.label() + "。" + reason);
        }
        return application;
    }

    private String reasonFor(Application application, CaseOutcome outcome) {
        long id = application.getId();
        ExamSession session = sessions.get(application.getSessionId());
        return switch (outcome) {
            case REJECTED -> "审核意见：" + reviews.latest(id).map(r -> r.getReason()).orElse("未说明");
            case INCOMPLETE -> "未在提交报名材料截止时间（" + Dates.dateTime(session.getMaterialsCloseAt(), zone)
                    + "）前补充：" + application.getSupplementTypes().stream().map(DocumentType::label)
                            .collect(Collectors.joining("、"));
            case INELIGIBLE -> eligibility.latest(id).map(e -> e.getReason()).orElse("不满足报考条件");
            case INSUFFICIENT_HOURS -> {
                HoursCheck hours = trainingHours.check(id);
                yield "截至 " + Dates.dateTime(hours.cutoff(), zone) + "，有效培训学时为 " + hours.counted().stripTrailingZeros()
                        .toPlainString() + "，未达到 " + hours.required() + " 学时的要求";
            }
            case ABSENT -> "未在考试时间（" + Dates.dateTime(session.getExamStartAt(), zone) + " 起）内参加考试";
            case FAILED -> scoring.find(id).map(r -> "总分 " + r.getTotalScore() + " 分，低于及格分 " + r.getPassMark() + " 分")
                    .orElse("考试未通过");
            case VOIDED -> "违纪裁定：" + delivery.findByApplication(id).flatMap(s -> adjudications.latest(s.getId()))
                    .map(a -> a.getReason()).orElse("确认违纪");
            case CERTIFIED -> "证书编号：" + certificates.find(id).map(c -> c.getCertificateNumber()).orElse("—")
                    + "，可在报名详情中下载电子证书";
        };
    }
}
