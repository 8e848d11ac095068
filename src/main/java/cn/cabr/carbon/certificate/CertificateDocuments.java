package cn.cabr.carbon.certificate;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.storage.FileStorage;
import cn.cabr.carbon.storage.StoredFile;

/**
 * Renders and stores the PDF of one certificate. A minimal version (today's renderer, as Certificates.issue uses
 * it) so the lifecycle's reissue compiles and runs; the certificate-PDF work replaces it with the full document
 * (photo, QR code, signature). Whatever replaces it must print {@link CertificateHolders#nameFor}.
 */
@Component
public class CertificateDocuments {

    private final CertificatePdfRenderer renderer;
    private final FileStorage storage;
    private final Applications applications;
    private final Candidates candidates;
    private final ExamSessions sessions;
    private final CertificateHolders holders;
    private final String issuer;

    CertificateDocuments(CertificatePdfRenderer renderer, FileStorage storage, Applications applications,
            Candidates candidates, ExamSessions sessions, CertificateHolders holders,
            @Value("${certification.certificate.issuer}") String issuer) {
        this.renderer = renderer;
        this.storage = storage;
        this.applications = applications;
        this.candidates = candidates;
        this.sessions = sessions;
        this.holders = holders;
        this.issuer = issuer;
    }

    public StoredFile produce(long applicationId, String certificateNumber, LocalDate issuedOn) {
        Application application = applications.get(applicationId);
        Candidate candidate = candidates.get(application.getCandidateId());
        byte[] pdf = renderer.render(new CertificateContent(holders.nameFor(applicationId),
                candidate.getMaskedIdNumber(), certificateNumber, sessions.get(application.getSessionId()).getName(),
                issuedOn, issuer));
        return storage.store(pdf);
    }
}
