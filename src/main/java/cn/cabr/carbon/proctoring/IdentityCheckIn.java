package cn.cabr.carbon.proctoring;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.exam.SittingStatus;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.SessionDuty;
import cn.cabr.carbon.session.SessionStaff;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Identity check-in before the answer page. The browser finds and describes the faces (face-api) in the live camera
 * picture, in the application photo and in the ID-card photo; the server compares the descriptors with the
 * {@link FaceMatcher} and records the distances. Both below the threshold: the candidate goes on. Otherwise a
 * proctor of the session confirms or refuses the identity in Tasklist, with the live picture and the photo of the
 * candidate holding the ID card as evidence. The descriptors come from the candidate's browser, so a manipulated
 * browser could send made-up ones: the images kept as evidence are what a later review relies on.
 */
@Service
@Transactional
public class IdentityCheckIn {

    public record CheckInRequest(List<Double> liveDescriptor, List<Double> photoDescriptor,
            List<Double> idCardDescriptor, Integer liveFaceCount, String liveImage, String idCardHeldImage) {
    }

    /**
     * Where the check-in stands. {@code attemptsLeft}: how many more refusals the candidate may take (each refusal by a
     * proctor uses one of {@code attemptsAllowed}); {@code finalRefusal}: none left, the candidate cannot sit this
     * exam and is told to call {@code supportContact}. {@code escalated}: the proctors took too long, the managers
     * were asked as well.
     */
    public record CheckInView(boolean required, IdentityCheckStatus status, String statusLabel, boolean mayEnter,
            Double photoDistance, Double idCardDistance, Double threshold, String reason, int attemptsAllowed,
            int attemptsLeft, boolean finalRefusal, boolean escalated, String supportContact) {
    }

    private static final int MAX_REASON = 1000;

    private final IdentityCheckRepository checks;
    private final ExamDelivery delivery;
    private final ExamSessions sessions;
    private final SessionStaff staff;
    private final FaceMatcher matcher;
    private final Evidence evidence;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int attemptsAllowed;
    private final AuditLog auditLog;

    IdentityCheckIn(IdentityCheckRepository checks, ExamDelivery delivery, ExamSessions sessions, SessionStaff staff,
            FaceMatcher matcher, Evidence evidence, ApplicationEventPublisher events, Clock clock, AuditLog auditLog,
            @Value("${certification.proctoring.identity-attempts:3}") int attemptsAllowed) {
        if (attemptsAllowed < 1) {
            throw new IllegalArgumentException("certification.proctoring.identity-attempts must be at least 1");
        }
        this.attemptsAllowed = attemptsAllowed;
        this.auditLog = auditLog;
        this.checks = checks;
        this.delivery = delivery;
        this.sessions = sessions;
        this.staff = staff;
        this.matcher = matcher;
        this.evidence = evidence;
        this.events = events;
        this.clock = clock;
    }

    public CheckInView submit(long candidateId, String applicationNumber, CheckInRequest request) {
        Sitting sitting = delivery.owned(candidateId, applicationNumber);
        if (sitting.getStatus() != SittingStatus.READY && sitting.getStatus() != SittingStatus.IN_PROGRESS) {
            throw BusinessException.conflict("SITTING_NOT_OPEN", "考试已结束或尚未开放（" + sitting.getStatus().label() + "），无需身份核验");
        }
        Optional<IdentityCheck> latest = checks.findFirstBySittingIdOrderByIdDesc(sitting.getId());
        ExamSession session = sessions.get(sitting.getSessionId());
        if (latest.isPresent() && latest.get().getStatus().mayEnter()) {
            return view(session, latest);
        }
        if (latest.isPresent() && latest.get().getStatus() == IdentityCheckStatus.AWAITING_PROCTOR) {
            throw BusinessException.conflict("IDENTITY_REVIEW_PENDING", "已提交人工核验，请等待监考员确认，无需重复提交");
        }
        if (attemptsLeft(sitting.getId()) == 0) {
            throw BusinessException.conflict("IDENTITY_ATTEMPTS_EXHAUSTED", finalRefusalMessage(session));
        }
        if (request == null) {
            throw BusinessException.invalid("CHECK_IN_EMPTY", "请先拍摄人脸照片和手持身份证照片");
        }
        int faces = request.liveFaceCount() == null ? 0 : request.liveFaceCount();
        if (faces == 0) {
            throw BusinessException.invalid("NO_FACE", "未能在摄像头画面中检测到人脸，请正对摄像头、调整光线后重新拍摄");
        }
        if (faces > 1) {
            throw BusinessException.invalid("MULTIPLE_FACES", "摄像头画面中检测到 " + faces + " 张人脸，请确保画面中只有考生本人");
        }
        FaceDescriptor live = FaceDescriptor.of(request.liveDescriptor(), "摄像头画面");
        Double toPhoto = distance(live, request.photoDescriptor(), "报名照片");
        Double toIdCard = distance(live, request.idCardDescriptor(), "身份证照片");
        IdentityCheck check = checks.save(new IdentityCheck(sitting.getId(), sitting.getSessionId(), applicationNumber,
                toPhoto, toIdCard, matcher.threshold(), clock.instant()));
        evidence.store(sitting, EvidenceKind.LIVE_FACE, null, request.liveImage(), "人脸照片");
        evidence.store(sitting, EvidenceKind.ID_CARD_HELD, null, request.idCardHeldImage(), "手持身份证照片");
        if (check.getStatus() == IdentityCheckStatus.AWAITING_PROCTOR) {
            events.publishEvent(new IdentityReviewRequested(check.getId(), check.getSessionId(), applicationNumber));
        }
        return view(session, Optional.of(check));
    }

