package cn.cabr.carbon.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** The manual review's three outcomes, and what a reviewer cannot skip. */
@IntegrationTest
class ReviewTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TaskService taskService;

    @Test
    void aSupplementRequest_letsTheCandidateResupplyExactlyTheRequestedDocuments() {
        CaseFixtures.Candidate candidate = fixtures.candidate("秦补件");
        String number = fixtures.submittedApplication(candidate, fixtures.newSession().getCode());
        fixtures.completeTask(fixtures.task(number, "Task_ReviewDocuments"), Map.of("decision", "REQUEST_SUPPLEMENT",
                "reason", "学历证书复印件不清晰，请重新扫描上传", "supplementDocuments", List.of("DIPLOMA")));

        ApiClient api = candidate.client();
        JsonNode status = api.get("/api/applications/" + number + "/status").json();
        assertThat(status.get("stage").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(status.at("/review/reason").asText()).isEqualTo("学历证书复印件不清晰，请重新扫描上传");
        assertThat(status.at("/review/requestedDocuments/0").asText()).isEqualTo("学历证书复印件");
        assertThat(api.get("/api/notifications").json().findValuesAsText("kind")).contains("SUPPLEMENT_REQUESTED");

        ApiClient.Response tooEarly = api.post("/api/applications/" + number + "/resubmit", "");
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.code()).isEqualTo("SUPPLEMENT_INCOMPLETE");
        ApiClient.Response notRequested = api.upload("/api/applications/" + number + "/documents", "PHOTO", "p.png",
                "image/png", cn.cabr.carbon.demo.SampleDocuments.png("p"));
        assertThat(notRequested.status()).isEqualTo(409);
        assertThat(notRequested.code()).isEqualTo("DOCUMENT_NOT_REQUESTED");

        fixtures.upload(candidate, number, "DIPLOMA");
        assertThat(api.post("/api/applications/" + number + "/resubmit", "").status()).isEqualTo(200);
        Task again = fixtures.task(number, "Task_ReviewDocuments");
        assertThat(fixtures.variable(again, "applicantSummary")).contains("此前审核记录").contains("学历证书复印件不清晰");
        fixtures.completeTask(again, Map.of("decision", "REJECT", "reason", "学历不满足报考条件，且无其他证明"));
        JsonNode closed = api.get("/api/applications/" + number + "/status").json();
        assertThat(closed.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(closed.get("closingReason").asText()).contains("学历不满足报考条件");
    }

    @Test
    void theMaterialsDeadline_closesAWaitingSupplementAsIncomplete() {
        ExamSession session = fixtures.newSession();
        CaseFixtures.Candidate candidate = fixtures.candidate("尤逾期");
        String number = fixtures.submittedApplication(candidate, session.getCode());
        fixtures.completeTask(fixtures.task(number, "Task_ReviewDocuments"), Map.of("decision", "REQUEST_SUPPLEMENT",
                "reason", "缺少加盖公章的工作证明", "supplementDocuments", List.of("EMPLOYMENT_PROOF")));
        ApiClient manager = fixtures.staff("manager");
        fixtures.fire(manager, session.getCode(), Milestone.APPLICATIONS_CLOSED);
        fixtures.fire(manager, session.getCode(), Milestone.MATERIALS_CLOSED);
        JsonNode status = candidate.client().get("/api/applications/" + number + "/status").json();
        assertThat(status.get("outcome").asText()).isEqualTo("INCOMPLETE");
        assertThat(status.get("closingReason").asText()).contains("工作证明");
        ApiClient.Response late = candidate.client().post("/api/applications/" + number + "/resubmit", "");
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void aDecisionWithoutItsReason_isRefused_andTheTaskStaysOpen() {
        CaseFixtures.Candidate candidate = fixtures.candidate("许无因");
        String number = fixtures.submittedApplication(candidate, fixtures.newSession().getCode());
        Task task = fixtures.task(number, "Task_ReviewDocuments");

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("decision", "REJECT")))
                .hasMessageContaining("必须填写原因");
        ApiClient reviewer = fixtures.client().basic("reviewer", fixtures.password());
        ApiClient.Response viaRest = reviewer.post("/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"REQUEST_SUPPLEMENT\"},\"reason\":{\"value\":\"照片不清晰需重拍\"}}}");
        assertThat(viaRest.status()).isEqualTo(400);
        assertThat(viaRest.message()).contains("请勾选需要考生重新提交的材料");
        ApiClient.Response unknown = reviewer.post("/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"MAYBE\"}}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).contains("审核结论无效");
        assertThat(fixtures.task(number, "Task_ReviewDocuments").getId()).isEqualTo(task.getId());
    }

    @Test
    void aGraderCannotGiveMoreThanTheQuestionsPoints() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("曹满分");
        ApiClient api = ready.candidate().client();
        api.post("/api/applications/" + ready.number() + "/exam/start", "");
        api.post("/api/applications/" + ready.number() + "/exam/submit", "");
        Task grading = fixtures.tasks(ready.number(), "Task_FirstMarking").get(0);
        assertThat(fixtures.variable(grading, "candidateAnswer")).isEqualTo("（未作答）");
        assertThat(fixtures.variable(grading, "maxPoints")).isEqualTo("12");
        ApiClient grader = fixtures.client().basic("grader", fixtures.password());
        ApiClient.Response tooMuch = grader.post("/engine-rest/task/" + grading.getId() + "/submit-form",
                "{\"variables\":{\"score\":{\"value\":13,\"type\":\"Long\"}}}");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.message()).contains("0 到 12 分");
        ApiClient.Response fraction = grader.post("/engine-rest/task/" + grading.getId() + "/submit-form",
                "{\"variables\":{\"score\":{\"value\":7.5,\"type\":\"Double\"}}}");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.message()).contains("整数");
        assertThat(grader.post("/engine-rest/task/" + grading.getId() + "/submit-form",
                "{\"variables\":{\"score\":{\"value\":12,\"type\":\"Long\"}}}").status()).isEqualTo(204);
    }
}
