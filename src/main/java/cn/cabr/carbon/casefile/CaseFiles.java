package cn.cabr.carbon.casefile;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.adjudication.Adjudications;
import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.CaseOutcome;
import cn.cabr.carbon.application.DocumentType;
import cn.cabr.carbon.certificate.CertificateStatus;
import cn.cabr.carbon.certificate.Certificates;
import cn.cabr.carbon.eligibility.Eligibility;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.review.Reviews;
import cn.cabr.carbon.scoring.ResultOutcome;
import cn.cabr.carbon.scoring.Scoring;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
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

    /** The candidate's view of their own case: stage, what to do next, and each module's part so far. */
    @Transactional(readOnly = true)
    public CaseStatus status(long candidateId, String applicationNumber) {
        Application a = applications.getOwned(candidateId, applicationNumber);
        long id = a.getId();
        ExamSession session = sessions.get(a.getSessionId());
        var reached = sessions.reachedMilestones(session.getId());
        var review = reviews.latest(id).map(r -> new CaseStatus.Review(r.getDecision().name(), r.getDecision().label(),
                r.getReason(), a.getSupplementTypes().stream().map(DocumentType::label).toList(), r.getDecidedAt()))
                .orElse(null);
        var check = eligibility.latest(id)
                .map(e -> new CaseStatus.Eligibility(e.isEligible(), e.getRuleCode(), e.getReason())).orElse(null);
        HoursCheck hoursCheck = trainingHours.check(id);
        var hours = new CaseStatus.Hours(hoursCheck.counted(), hoursCheck.required(), hoursCheck.cutoff());
        var sittingEntity = delivery.findByApplication(id);
        var sitting = sittingEntity.map(s -> new CaseStatus.Sitting(s.getStatus().name(), s.getStatus().label(),
                s.getDeadline())).orElse(null);
        var result = scoring.find(id).filter(r -> r.isPublished()).map(r -> {
            boolean voided = r.getOutcome() == ResultOutcome.VOIDED;
            return new CaseStatus.Result(voided ? 0 : r.getTotalScore(), r.getTotalPoints(), r.getPassMark(),
                    r.getOutcome().name(), r.getOutcome().label(), r.getPublishedAt(), voided ? List.of()
                            : scoring.breakdown(id).stream().map(p -> new CaseStatus.Part(p.getDimension(),
                                    p.getCategory(), p.categoryLabel(), p.getScore(), p.getMaxPoints())).toList());
        }).orElse(null);
        var adjudication = result == null ? null : sittingEntity.flatMap(s -> adjudications.latest(s.getId()))
                .map(d -> new CaseStatus.Adjudication(d.getDecision().name(), d.getDecision().label(), d.getReason(),
                        d.getDecidedAt())).orElse(null);
        var certificate = certificates.find(id).map(c -> new CaseStatus.Certificate(c.getCertificateNumber(),
                c.getIssuedOn().toString(), c.getStatus() == CertificateStatus.REVOKED ? null
                        : "/api/applications/" + applicationNumber + "/certificate",
                c.getStatus().name(), c.getStatus().label(),
                c.getRevokedAt() == null ? null : Dates.date(c.getRevokedAt(), zone), c.getRevocationReason(),
                certificates.numberOf(c.getReplacesId()))).orElse(null);
        var milestones = Arrays.stream(Milestone.values()).map(m -> new CaseStatus.Milestone(m.name(),
                m.label(), session.dueAt(m), reached.containsKey(m) ? reached.get(m).getReachedAt() : null)).toList();
        Stage stage = stageOf(a, session, check, hoursCheck, sittingEntity.orElse(null), result != null,
                certificate != null);
        boolean revoked = certificate != null && CertificateStatus.REVOKED.name().equals(certificate.status());
        return new CaseStatus(a.getApplicationNumber(), session.getCode(), session.getName(), stage.name(),
                revoked ? "证书已撤销" : stage.label,
                revoked ? "证书已撤销，不再有效；撤销原因见下方电子证书一栏，如有异议请联系考务客服" : stage.nextStep(session, zone),
                a.getOutcome() == null ? null : a.getOutcome().name(),
                a.getOutcome() == null ? null : a.getOutcome().label(), a.getClosingReason(), review, check, hours,
                sitting, result, adjudication, certificate, milestones, session.getSupportContact());
    }

    private Stage stageOf(Application a, ExamSession session, CaseStatus.Eligibility check, HoursCheck hours,
            Sitting sitting, boolean resultPublished, boolean certified) {
        return switch (a.getStatus()) {
            case DRAFT -> Stage.DRAFT;
            case SUBMITTED -> Stage.UNDER_REVIEW;
            case SUPPLEMENT_REQUESTED -> Stage.SUPPLEMENT_REQUESTED;
            case CLOSED -> certified ? Stage.CERTIFIED : Stage.CLOSED;
            case APPROVED -> {
                if (check == null) {
                    yield Stage.ELIGIBILITY_CHECK;
                }
                if (sitting == null) {
                    yield sessions.isReachedReadOnly(session.getId(), Milestone.HOURS_COUNTED)
                            ? Stage.WAITING_FOR_EXAM : Stage.COLLECTING_HOURS;
                }
                yield switch (sitting.getStatus()) {
                    case READY, REOPENED -> Stage.EXAM_READY;
                    case IN_PROGRESS -> Stage.EXAM_IN_PROGRESS;
                    default -> resultPublished ? Stage.WAITING_FOR_CERTIFICATE : Stage.GRADING;
                };
            }
        };
    }

    enum Stage {
        DRAFT("填写报名信息"),
        UNDER_REVIEW("报名材料审核中"),
        SUPPLEMENT_REQUESTED("需补充报名材料"),
        ELIGIBILITY_CHECK("报考资格审查中"),
        COLLECTING_HOURS("考前培训学时累计中"),
        WAITING_FOR_EXAM("等待考试开始"),
        EXAM_READY("考试已开放"),
        EXAM_IN_PROGRESS("考试进行中"),
        GRADING("阅卷及核查中，等待成绩公布"),
        WAITING_FOR_CERTIFICATE("考试合格，等待颁发证书"),
        CERTIFIED("证书已颁发"),
        CLOSED("报名已结束");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        String nextStep(ExamSession s, ZoneId zone) {
            return switch (this) {
                case DRAFT -> "完善报名信息并上传全部材料后提交报名，截止 " + Dates.dateTime(s.getApplicationsCloseAt(), zone);
                case UNDER_REVIEW, ELIGIBILITY_CHECK -> "请等待审核结果，审核结果将通过通知告知";
                case SUPPLEMENT_REQUESTED -> "请按审核意见重新上传所需材料并提交，截止 " + Dates.dateTime(s.getMaterialsCloseAt(), zone);
                case COLLECTING_HOURS -> "请在 " + Dates.dateTime(s.getHoursCutoffAt(), zone) + " 前完成 " + s.getRequiredHours()
                        + " 学时的考前培训";
                case WAITING_FOR_EXAM -> "请于 " + Dates.dateTime(s.getExamStartAt(), zone) + " 考试开始时进入考试，并提前调试摄像头、麦克风和网络";
                case EXAM_READY -> "考试已开放，请立即进入考试";
                case EXAM_IN_PROGRESS -> "请继续作答，系统按服务器时间计时";
                case GRADING -> "成绩将于 " + Dates.dateTime(s.getScoresPublishAt(), zone) + " 公布";
                case WAITING_FOR_CERTIFICATE -> "证书将于 " + Dates.dateTime(s.getCertificatesIssueAt(), zone) + " 颁发";
                case CERTIFIED -> "可下载电子证书";
                case CLOSED -> "本次报名已结束，原因见结束说明";
            };
        }
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
            case ABSENT -> delivery.findByApplication(id).filter(s -> s.getRemedyWindowEnd() != null)
                    .map(s -> "未在重考期限（" + Dates.dateTime(s.getRemedyWindowEnd(), zone) + " 前）内参加重考")
                    .orElse("未在考试时间（" + Dates.dateTime(session.getExamStartAt(), zone) + " 起）内参加考试");
            case FAILED -> scoring.find(id).map(r -> "总分 " + r.getTotalScore() + " 分，低于及格分 " + r.getPassMark() + " 分")
                    .orElse("考试未通过");
            case VOIDED -> "违纪裁定：" + delivery.findByApplication(id).flatMap(s -> adjudications.latest(s.getId()))
                    .map(a -> a.getReason()).orElse("确认违纪");
            case CERTIFIED -> "证书编号：" + certificates.find(id).map(c -> c.getCertificateNumber()).orElse("—")
                    + "，可在报名详情中下载电子证书";
        };
    }
}
