package cn.cabr.carbon.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.Dates;
import cn.cabr.carbon.shared.PersonNames;
import cn.cabr.carbon.storage.StoredFile;

/**
 * Revocation and reissue (证书撤销与换发). A manager's request is checked and recorded at once (a refusal is a 4xx
 * with the reason); the CertificateLifecycle process then carries it out and notifies the candidate. The steps are
 * idempotent, so a retried job changes nothing twice. Requests and steps take the certificate's row lock, so two
 * managers, two nodes or a retry cannot both act on one certificate.
 */
@Service
@Transactional
public class CertificateLifecycle {

    static final int MAX_REASON = 500;
    /** Chinese names (with the middle dot of names such as 买买提·艾力) or Latin letters and spaces. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}·•]{2,30}|[A-Za-z][A-Za-z .'-]{1,59}");

    private final CertificateRepository certificates;
    private final CertificateChangeRepository changes;
    private final CertificateDocuments documents;
    private final CertificateHolders holders;
    private final Applications applications;
    private final ExamSessions sessions;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final AuditLog auditLog;

    CertificateLifecycle(CertificateRepository certificates, CertificateChangeRepository changes,
            CertificateDocuments documents, CertificateHolders holders, Applications applications,
            ExamSessions sessions, Notifications notifications, ApplicationEventPublisher events, Clock clock,
            ZoneId businessZone, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.certificates = certificates;
        this.changes = changes;
        this.documents = documents;
        this.holders = holders;
        this.applications = applications;
        this.sessions = sessions;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** 撤销: only a valid certificate, always with a reason. */
    public CertificateChange requestRevocation(String certificateNumber, String reason, String manager) {
        String why = requireReason(reason);
        Certificate certificate = lockActionable(certificateNumber);
        return request(certificate, CertificateChange.Kind.REVOCATION, why, null, manager);
    }

    /** 换发: a valid certificate is replaced by a new one with a new number, optionally with a corrected name. */
    public CertificateChange requestReissue(String certificateNumber, String reason, String correctedName,
            String manager) {
        String why = requireReason(reason);
        String name = correctedName == null || correctedName.isBlank() ? null : correctedName.strip();
        if (name != null && !NAME.matcher(name).matches()) {
            throw BusinessException.invalid("INVALID_CORRECTED_NAME",
                    "更正后的姓名格式不正确：应为 2–30 个汉字（可含间隔号·）或 2–60 个英文字母");
        }
        Certificate certificate = lockActionable(certificateNumber);
        if (name != null && name.equals(holders.nameOn(certificate))) {
            throw BusinessException.invalid("NAME_UNCHANGED", "更正后的姓名与证书上的姓名相同，无需更正");
        }
        return request(certificate, CertificateChange.Kind.REISSUE, why, name, manager);
    }

    /** Step 撤销证书 of the process. */
    public void revoke(long changeId) {
        CertificateChange change = changes.findById(changeId).orElseThrow();
        Certificate certificate = certificates.lockById(change.getCertificateId()).orElseThrow();
        if (!change.isPending()) {
            return;
        }
        Instant now = clock.instant();
        certificate.revoke(now, change.getRequestedBy(), change.getReason());
        change.complete(now, null);
    }

    /** Step 换发证书: the next number of the session, a new PDF, the old certificate superseded. */
    public Certificate reissue(long changeId) {
        CertificateChange change = changes.findById(changeId).orElseThrow();
        Certificate old = certificates.lockById(change.getCertificateId()).orElseThrow();
        if (!change.isPending()) {
            return certificates.findById(change.getReplacementId()).orElseThrow();
        }
        Application application = applications.get(old.getApplicationId());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String number = sessions.nextCertificateNumber(application.getSessionId(), today);
        String holderName = change.getCorrectedName() != null ? change.getCorrectedName() : old.getHolderName();
        StoredFile pdf = documents.produce(old.getApplicationId(), number, today);
        Instant now = clock.instant();
        Certificate replacement = certificates.saveAndFlush(Certificate.replacing(old, number, today, holderName,
                pdf, now));
        old.supersede(replacement, now);
        change.complete(now, replacement.getId());
        return replacement;
    }

