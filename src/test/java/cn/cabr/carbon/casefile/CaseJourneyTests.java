package cn.cabr.carbon.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * The happy path end to end, the way people do it: a candidate through the REST API, staff through the engine's
 * task service, a manager firing the session's milestones, until the candidate downloads a certificate whose
 * text carries their Chinese name.
 */
@IntegrationTest
class CaseJourneyTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void fromRegistrationToADownloadedCertificate() throws IOException {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        CaseFixtures.Candidate candidate = fixtures.candidate("欧阳碳汇");
        ApiClient api = candidate.client();

        String number = fixtures.submittedApplication(candidate, session.getCode());
        assertThat(status(api, number).get("stage").asText()).isEqualTo("UNDER_REVIEW");

        Task review = fixtures.task(number, "Task_ReviewDocuments");
        assertThat(taskService.getVariable(review.getId(), "applicantSummary").toString()).contains("欧阳碳汇")
                .doesNotContain(candidate.idNumber());
        taskService.claim(review.getId(), "reviewer");
        taskService.complete(review.getId(), Map.of("decision", "APPROVE"));
        fixtures.runJobs();
        JsonNode afterReview = status(api, number);
        assertThat(afterReview.get("stage").asText()).isEqualTo("COLLECTING_HOURS");
        assertThat(afterReview.at("/eligibility/rule").asText()).isEqualTo("RULE_3_BACHELOR_1Y");

        ApiClient.Response imported = manager.uploadFile("/api/manager/training-records", "hours.csv", "text/csv",
                CaseFixtures.hoursCsv(candidate.idNumber()).getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("records").asInt()).isEqualTo(2);

        for (Milestone m : List.of(Milestone.APPLICATIONS_CLOSED, Milestone.MATERIALS_CLOSED, Milestone.HOURS_COUNTED,
                Milestone.EXAM_OPENED)) {
            fixtures.fire(manager, session.getCode(), m);
        }
        assertThat(status(api, number).get("stage").asText()).isEqualTo("EXAM_READY");

        JsonNode paper = api.post("/api/applications/" + number + "/exam/start", "").json();
        assertThat(paper.get("items")).hasSize(75);
        assertThat(paper.get("remainingSeconds").asLong()).isBetween(7190L, 7200L);
        assertThat(paper.toString()).doesNotContain("answerKey").doesNotContain("referenceAnswer").doesNotContain("rubric");
        Map<Integer, String> keys = fixtures.displayedKeys(number);
        assertThat(keys).hasSize(70);
        keys.forEach((position, key) -> assertThat(api.put("/api/applications/" + number + "/exam/answers/" + position,
                ApiClient.toJson(Map.of("response", key, "clientSequence", 1))).status()).isEqualTo(200));
        for (int position : fixtures.shortAnswerPositions(number)) {
            api.put("/api/applications/" + number + "/exam/answers/" + position, ApiClient.toJson(Map.of("response",
                    "排放量 = 活动数据 × 排放因子；需明确核算边界并做好质量控制。", "clientSequence", 1)));
        }
        assertThat(api.post("/api/applications/" + number + "/exam/submit", "").json().get("status").asText())
                .isEqualTo("SUBMITTED");

        List<Task> grading = fixtures.tasks(number, "Task_FirstMarking");
        assertThat(grading).hasSize(5);
        for (Task task : grading) {
            assertThat(taskService.getVariable(task.getId(), "candidateAnswer").toString()).contains("活动数据");
            taskService.complete(task.getId(), Map.of("score", 10));
        }
        fixtures.runJobs();
        assertThat(api.get("/api/applications/" + number + "/result").code()).isEqualTo("RESULT_NOT_PUBLISHED");

        fixtures.fire(manager, session.getCode(), Milestone.EXAM_CLOSED);
        fixtures.fire(manager, session.getCode(), Milestone.SCORES_PUBLISHED);
        JsonNode result = api.get("/api/applications/" + number + "/result").json();
        assertThat(result.get("totalScore").asInt()).isEqualTo(90 + 50);
        assertThat(result.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(result.get("breakdown").findValuesAsText("label")).contains("单项选择题", "简答题", "碳排放管理理论", "碳排放管理实务");
        assertThat(result.at("/breakdown/0/score").asInt()).isEqualTo(30);

        fixtures.fire(manager, session.getCode(), Milestone.CERTIFICATES_ISSUED);
        ApiClient.Response pdf = api.get("/api/applications/" + number + "/certificate");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("欧阳碳汇").contains(session.getName())
                    .contains(candidate.idNumber().substring(0, 4)).doesNotContain(candidate.idNumber());
        }

        JsonNode finalStatus = status(api, number);
        assertThat(finalStatus.get("stage").asText()).isEqualTo("CERTIFIED");
        assertThat(finalStatus.get("outcome").asText()).isEqualTo("CERTIFIED");
        assertThat(finalStatus.at("/certificate/certificateNumber").asText()).isEqualTo("CEM-" + java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "-" + session.getCode() + "-00001");
        HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(number).singleResult();
        assertThat(history.getEndActivityId()).isEqualTo("EndEvent_CertificateIssued");
        assertThat(api.get("/api/notifications").json().findValuesAsText("kind"))
                .contains("RESULT_PUBLISHED", "CASE_CERTIFIED");
    }

    private static JsonNode status(ApiClient api, String number) {
        ApiClient.Response response = api.get("/api/applications/" + number + "/status");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }


}
