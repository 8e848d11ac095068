package cn.cabr.carbon.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.DocumentContent;
import cn.cabr.carbon.scoring.ResultOutcome;
import cn.cabr.carbon.scoring.Scoring;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.storage.FileStorage;
import cn.cabr.carbon.storage.StoredFile;

/**
 * Certificates (颁发证书): numbered, rendered as a signed PDF, stored, and downloadable only by their holder.
 *
 * <p><b>Exactly once.</b> {@link #issue} may run twice for the same case: a retried job, or the same job on two
 * nodes after a lock expired. It works in two steps, always taking locks in the same order (session row, then
 * certificate row), so no number is consumed twice or lost and no case gets two certificates:
 * <ol>
 * <li><b>Reserve the number</b> in a transaction of its own: lock the session row, look for the case's certificate
 * (the winner of a race has committed it by the time the loser gets the lock, so the loser finds it and takes no
 * number), otherwise take the session's next sequence number and insert the certificate row; commit. The
 * sequence update and the row commit together, so a number is never taken without its row and the sequence has
 * no gaps. {@code UNIQUE (application_id)} is the backstop: should an insert still collide, that transaction rolls
 * back (its number with it) and the existing certificate is returned. The session lock is held for milliseconds,
 * not for the rendering, so a session's certificates are rendered in parallel.</li>
 * <li><b>Produce the PDF</b> in the caller's transaction (the job's): lock the certificate row; if it has no PDF
 * yet, render, sign and store it ({@link CertificateDocuments}) and attach it. A second execution waits for the row
 * and then finds the PDF. If the job fails, the attachment rolls back, the stored file is deleted, the reserved
 * number stays, and the retry produces the PDF under the same number and date.</li>
 * </ol>
 */
@Service
@Transactional
public class Certificates {

    private final CertificateRepository certificates;
    private final CertificateDocuments documents;
    private final FileStorage storage;
    private final Applications applications;
    private final ExamSessions sessions;
    private final Scoring scoring;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate newTransaction;

    Certificates(CertificateRepository certificates, CertificateDocuments documents, FileStorage storage,
            Applications applications, ExamSessions sessions, Scoring scoring, Clock clock, ZoneId businessZone,
            PlatformTransactionManager transactionManager) {
        this.certificates = certificates;
        this.documents = documents;
        this.storage = storage;
        this.applications = applications;
        this.sessions = sessions;
        this.scoring = scoring;
        this.clock = clock;
        this.zone = businessZone;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Issues the certificate of a passed, published result, or returns the one already issued (a retried or
     * duplicate job). Must not be called while holding the session's row lock (the reservation runs in a
     * transaction of its own and would wait for it).
     */
    public Certificate issue(long applicationId) {
        long certificateId = reserveNumber(applicationId);
        Certificate certificate = certificates.lockById(certificateId)
                .orElseThrow(() -> new IllegalStateException("Certificate " + certificateId + " vanished"));
        if (!certificate.isProduced()) {
            StoredFile pdf = documents.produce(applicationId, certificate.getCertificateNumber(),
                    certificate.getIssuedOn());
            certificate.attach(pdf, clock.instant());
        }
        return certificate;
    }

    private long reserveNumber(long applicationId) {
        try {
            return newTransaction.execute(status -> {
                Optional<Certificate> existing = certificates.findByApplicationId(applicationId);
                if (existing.isPresent()) {
                    return existing.get().getId();
                }
                requirePublishedPass(applicationId);
                Application application = applications.get(applicationId);
                sessions.lockForCertificates(application.getSessionId());
                // after the lock: a concurrent issue for this case has committed its row or has not begun
                existing = certificates.findByApplicationId(applicationId);
                if (existing.isPresent()) {
                    return existing.get().getId();
                }
                LocalDate issuedOn = LocalDate.now(clock.withZone(zone));
                String number = sessions.nextCertificateNumber(application.getSessionId(), issuedOn);
                return certificates.saveAndFlush(new Certificate(applicationId, number, issuedOn, clock.instant()))
                        .getId();
            });
        } catch (DataIntegrityViolationException e) {
            // only a writer that bypassed the session lock can get here; its certificate stands, ours rolled back
            return newTransaction.execute(status -> certificates.findByApplicationId(applicationId)).orElseThrow(() -> e)
                    .getId();
        }
    }

    private void requirePublishedPass(long applicationId) {
        boolean passed = scoring.find(applicationId)
                .filter(r -> r.isPublished() && r.getOutcome() == ResultOutcome.PASSED).isPresent();
        if (!passed) {
            throw new IllegalStateException("Application " + applicationId + " has no published passing result");
        }
    }

    /** The issued certificate (with its PDF); a number still waiting for its PDF is not one yet. */
    @Transactional(readOnly = true)
    public Optional<Certificate> find(long applicationId) {
        return certificates.findByApplicationId(applicationId).filter(Certificate::isProduced);
    }

    /** The number of a certificate by its id (null for null): what a reissued certificate replaced. */
    @Transactional(readOnly = true)
    public String numberOf(Long certificateId) {
        return certificateId == null ? null
                : certificates.findById(certificateId).map(Certificate::getCertificateNumber).orElse(null);
    }

    /** The PDF of the current certificate for its holder; anyone else's is simply not found, a revoked one is gone. */
    @Transactional(readOnly = true)
    public DocumentContent download(long candidateId, String applicationNumber) {
        Application application = applications.getOwned(candidateId, applicationNumber);
        Certificate certificate = find(application.getId())
                .orElseThrow(() -> BusinessException.notFound("CERTIFICATE_NOT_ISSUED", "证书尚未颁发"));
        if (certificate.getStatus() == CertificateStatus.REVOKED) {
            throw new BusinessException(BusinessException.Kind.GONE, "CERTIFICATE_REVOKED",
                    "证书已撤销（" + certificate.getRevocationReason() + "），不再提供下载");
        }
        return new DocumentContent(certificate.getCertificateNumber() + ".pdf", "application/pdf",
                storage.read(certificate.getStorageKey(), certificate.getSha256()));
    }
}