    /** Where the candidate's check-in stands (the waiting page asks every few seconds). */
    @Transactional(readOnly = true)
    public CheckInView status(long candidateId, String applicationNumber) {
        Sitting sitting = delivery.owned(candidateId, applicationNumber);
        return view(sessions.get(sitting.getSessionId()), checks.findFirstBySittingIdOrderByIdDesc(sitting.getId()));
    }

    /** The refusals this sitting may still take: every check-in is kept, each refusal by a proctor uses one attempt. */
    private int attemptsLeft(long sittingId) {
        return (int) Math.max(0, attemptsAllowed - checks.countBySittingIdAndStatus(sittingId, IdentityCheckStatus.REFUSED));
    }

    String finalRefusalMessage(ExamSession session) {
        return "您的 " + attemptsAllowed + " 次身份核验机会已用完，监考员均未能确认您的身份，不能参加本场考试。如有异议，请联系考务客服："
                + session.getSupportContact() + "。";
    }

    /** Whether the answer page must wait: the session requires the check-in and it has not let the candidate in. */
    @Transactional(readOnly = true)
    public boolean mustCheckIn(long sittingId) {
        Sitting sitting = delivery.get(sittingId);
        if (!sessions.get(sitting.getSessionId()).isIdentityCheckRequired()) {
            return false;
        }
        return checks.findFirstBySittingIdOrderByIdDesc(sittingId).map(c -> !c.getStatus().mayEnter()).orElse(true);
    }

    @Transactional(readOnly = true)
    public IdentityCheck get(long checkId) {
        return checks.findById(checkId)
                .orElseThrow(() -> BusinessException.notFound("IDENTITY_CHECK_NOT_FOUND", "身份核验记录不存在"));
    }

    /**
     * The proctor's decision: only a proctor assigned to the session, only while the check waits, always with a
     * reason (the candidate reads it when refused).
     */
    public IdentityCheck decide(long checkId, String proctorId, boolean confirmed, String reason) {
        return decide(checkId, proctorId, confirmed, reason, false);
    }

    /**
     * The same; {@code manager} is true when the decider is a manager, who may decide an escalated check of any
     * session (a proctor only those of their own sessions).
     */
    public IdentityCheck decide(long checkId, String proctorId, boolean confirmed, String reason, boolean manager) {
        IdentityCheck check = get(checkId);
        if (check.getStatus() != IdentityCheckStatus.AWAITING_PROCTOR) {
            throw BusinessException.conflict("IDENTITY_ALREADY_DECIDED", "该身份核验已处理（" + check.getStatus().label() + "）");
        }
        boolean allowed = staff.isAssigned(check.getSessionId(), proctorId, SessionDuty.PROCTOR)
                || manager && check.getEscalatedAt() != null;
        if (!allowed) {
            throw BusinessException.invalid("NOT_SESSION_PROCTOR", "您不是本考期的监考员，不能核验该考生身份");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.length() < 2 || text.length() > MAX_REASON) {
            throw BusinessException.invalid("REASON_REQUIRED", "请填写核验理由（2 到 " + MAX_REASON + " 个字）");
        }
        check.decide(confirmed, proctorId, text, clock.instant());
        auditLog.record(AuditAction.IDENTITY_CONFIRMED, proctorId, check.getApplicationNumber(),
                sessions.get(check.getSessionId()).getCode(), (manager && !staff.isAssigned(check.getSessionId(),
                        proctorId, SessionDuty.PROCTOR) ? "考务管理员" : "监考员") + "人工核验报名 "
                        + check.getApplicationNumber() + " 的考生身份：" + (confirmed ? "确认本人，准予入场" : "不予确认，拒绝入场"),
                text);
        return check;
    }

    /** The proctors did not decide in time (IdentityCheck.bpmn): the candidate's page says so, managers may decide. */
    public void escalate(long checkId) {
        get(checkId).escalate(clock.instant());
    }

    /** Nobody decided even after the escalation: the check ends undecided and the candidate may submit again. */
    public void expire(long checkId) {
        get(checkId).expire("监考员和考务管理员均未在规定时间内完成人工核验，请重新提交核验", clock.instant());
    }

    /** No face found in a document (an old or poor scan) is no refusal: it leaves the decision to a proctor. */
    private Double distance(FaceDescriptor live, List<Double> reference, String what) {
        return reference == null || reference.isEmpty() ? null
                : matcher.compare(live, FaceDescriptor.of(reference, what)).distance();
    }

    private CheckInView view(ExamSession session, Optional<IdentityCheck> latest) {
        if (latest.isEmpty()) {
            return new CheckInView(session.isIdentityCheckRequired(), null, "尚未核验", !session.isIdentityCheckRequired(),
                    null, null, null, null, attemptsAllowed, attemptsAllowed, false, false, session.getSupportContact());
        }
        IdentityCheck c = latest.get();
        int left = attemptsLeft(c.getSittingId());
        boolean explained = c.getStatus() == IdentityCheckStatus.REFUSED || c.getStatus() == IdentityCheckStatus.EXPIRED;
        return new CheckInView(session.isIdentityCheckRequired(), c.getStatus(), c.getStatus().label(),
                c.getStatus().mayEnter() || !session.isIdentityCheckRequired(), c.getPhotoDistance(), c.getIdCardDistance(),
                c.getThreshold(), explained ? c.getDecisionReason() : null, attemptsAllowed, left,
                c.getStatus() == IdentityCheckStatus.REFUSED && left == 0, c.getEscalatedAt() != null,
                session.getSupportContact());
    }
}
