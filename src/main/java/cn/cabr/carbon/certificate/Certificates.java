package cn.cabr.carbon.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.application.DocumentContent;
import cn.cabr.carbon.scoring.ResultOutcome;
import cn.cabr.carbon.scoring.Scoring;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.storage.FileStorage;
import cn.cabr.carbon.storage.StoredFile;

/** Certificates (颁发证书): numbered, rendered as PDF, stored, and downloadable only by their holder. */
@Service
@Transactional
public class Certificates {

    private final CertificateRepository certificates;
    private final CertificatePdfRenderer renderer;
    private final FileStorage storage;
    private final Applications applications;
    private final Candidates candidates;
    private final ExamSessions sessions;
    private final Scoring scoring;
    private final Clock clock;
    private final ZoneId zone;
    private final String issuer;

    Certificates(CertificateRepository certificates, CertificatePdfRenderer renderer, FileStorage storage,
            Applications applications, Candidates candidates, ExamSessions sessions, Scoring scoring, Clock clock,
            ZoneId businessZone, @Value("${certification.certificate.issuer}") String issuer) {
        this.certificates = certificates;
        this.renderer = renderer;
        this.storage = storage;
        this.applications = applications;
        this.candidates = candidates;
        this.sessions = sessions;
        this.scoring = scoring;
        this.clock = clock;
        this.zone = businessZone;
        this.issuer = issuer;
    }

    /** Issues the certificate of a passed, published result. A retried job gets the certificate already issued. */
    public Certificate issue(long applicationId) {
        Optional<Certificate> existing = certificates.findByApplicationId(applicationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        boolean passed = scoring.find(applicationId)
                .filter(r -> r.isPublished() && r.getOutcome() == ResultOutcome.PASSED).isPresent();
        if (!passed) {
            throw new IllegalStateException("Application " + applicationId + " has no published passing result");
        }
        Application application = applications.get(applicationId);
        Candidate candidate = candidates.get(application.getCandidateId());
        ExamSession session = sessions.get(application.getSessionId());
        LocalDate issuedOn = LocalDate.now(clock.withZone(zone));
        String number = sessions.nextCertificateNumber(session.getId(), issuedOn);
        byte[] pdf = renderer.render(new CertificateContent(candidate.getFullName(), candidate.getMaskedIdNumber(),
                number, session.getName(), issuedOn, issuer));
        StoredFile stored = storage.store(pdf);
        return certificates.save(new Certificate(applicationId, number, issuedOn, stored.key(), stored.sha256(),
                stored.size(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<Certificate> find(long applicationId) {
        return certificates.findByApplicationId(applicationId);
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
        Certificate certificate = certificates.findByApplicationId(application.getId())
                .orElseThrow(() -> BusinessException.notFound("CERTIFICATE_NOT_ISSUED", "证书尚未颁发"));
        if (certificate.getStatus() == CertificateStatus.REVOKED) {
            throw new BusinessException(BusinessException.Kind.GONE, "CERTIFICATE_REVOKED",
                    "证书已撤销（" + certificate.getRevocationReason() + "），不再提供下载");
        }
        return new DocumentContent(certificate.getCertificateNumber() + ".pdf", "application/pdf",
                storage.read(certificate.getStorageKey(), certificate.getSha256()));
    }
}