    /** Step 通知考生 (撤销). */
    public void notifyRevoked(long changeId) {
        CertificateChange change = changes.findById(changeId).orElseThrow();
        Certificate certificate = certificates.findById(change.getCertificateId()).orElseThrow();
        Application application = applications.get(certificate.getApplicationId());
        notifications.notify(application.getCandidateId(), application.getId(), "CERTIFICATE_REVOKED", "证书已撤销",
                "您的证书（编号 " + certificate.getCertificateNumber() + "）已于 "
                        + Dates.dateTime(certificate.getRevokedAt(), zone) + " 撤销，原因：" + certificate.getRevocationReason()
                        + "。该证书不再有效，公开查验将显示为已撤销。如有异议，请联系考务客服。");
    }

    /** Step 通知考生 (换发). */
    public void notifyReissued(long changeId) {
        CertificateChange change = changes.findById(changeId).orElseThrow();
        Certificate old = certificates.findById(change.getCertificateId()).orElseThrow();
        Certificate replacement = certificates.findById(change.getReplacementId()).orElseThrow();
        Application application = applications.get(old.getApplicationId());
        notifications.notify(application.getCandidateId(), application.getId(), "CERTIFICATE_REISSUED", "证书已换发",
                "您的证书（编号 " + old.getCertificateNumber() + "）已换发为新证书，编号 "
                        + replacement.getCertificateNumber() + "，原因：" + change.getReason()
                        + (change.getCorrectedName() != null ? "；证书姓名已更正为 " + change.getCorrectedName() : "")
                        + "。原证书不再有效，请在报名详情中下载新证书。");
    }

    private CertificateChange request(Certificate certificate, CertificateChange.Kind kind, String reason,
            String correctedName, String manager) {
        if (changes.existsByCertificateIdAndCompletedAtIsNull(certificate.getId())) {
            throw BusinessException.conflict("CHANGE_PENDING", "该证书有尚未办结的撤销或换发，请稍后刷新查看结果");
        }
        CertificateChange change = changes.save(new CertificateChange(certificate.getId(), kind, reason,
                correctedName, manager, clock.instant()));
        events.publishEvent(new CertificateChangeRequested(change.getId(), certificate.getId(),
                certificate.getCertificateNumber(), kind));
        Application application = applications.get(certificate.getApplicationId());
        boolean revocation = kind == CertificateChange.Kind.REVOCATION;
        auditLog.record(revocation ? AuditAction.CERTIFICATE_REVOKED : AuditAction.CERTIFICATE_REISSUED, manager,
                application.getApplicationNumber(), sessions.get(application.getSessionId()).getCode(),
                (revocation ? "撤销证书 " : "换发证书 ") + certificate.getCertificateNumber() + "（报名 "
                        + application.getApplicationNumber() + "）"
                        + (correctedName == null ? "" : "，更正姓名为 " + PersonNames.mask(correctedName)),
                reason);
        return change;
    }

    private Certificate lockActionable(String certificateNumber) {
        Certificate certificate = certificates.lockByCertificateNumber(
                        certificateNumber == null ? "" : certificateNumber.strip())
                .orElseThrow(() -> BusinessException.notFound("CERTIFICATE_NOT_FOUND",
                        "证书编号不存在：" + certificateNumber));
        switch (certificate.getStatus()) {
            case REVOKED -> throw BusinessException.conflict("CERTIFICATE_REVOKED", "该证书已于 "
                    + Dates.dateTime(certificate.getRevokedAt(), zone) + " 撤销，不能再撤销或换发");
            case REISSUED -> throw BusinessException.conflict("CERTIFICATE_REISSUED", "该证书已换发为 "
                    + certificates.findById(certificate.getReplacedById()).map(Certificate::getCertificateNumber)
                            .orElse("新证书") + "，请对新证书操作");
            case VALID -> {
            }
        }
        return certificate;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("REASON_REQUIRED", "请填写原因");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw BusinessException.invalid("REASON_TOO_LONG", "原因不能超过 " + MAX_REASON + " 个字");
        }
        return why;
    }
}
