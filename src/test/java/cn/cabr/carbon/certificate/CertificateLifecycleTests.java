package cn.cabr.carbon.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * Revocation and reissue through the manager API and the lifecycle process, what the public verification and the
 * candidate then see, the refusals, the rate limit and the register workbook.
 */
@IntegrationTest
class CertificateLifecycleTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    org.springframework.context.ApplicationContext context;
    CertificateTestSupport support;
    @Autowired
    VerificationRateLimiter limiter;
    @Autowired
    cn.cabr.carbon.application.Candidates candidates;

    ApiClient manager;

    record Issued(CaseFixtures.Candidate candidate, String applicationNumber, String certificateNumber,
            ExamSession session) {
    }

    @BeforeEach
    void signIn() {
        limiter.forgetAll();
        support = CertificateTestSupport.of(context);
        manager = fixtures.staff("manager");
    }

    Issued issued(String fullName) {
        return issued(fullName, fixtures.newSession());
    }

    Issued issued(String fullName, ExamSession session) {
        CaseFixtures.Candidate candidate = fixtures.candidate(fullName);
        String number = fixtures.submittedApplication(candidate, session.getCode());
        Certificate certificate = support.issue(fixtures.applicationIdOf(number));
        return new Issued(candidate, number, certificate.getCertificateNumber(), session);
    }

    JsonNode verify(String certificateNumber) {
        ApiClient.Response response = fixtures.client().get("/api/public/certificates/" + certificateNumber);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    ApiClient.Response revoke(String certificateNumber, Object body) {
        return manager.post("/api/manager/certificates/" + certificateNumber + "/revocation", body);
    }

    ApiClient.Response reissue(String certificateNumber, Object body) {
        return manager.post("/api/manager/certificates/" + certificateNumber + "/reissue", body);
    }

    @Test
    void aValidCertificate_verifiesWithTheMaskedNameSessionAndDate_andNothingMore() {
        Issued issued = issued("张小明");

        JsonNode json = verify(issued.certificateNumber());

        assertThat(json.get("status").asText()).isEqualTo("VALID");
        assertThat(json.get("statusLabel").asText()).isEqualTo("有效");
        assertThat(json.get("holderName").asText()).isEqualTo("张*明");
        assertThat(json.get("sessionName").asText()).isEqualTo(issued.session().getName());
        assertThat(json.get("issuedOn").asText()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("certificateNumber", "status", "statusLabel", "holderName",
                "sessionName", "issuedOn");
        assertThat(json.toString()).doesNotContain(issued.candidate().idNumber()).doesNotContain("张小明")
                .doesNotContain(issued.candidate().mobile());
    }

    @Test
    void anUnknownNumber_isA404_asJsonAndAsPage() {
        ApiClient.Response json = fixtures.client().get("/api/public/certificates/CEM-2026-NOPE-00001");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.code()).isEqualTo("CERTIFICATE_NOT_FOUND");
        assertThat(json.message()).contains("未查询到该证书编号");

        ApiClient.Response page = fixtures.client().get("/verify/CEM-2026-NOPE-00001");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).contains("未查询到该证书").contains("CEM-2026-NOPE-00001");
    }

    @Test
    void revocation_marksTheCertificateRevoked_notifiesTheCandidate_andStopsTheDownload() {
        Issued issued = issued("李清源");
        assertThat(issued.candidate().client().get("/api/applications/" + issued.applicationNumber() + "/certificate")
                .status()).isEqualTo(200);

        ApiClient.Response accepted = revoke(issued.certificateNumber(), Map.of("reason", "报名材料中的学历证明经核实系伪造"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        fixtures.runJobs();

        JsonNode json = verify(issued.certificateNumber());
        assertThat(json.get("status").asText()).isEqualTo("REVOKED");
        assertThat(json.get("statusLabel").asText()).isEqualTo("已撤销");
        assertThat(json.get("revokedOn").asText()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(json.get("revocationReason").asText()).isEqualTo("报名材料中的学历证明经核实系伪造");
        assertThat(support.byNumber(issued.certificateNumber()).getRevokedBy()).isEqualTo("manager");
        assertThat(context.getBean(cn.cabr.carbon.audit.AuditLog.class).forApplication(issued.applicationNumber()))
                .filteredOn(e -> e.getAction() == cn.cabr.carbon.audit.AuditAction.CERTIFICATE_REVOKED)
                .singleElement().satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("manager");
                    assertThat(e.getDetail()).contains("撤销证书 " + issued.certificateNumber());
                    assertThat(e.getReason()).isEqualTo("报名材料中的学历证明经核实系伪造");
                });

        ApiClient candidate = issued.candidate().client();
        assertThat(candidate.get("/api/notifications").text()).contains("证书已撤销").contains(issued.certificateNumber())
                .contains("学历证明经核实系伪造");
        ApiClient.Response download = candidate.get("/api/applications/" + issued.applicationNumber() + "/certificate");
        assertThat(download.status()).isEqualTo(410);
        assertThat(download.message()).contains("证书已撤销");
        JsonNode caseStatus = candidate.get("/api/applications/" + issued.applicationNumber() + "/status").json();
        assertThat(caseStatus.get("stageLabel").asText()).isEqualTo("证书已撤销");
        assertThat(caseStatus.get("nextStep").asText()).contains("证书已撤销，不再有效");
        JsonNode status = caseStatus.get("certificate");
        assertThat(status.get("status").asText()).isEqualTo("REVOKED");
        assertThat(status.has("downloadUrl")).isFalse();
        String casePage = candidate.get("/applications/" + issued.applicationNumber()).text();
        assertThat(casePage).contains("已撤销").contains("撤销，原因：报名材料中的学历证明经核实系伪造")
                .doesNotContain("下载电子证书（PDF）");
    }

    @Test
    void reissue_withACorrectedName_givesANewNumberAndPdf_linksBothWays_andKeepsTheAccountName() throws IOException {
        Issued issued = issued("王晓名");

        ApiClient.Response accepted = reissue(issued.certificateNumber(),
                Map.of("reason", "姓名录入错误，依身份证更正", "correctedName", "王晓明"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        fixtures.runJobs();

        JsonNode old = verify(issued.certificateNumber());
        assertThat(old.get("status").asText()).isEqualTo("REISSUED");
        assertThat(old.get("statusLabel").asText()).isEqualTo("已换发");
        String replacement = old.get("replacedBy").asText();
        String prefix = issued.certificateNumber().substring(0, issued.certificateNumber().lastIndexOf('-') + 1);
        assertThat(replacement).isEqualTo(prefix + "%05d".formatted(
                Integer.parseInt(issued.certificateNumber().substring(prefix.length())) + 1));
        JsonNode current = verify(replacement);
        assertThat(current.get("status").asText()).isEqualTo("VALID");
        assertThat(current.get("replaces").asText()).isEqualTo(issued.certificateNumber());
        assertThat(current.get("holderName").asText()).isEqualTo("王*明");

        ApiClient candidate = issued.candidate().client();
        ApiClient.Response pdf = candidate.get("/api/applications/" + issued.applicationNumber() + "/certificate");
        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(replacement).contains("王晓明").doesNotContain("王晓名");
        }
        assertThat(candidates.findByMobile(issued.candidate().mobile()).orElseThrow().getFullName()).isEqualTo("王晓名");
        assertThat(candidate.get("/api/notifications").text()).contains("证书已换发").contains(replacement)
                .contains("王晓明");
        String casePage = candidate.get("/applications/" + issued.applicationNumber()).text();
        assertThat(casePage).contains("证书编号 " + replacement).contains("本证书换发自 " + issued.certificateNumber())
                .contains("下载电子证书（PDF）");

        JsonNode detail = manager.get("/api/manager/certificates/" + issued.certificateNumber()).json();
        assertThat(detail.at("/certificate/holderName").asText()).isEqualTo("王晓名");
        assertThat(detail.at("/changes/0/kind").asText()).isEqualTo("REISSUE");
        assertThat(detail.at("/changes/0/replacementNumber").asText()).isEqualTo(replacement);
        assertThat(detail.at("/changes/0/requestedBy").asText()).isEqualTo("manager");
    }

    @Test
    void refusals_sayWhyInChinese() {
        Issued issued = issued("赵一");

        ApiClient.Response unknown = revoke("CEM-2026-NOPE-00009", Map.of("reason", "测试"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("CERTIFICATE_NOT_FOUND");
        assertThat(unknown.message()).contains("证书编号不存在");

        for (ApiClient.Response missing : List.of(revoke(issued.certificateNumber(), Map.of()),
                revoke(issued.certificateNumber(), Map.of("reason", "   ")),
                manager.post("/api/manager/certificates/" + issued.certificateNumber() + "/revocation", ""),
                reissue(issued.certificateNumber(), Map.of("correctedName", "赵二")))) {
            assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
            assertThat(missing.code()).isEqualTo("REASON_REQUIRED");
            assertThat(missing.message()).isEqualTo("请填写原因");
        }
        ApiClient.Response badName = reissue(issued.certificateNumber(), Map.of("reason", "更正", "correctedName", "X1"));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.code()).isEqualTo("INVALID_CORRECTED_NAME");
        ApiClient.Response sameName = reissue(issued.certificateNumber(), Map.of("reason", "更正", "correctedName", "赵一"));
        assertThat(sameName.code()).isEqualTo("NAME_UNCHANGED");

        assertThat(revoke(issued.certificateNumber(), Map.of("reason", "第一次")).status()).isEqualTo(202);
        ApiClient.Response pending = reissue(issued.certificateNumber(), Map.of("reason", "同时换发"));
        assertThat(pending.status()).isEqualTo(409);
        assertThat(pending.code()).isEqualTo("CHANGE_PENDING");
        fixtures.runJobs();

        ApiClient.Response again = revoke(issued.certificateNumber(), Map.of("reason", "第二次"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("CERTIFICATE_REVOKED");
        assertThat(again.message()).contains("已于").contains("撤销");
        ApiClient.Response reissueRevoked = reissue(issued.certificateNumber(), Map.of("reason", "换发"));
        assertThat(reissueRevoked.status()).isEqualTo(409);
        assertThat(reissueRevoked.code()).isEqualTo("CERTIFICATE_REVOKED");

        Issued other = issued("钱二");
        assertThat(reissue(other.certificateNumber(), Map.of("reason", "证书破损")).status()).isEqualTo(202);
        fixtures.runJobs();
        String replacement = verify(other.certificateNumber()).get("replacedBy").asText();
        ApiClient.Response superseded = revoke(other.certificateNumber(), Map.of("reason", "撤销旧证"));
        assertThat(superseded.status()).isEqualTo(409);
        assertThat(superseded.code()).isEqualTo("CERTIFICATE_REISSUED");
        assertThat(superseded.message()).contains(replacement);

        assertThat(other.candidate().client().post("/api/manager/certificates/" + replacement + "/revocation",
                Map.of("reason", "考生自己")).status()).isEqualTo(403);
        assertThat(fixtures.client().post("/api/manager/certificates/" + replacement + "/revocation",
                Map.of("reason", "匿名")).status()).isIn(401, 403);
        assertThat(verify(replacement).get("status").asText()).isEqualTo("VALID");
    }

    @Test
    void tooManyVerificationsFromOneAddress_are429WithRetryAfter_pageAndJson() {
        Issued issued = issued("孙三");
        ApiClient visitor = fixtures.client();
        try {
            ApiClient.Response last = null;
            for (int i = 0; i < 40 && (last == null || last.status() == 200); i++) {
                last = visitor.get("/api/public/certificates/" + issued.certificateNumber());
            }
            assertThat(last.status()).isEqualTo(429);
            assertThat(last.code()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(last.message()).contains("查询过于频繁");
            assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);

            ApiClient.Response page = visitor.get("/verify/" + issued.certificateNumber());
            assertThat(page.status()).isEqualTo(429);
            assertThat(page.header("Retry-After")).isNotBlank();
            assertThat(page.text()).contains("查询过于频繁");
        } finally {
            limiter.forgetAll();
        }
        assertThat(visitor.get("/api/public/certificates/" + issued.certificateNumber()).status()).isEqualTo(200);
    }

    @Test
    void theRegisterWorkbook_listsEveryCertificateOfTheSession_masked_withStatusAndLinks() throws IOException {
        ExamSession session = fixtures.newSession();
        Issued revoked = issued("周四海", session);
        Issued reissued = issued("吴五", session);
        Issued valid = issued("郑六", session);
        revoke(revoked.certificateNumber(), Map.of("reason", "违纪处理决定"));
        reissue(reissued.certificateNumber(), Map.of("reason", "证书遗失补发"));
        fixtures.runJobs();
        String replacement = verify(reissued.certificateNumber()).get("replacedBy").asText();

        ApiClient.Response response = manager.get("/api/manager/certificates.xlsx?session=" + session.getCode());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).contains("spreadsheetml");
        assertThat(revoked.candidate().client().get("/api/manager/certificates.xlsx?session=" + session.getCode())
                .status()).isEqualTo(403);

        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheet("证书登记簿");
            DataFormatter format = new DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < CertificateRegisterWorkbook.HEADERS.size(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        assertThat(rows.get(1)).isEqualTo(CertificateRegisterWorkbook.HEADERS);
        List<List<String>> body = rows.subList(2, rows.size());
        assertThat(body).hasSize(4);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(body).extracting(r -> r.get(0)).containsExactly(revoked.certificateNumber(),
                reissued.certificateNumber(), valid.certificateNumber(), replacement);
        assertThat(body.get(0)).containsExactly(revoked.certificateNumber(), "周*海",
                mask(revoked.candidate().idNumber()), session.getName(), today, "已撤销", today, "违纪处理决定", "");
        assertThat(body.get(1)).containsExactly(reissued.certificateNumber(), "吴*",
                mask(reissued.candidate().idNumber()), session.getName(), today, "已换发", "", "", replacement);
        assertThat(body.get(2).get(5)).isEqualTo("有效");
        assertThat(body.get(3).get(5)).isEqualTo("有效");
        String everything = rows.toString();
        for (Issued i : List.of(revoked, reissued, valid)) {
            assertThat(everything).doesNotContain(i.candidate().idNumber()).doesNotContain(i.candidate().fullName());
        }
    }

    private static String mask(String idNumber) {
        return idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
    }
}
