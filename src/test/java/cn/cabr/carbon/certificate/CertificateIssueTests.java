package cn.cabr.carbon.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.shared.UploadLimits;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * Issuing certificates in the running application: exactly once under concurrent and retried execution, and the
 * PDF a holder downloads (text, QR code, signature, size).
 */
@IntegrationTest
class CertificateIssueTests {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    Certificates certificates;
    @Autowired
    CertificateSigner signer;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UploadLimits storage;

    @Test
    void twoConcurrentIssuesGiveOneCertificateAndConsumeOneNumber_andTheHolderGetsASignedVerifiablePdf()
            throws Exception {
        CaseFixtures.ReadyCase passed = passedAndPublished("林双碳");
        long applicationId = fixtures.applicationIdOf(passed.number());
        long storedFiles = storedFiles();

        List<Certificate> issued = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Certificate>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(executor.submit(() -> {
                    start.await();
                    return certificates.issue(applicationId);
                }));
            }
            for (Future<Certificate> run : runs) {
                issued.add(run.get());
            }
        } finally {
            executor.shutdownNow();
        }

        String number = issued.get(0).getCertificateNumber();
        int year = LocalDate.now(ZONE).getYear();
        assertThat(number).isEqualTo("CEM-" + year + "-" + passed.session().getCode() + "-00001");
        assertThat(issued).extracting(Certificate::getCertificateNumber).containsOnly(number);
        assertThat(certificateRows(applicationId)).isEqualTo(1);
        assertThat(nextCertificateSeq(passed)).as("one number consumed").isEqualTo(2);
        assertThat(storedFiles()).as("one PDF rendered and stored").isEqualTo(storedFiles + 1);

        // the case's own job, run on the certificate date, finds the certificate and issues no second one
        fixtures.fire(fixtures.staff("manager"), passed.session().getCode(), Milestone.CERTIFICATES_ISSUED);
        assertThat(endOf(passed.number())).isEqualTo("EndEvent_CertificateIssued");
        assertThat(certificateRows(applicationId)).isEqualTo(1);
        assertThat(nextCertificateSeq(passed)).isEqualTo(2);

        ApiClient.Response download = passed.candidate().client().get("/api/applications/" + passed.number() + "/certificate");
        assertThat(download.status()).isEqualTo(200);
        byte[] pdf = download.body();
        assertThat(pdf).hasSizeLessThan(300 * 1024);
        String text = CertificatePdfChecks.text(pdf);
        assertThat(text).contains(CertificatePdfRenderer.TITLE)
                .contains("证书编号：" + number)
                .contains("考试日期：" + CHINESE_DATE.format(LocalDate.ofInstant(passed.session().getExamStartAt(), ZONE)))
                .contains("发证日期：" + CHINESE_DATE.format(LocalDate.now(ZONE)))
                .contains("发证机构：中国建筑科学研究院有限公司认证中心");
        assertThat(CertificatePdfChecks.withoutWhitespace(text)).contains("兹证明林双碳")
                .contains(passed.session().getName())
                .doesNotContain(passed.candidate().idNumber());

        String verificationUrl = "http://localhost:" + fixtures.port() + "/verify/" + number;
        assertThat(CertificatePdfChecks.qrCode(pdf)).isEqualTo(verificationUrl);

        CertificatePdfChecks.SignatureCheck signature = CertificatePdfChecks.signature(pdf);
        assertThat(signature.valid()).isTrue();
        assertThat(signature.coversWholeFileButSignature()).isTrue();
        assertThat(signature.signer()).isEqualTo(signer.signerCertificate());
    }

    @Test
    void aJobThatFailedAfterTheNumberWasTakenIsRetriedWithTheSameNumber() throws IOException {
        CaseFixtures.ReadyCase passed = passedAndPublished("宋重试");
        long applicationId = fixtures.applicationIdOf(passed.number());
        Path photo = photoFile(applicationId);
        Path away = photo.resolveSibling(photo.getFileName() + ".away");
        Files.move(photo, away);

        ApiClient manager = fixtures.staff("manager");
        assertThat(manager.post("/api/manager/sessions/" + passed.session().getCode() + "/milestones/"
                + Milestone.CERTIFICATES_ISSUED, "").status()).isEqualTo(202);
        List<String> failures = runJobsCollectingFailures();

        Job job = managementService.createJobQuery().processInstanceId(historyService
                .createHistoricProcessInstanceQuery().processInstanceBusinessKey(passed.number()).singleResult().getId())
                .singleResult();
        assertThat(failures).singleElement().asString().contains("Stored file is missing");
        assertThat(job.getExceptionMessage()).contains("Stored file is missing");
        assertThat(job.getRetries()).as("retries left before an incident").isEqualTo(3);
        assertThat(job.getDuedate()).as("next attempt in a minute").isNotNull();
        String reserved = jdbc.queryForObject("select certificate_number from certificate where application_id = ?",
                String.class, applicationId);
        assertThat(certificates.find(applicationId)).as("no certificate without its PDF").isEmpty();
        assertThat(passed.candidate().client().get("/api/applications/" + passed.number() + "/certificate").status())
                .isEqualTo(404);

        Files.move(away, photo);
        managementService.executeJob(job.getId());

        assertThat(endOf(passed.number())).isEqualTo("EndEvent_CertificateIssued");
        assertThat(certificates.find(applicationId)).get().extracting(Certificate::getCertificateNumber)
                .isEqualTo(reserved);
        assertThat(reserved).endsWith("-00001");
        assertThat(nextCertificateSeq(passed)).as("one number consumed").isEqualTo(2);
        byte[] pdf = passed.candidate().client().get("/api/applications/" + passed.number() + "/certificate").body();
        assertThat(CertificatePdfChecks.text(pdf)).contains("证书编号：" + reserved);
    }

    /** A case whose candidate passed the exam and whose result is published: it waits for the certificate date. */
    private CaseFixtures.ReadyCase passedAndPublished(String name) {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam(name);
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        fixtures.displayedKeys(ready.number()).forEach((position, key) -> api.put(exam + "/answers/" + position,
                ApiClient.toJson(Map.of("response", key, "clientSequence", 1))));
        api.post(exam + "/submit", "");
        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 4)));
        fixtures.runJobs();
        ApiClient manager = fixtures.staff("manager");
        fixtures.fire(manager, ready.session().getCode(), Milestone.EXAM_CLOSED);
        fixtures.fire(manager, ready.session().getCode(), Milestone.SCORES_PUBLISHED);
        assertThat(api.get("/api/applications/" + ready.number() + "/result").json().get("outcome").asText())
                .isEqualTo("PASSED");
        return ready;
    }

    /** Runs every due job like the job executor; a failing job keeps its retries and waits for its next attempt. */
    private List<String> runJobsCollectingFailures() {
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return failures;
            }
            for (Job job : jobs) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }
        }
        throw new AssertionError("Jobs keep coming after 20 rounds");
    }

    private Path photoFile(long applicationId) {
        String key = jdbc.queryForObject("select storage_key from application_document where application_id = ? "
                + "and document_type = 'PHOTO' and superseded = false", String.class, applicationId);
        return Path.of(storage.directory()).toAbsolutePath().normalize().resolve(key.substring(0, 2))
                .resolve(key.substring(2, 4)).resolve(key);
    }

    private long storedFiles() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(Path.of(storage.directory()))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private int certificateRows(long applicationId) {
        return jdbc.queryForObject("select count(*) from certificate where application_id = ?", Integer.class,
                applicationId);
    }

    private int nextCertificateSeq(CaseFixtures.ReadyCase ready) {
        return jdbc.queryForObject("select next_certificate_seq from exam_session where code = ?", Integer.class,
                ready.session().getCode());
    }

    private String endOf(String businessKey) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult().getEndActivityId();
    }
}
