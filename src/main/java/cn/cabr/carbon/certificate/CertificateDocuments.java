package cn.cabr.carbon.certificate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriUtils;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.ApplicationDocument;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.application.DocumentType;
import cn.cabr.carbon.security.PublicUrl;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.storage.FileStorage;
import cn.cabr.carbon.storage.StoredFile;

/**
 * Produces a certificate's document: renders the PDF (name, masked ID number, the application's photo, exam and
 * issue dates, issuer, number, and the QR code of {@code {PUBLIC_URL}/verify/{number}}), signs it with the
 * certification centre's key and stores it. It neither numbers nor records certificates: {@link Certificates}
 * does that for a first issue, the register for a reissue (a new number, then this).
 *
 * <p>When called inside a transaction that later rolls back, the stored file is deleted again, so a failed job
 * leaves no orphan PDF behind.
 */
@Service
public class CertificateDocuments {

    private static final Logger log = LoggerFactory.getLogger(CertificateDocuments.class);

    private final Applications applications;
    private final Candidates candidates;
    private final CertificateHolders holders;
    private final ExamSessions sessions;
    private final CertificatePdfRenderer renderer;
    private final CertificateSigner signer;
    private final FileStorage storage;
    private final PublicUrl publicUrl;
    private final ZoneId zone;
    private final String issuer;

    CertificateDocuments(Applications applications, Candidates candidates, CertificateHolders holders, ExamSessions sessions,
            CertificatePdfRenderer renderer, CertificateSigner signer, FileStorage storage, PublicUrl publicUrl,
            ZoneId businessZone, @Value("${certification.certificate.issuer}") String issuer,
            @Value("${certification.public-url:}") String configuredPublicUrl) {
        this.applications = applications;
        this.candidates = candidates;
        this.holders = holders;
        this.sessions = sessions;
        this.renderer = renderer;
        this.signer = signer;
        this.storage = storage;
        this.publicUrl = publicUrl;
        this.zone = businessZone;
        this.issuer = issuer;
        if (!StringUtils.hasText(configuredPublicUrl)) {
            log.warn("certification.public-url (PUBLIC_URL) is not set: the QR codes on certificates issued now point "
                    + "at http://localhost and cannot be checked by anyone else. Set it before issuing certificates.");
        }
    }

    /** Renders, signs and stores the certificate PDF of the application under the given number and date. */
    @Transactional(readOnly = true)
    public StoredFile produce(long applicationId, String certificateNumber, LocalDate issuedOn) {
        Application application = applications.get(applicationId);
        Candidate candidate = candidates.get(application.getCandidateId());
        ExamSession session = sessions.get(application.getSessionId());
        CertificateContent content = new CertificateContent(holders.nameFor(applicationId), candidate.getMaskedIdNumber(),
                certificateNumber, session.getName(), LocalDate.ofInstant(session.getExamStartAt(), zone), issuedOn,
                issuer, verificationUrl(certificateNumber), CertificatePhoto.prepare(photoOf(applicationId)));
        byte[] pdf = signer.sign(renderer.render(content));
        StoredFile stored = storage.store(pdf);
        deleteIfRolledBack(stored.key());
        return stored;
    }

    /** The public verification page of a certificate: what its QR code encodes. */
    public String verificationUrl(String certificateNumber) {
        return publicUrl.of("/verify/" + UriUtils.encodePathSegment(certificateNumber, StandardCharsets.UTF_8));
    }

    /** The newest photo of the application (a photo is required for submission, so a passing case has one). */
    private byte[] photoOf(long applicationId) {
        ApplicationDocument photo = applications.currentDocuments(applicationId).stream()
                .filter(d -> d.getDocumentType() == DocumentType.PHOTO)
                .max(Comparator.comparing(ApplicationDocument::getUploadedAt))
                .orElseThrow(() -> new CertificateRenderingException(
                        "Application " + applicationId + " has no photo: the certificate cannot be produced"));
        return applications.readDocument(photo.getId()).bytes();
    }

    private void deleteIfRolledBack(String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    storage.delete(key);
                }
            }
        });
    }
}
