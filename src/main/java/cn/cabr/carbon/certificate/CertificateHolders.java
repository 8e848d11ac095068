package cn.cabr.carbon.certificate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidates;

/**
 * The name printed on an application's certificates: the candidate's account name, unless a reissue corrected it
 * (the correction is kept with the certificate, the account is not rewritten). Whatever renders a certificate PDF
 * prints this name.
 */
@Component
@Transactional(readOnly = true)
public class CertificateHolders {

    private final CertificateChangeRepository changes;
    private final Applications applications;
    private final Candidates candidates;

    CertificateHolders(CertificateChangeRepository changes, Applications applications, Candidates candidates) {
        this.changes = changes;
        this.applications = applications;
        this.candidates = candidates;
    }

    public String nameFor(long applicationId) {
        return changes.latestCorrectedName(applicationId).orElseGet(() ->
                candidates.get(applications.get(applicationId).getCandidateId()).getFullName());
    }

    /** The name on one certificate. */
    public String nameOn(Certificate certificate) {
        return certificate.getHolderName() != null ? certificate.getHolderName()
                : candidates.get(applications.get(certificate.getApplicationId()).getCandidateId()).getFullName();
    }
}
