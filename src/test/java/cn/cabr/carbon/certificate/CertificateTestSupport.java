package cn.cabr.carbon.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.transaction.support.TransactionTemplate;

import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.storage.StoredFile;

/**
 * Issues a certificate to an application the way the issuing step does (next number of the session, the PDF
 * rendered and stored), without taking the case through exam, grading and publication: the lifecycle tests are about
 * what happens after issuance. A plain object built from the context's beans, so the tests share the suite's one
 * Spring context.
 */
class CertificateTestSupport {

    private final CertificateRepository certificates;
    private final CertificateDocuments documents;
    private final ExamSessions sessions;
    private final Applications applications;
    private final TransactionTemplate transaction;

    static CertificateTestSupport of(org.springframework.context.ApplicationContext context) {
        return new CertificateTestSupport(context.getBean(CertificateRepository.class),
                context.getBean(CertificateDocuments.class), context.getBean(ExamSessions.class),
                context.getBean(Applications.class), context.getBean(TransactionTemplate.class));
    }

    CertificateTestSupport(CertificateRepository certificates, CertificateDocuments documents, ExamSessions sessions,
            Applications applications, TransactionTemplate transaction) {
        this.certificates = certificates;
        this.documents = documents;
        this.sessions = sessions;
        this.applications = applications;
        this.transaction = transaction;
    }

    Certificate issue(long applicationId) {
        return transaction.execute(status -> {
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            String number = sessions.nextCertificateNumber(applications.get(applicationId).getSessionId(), today);
            StoredFile pdf = documents.produce(applicationId, number, today);
            Certificate certificate = new Certificate(applicationId, number, today, Instant.now());
            certificate.attach(pdf, Instant.now());
            return certificates.save(certificate);
        });
    }

    Certificate byNumber(String number) {
        return certificates.findByCertificateNumber(number).orElseThrow();
    }
}
