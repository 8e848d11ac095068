package cn.cabr.carbon.certificate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.shared.PersonNames;
import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;

/** The certificate register (证书登记簿): public verification by number, a manager's view, the session's workbook. */
@Service
@Transactional(readOnly = true)
public class CertificateRegister {

    private final CertificateRepository certificates;
    private final CertificateChangeRepository changes;
    private final CertificateHolders holders;
    private final Applications applications;
    private final Candidates candidates;
    private final ExamSessions sessions;
    private final ZoneId zone;

    CertificateRegister(CertificateRepository certificates, CertificateChangeRepository changes,
            CertificateHolders holders, Applications applications, Candidates candidates, ExamSessions sessions,
            ZoneId businessZone) {
        this.certificates = certificates;
        this.changes = changes;
        this.holders = holders;
        this.applications = applications;
        this.candidates = candidates;
        this.sessions = sessions;
        this.zone = businessZone;
    }

    /** The public answer for a certificate number; empty for a number that was never issued. */
    public Optional<PublicCertificate> verify(String certificateNumber) {
        if (certificateNumber == null || certificateNumber.isBlank() || certificateNumber.length() > 40) {
            return Optional.empty();
        }
        String number = certificateNumber.strip();
        return certificates.findByCertificateNumber(number)
                .or(() -> certificates.findByCertificateNumber(number.toUpperCase())).map(c -> {
            Application application = applications.get(c.getApplicationId());
            return publicView(c, PersonNames.mask(holders.nameOn(c)),
                    sessions.get(application.getSessionId()).getName());
        });
    }

    /** The manager's view: the full name, the status and every request made about the certificate. */
    public ManagerView detail(String certificateNumber) {
        Certificate c = certificates.findByCertificateNumber(certificateNumber == null ? "" : certificateNumber.strip())
                .orElseThrow(() -> cn.cabr.carbon.shared.BusinessException.notFound("CERTIFICATE_NOT_FOUND",
                        "证书编号不存在：" + certificateNumber));
        Application application = applications.get(c.getApplicationId());
        PublicCertificate view = publicView(c, holders.nameOn(c), sessions.get(application.getSessionId()).getName());
        List<ManagerView.Change> history = changes.findByCertificateIdOrderByIdAsc(c.getId()).stream()
                .map(ch -> new ManagerView.Change(ch.getId(), ch.getKind().name(), ch.getKind().label(), ch.getReason(),
                        ch.getCorrectedName(), ch.getRequestedBy(), ch.getRequestedAt(), ch.getCompletedAt(),
                        ch.getReplacementId() == null ? null : number(ch.getReplacementId())))
                .toList();
        return new ManagerView(view, application.getApplicationNumber(), c.getRevokedBy(), history);
    }

    public record ManagerView(PublicCertificate certificate, String applicationNumber, String revokedBy,
            List<Change> changes) {

        public record Change(long id, String kind, String kindLabel, String reason, String correctedName,
                String requestedBy, java.time.Instant requestedAt, java.time.Instant completedAt,
                String replacementNumber) {
        }
    }

    /** Every certificate of the session, reissued ones included, as the register workbook. */
    public byte[] workbook(String sessionCode) {
        ExamSession session = sessions.getByCode(sessionCode);
        List<Certificate> all = certificates.findBySession(session.getId());
        Map<Long, String> numbers = new HashMap<>();
        all.forEach(c -> numbers.put(c.getId(), c.getCertificateNumber()));
        List<CertificateRegisterWorkbook.Row> rows = all.stream().map(c -> {
            Candidate candidate = candidates.get(applications.get(c.getApplicationId()).getCandidateId());
            String name = c.getHolderName() != null ? c.getHolderName() : candidate.getFullName();
            return new CertificateRegisterWorkbook.Row(c.getCertificateNumber(), PersonNames.mask(name),
                    candidate.getMaskedIdNumber(), session.getName(), c.getIssuedOn(), c.getStatus().label(),
                    date(c.getRevokedAt()), c.getRevocationReason(),
                    c.getReplacedById() == null ? null : numbers.get(c.getReplacedById()));
        }).toList();
        return CertificateRegisterWorkbook.write(session.getName(), rows);
    }

    private PublicCertificate publicView(Certificate c, String name, String sessionName) {
        return new PublicCertificate(c.getCertificateNumber(), c.getStatus().name(), c.getStatus().label(), name,
                sessionName, c.getIssuedOn(), date(c.getRevokedAt()), c.getRevocationReason(),
                date(c.getSupersededAt()), c.getReplacedById() == null ? null : number(c.getReplacedById()),
                c.getReplacesId() == null ? null : number(c.getReplacesId()));
    }

    private String number(long certificateId) {
        return certificates.findById(certificateId).map(Certificate::getCertificateNumber).orElse(null);
    }

    private LocalDate date(java.time.Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, zone);
    }
}
