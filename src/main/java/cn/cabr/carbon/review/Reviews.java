package cn.cabr.carbon.review;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.application.ApplicationStatus;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.DocumentType;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.Dates;

/** Manual document review: records a reviewer's decision and what follows from it for the application. */
@Service
@Transactional
public class Reviews {

    private static final int MIN_REASON_LENGTH = 5;

    private final ReviewDecisionRepository decisions;
    private final Applications applications;
    private final ExamSessions sessions;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ZoneId zone;

    Reviews(ReviewDecisionRepository decisions, Applications applications, ExamSessions sessions,
            Notifications notifications, AuditLog auditLog, Clock clock, ZoneId businessZone) {
        this.decisions = decisions;
        this.applications = applications;
        this.sessions = sessions;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
        this.zone = businessZone;
    }

    /**
     * Records the decision. A reason is required for a rejection or a supplement request, and a supplement
     * request must name at least one document: the candidate has to know what to fix.
     */
    public ReviewDecision record(long applicationId, String reviewer, ReviewOutcome outcome, String reason,
            Collection<String> requestedDocuments) {
        if (outcome == null) {
            throw BusinessException.invalid("REVIEW_DECISION_MISSING", "请选择审核结论");
        }
        Application application = applications.get(applicationId);
        if (application.getStatus() != ApplicationStatus.SUBMITTED) {
            throw BusinessException.conflict("REVIEW_NOT_PENDING",
                    "报名 " + application.getApplicationNumber() + " 当前不在待审核状态（" + application.getStatus().label() + "）");
        }
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (outcome != ReviewOutcome.APPROVE && (cleanReason == null || cleanReason.length() < MIN_REASON_LENGTH)) {
            throw BusinessException.invalid("REVIEW_REASON_REQUIRED",
                    outcome.label() + "时必须填写原因（至少 " + MIN_REASON_LENGTH + " 个字），考生将看到此原因");
        }
        Set<DocumentType> requested = parseDocuments(requestedDocuments);
        if (outcome == ReviewOutcome.REQUEST_SUPPLEMENT && requested.isEmpty()) {
            throw BusinessException.invalid("SUPPLEMENT_DOCUMENTS_REQUIRED", "要求补充材料时，请勾选需要考生重新提交的材料");
        }
        if (outcome != ReviewOutcome.REQUEST_SUPPLEMENT) {
            requested = Set.of();
        }
        ReviewDecision decision = decisions.save(new ReviewDecision(applicationId, reviewer, outcome, cleanReason,
                requested.isEmpty() ? null : requested.stream().map(Enum::name).collect(Collectors.joining(",")),
                clock.instant()));
        switch (outcome) {
            case APPROVE -> applications.approve(applicationId);
            case REQUEST_SUPPLEMENT -> requestSupplement(application, requested, cleanReason);
            case REJECT -> { } // the case closes with this reason at its end event
        }
        auditLog.record(AuditAction.DOCUMENTS_REVIEWED, reviewer, application.getApplicationNumber(),
                sessions.get(application.getSessionId()).getCode(),
                "报名 " + application.getApplicationNumber() + " 材料审核结论：" + outcome.label()
                        + (requested.isEmpty() ? "" : "；需补充："
                                + requested.stream().map(DocumentType::label).collect(Collectors.joining("、"))),
                cleanReason);
        return decision;
    }

    @Transactional(readOnly = true)
    public Optional<ReviewDecision> latest(long applicationId) {
        return decisions.findFirstByApplicationIdOrderByDecidedAtDescIdDesc(applicationId);
    }

    @Transactional(readOnly = true)
    public List<ReviewDecision> history(long applicationId) {
        return decisions.findByApplicationIdOrderByDecidedAtAscIdAsc(applicationId);
    }

    private void requestSupplement(Application application, Set<DocumentType> requested, String reason) {
        applications.requestSupplement(application.getId(), requested);
        var session = sessions.get(application.getSessionId());
        notifications.notify(application.getCandidateId(), application.getId(), "SUPPLEMENT_REQUESTED",
                "请补充报名材料",
                "您的报名（" + application.getApplicationNumber() + "）需要补充材料："
                        + requested.stream().map(DocumentType::label).collect(Collectors.joining("、"))
                        + "。原因：" + reason + "。请于 " + Dates.dateTime(session.getMaterialsCloseAt(), zone)
                        + " 前重新上传并提交，逾期报名将关闭。");
    }

    private static Set<DocumentType> parseDocuments(Collection<String> values) {
        Set<DocumentType> types = EnumSet.noneOf(DocumentType.class);
        if (values == null) {
            return types;
        }
        for (String value : values) {
            try {
                types.add(DocumentType.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw BusinessException.invalid("DOCUMENT_TYPE_INVALID", "材料类型无效：" + value);
            }
        }
        return types;
    }
}
