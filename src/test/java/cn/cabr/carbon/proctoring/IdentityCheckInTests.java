package cn.cabr.carbon.proctoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * The check-in between the device check and the answer page: a close match lets the candidate in; a distant one
 * waits for a proctor of the session, whose decision (with a reason) the waiting page then reads.
 */
@IntegrationTest
class IdentityCheckInTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @Test
    void aCloseMatch_letsTheCandidateOntoTheAnswerPage() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("人脸相符");
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of("proctor"), List.of());
        ApiClient api = ready.candidate().client();
        String number = ready.number();

        ApiClient.Response paper = api.get("/exam/" + number + "/paper");
        assertThat(paper.status()).isEqualTo(302);
        assertThat(paper.header("Location")).endsWith("/exam/" + number + "/identity");
        ApiClient.Response page = api.get("/exam/" + number + "/identity");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("考前身份核验").contains("photoUrl").contains("idCardUrl");

        JsonNode cleared = post(api, number, IdentityFixtures.checkIn(0.2, 1));
        assertThat(cleared.get("status").asText()).isEqualTo("CLEARED");
        assertThat(cleared.get("mayEnter").asBoolean()).isTrue();
        assertThat(cleared.get("photoDistance").asDouble()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(api.get("/exam/" + number + "/paper").status()).isEqualTo(200);
        assertThat(fixtures.tasks(number, "Task_ConfirmIdentity")).as("no proctor needed").isEmpty();
    }

    @Test
    void aDistantFace_waitsForTheSessionsProctor_whoseDecisionNeedsAReason() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("人脸不符");
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of(), List.of("adjudicator"));
        ApiClient api = ready.candidate().client();
        String number = ready.number();

        JsonNode waiting = post(api, number, IdentityFixtures.checkIn(0.9, 1));
        assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_PROCTOR");
        assertThat(waiting.get("mayEnter").asBoolean()).isFalse();
        assertThat(api.get("/exam/" + number + "/paper").status()).as("still barred").isEqualTo(302);
        ApiClient.Response again = api.post("/api/applications/" + number + "/exam/identity", IdentityFixtures.checkIn(0.1, 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.message()).contains("请等待监考员确认");

        Task task = fixtures.task(number, "Task_ConfirmIdentity");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("proctor").count()).isEqualTo(1);
        assertThat(task.getDueDate()).isNotNull();
        assertThat(task.getDueDate().getTime() - System.currentTimeMillis()).isBetween(60_000L, 5 * 60_000L);

        assertThatThrownBy(() -> completeAs("adjudicator", task, Map.of("identityDecision", "CONFIRMED",
                "identityReason", "本人无误"))).as("not in the proctor group").hasMessageContaining("TASK_WORK");
        assertThatThrownBy(() -> completeAs("proctor", task, Map.of("identityDecision", "CONFIRMED",
                "identityReason", "本人无误"))).hasMessageContaining("不是本考期的监考员");
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of("proctor"), List.of());
        assertThatThrownBy(() -> completeAs("proctor", task, Map.of("identityDecision", "CONFIRMED", "identityReason", "")))
                .hasMessageContaining("请填写核验理由");
        assertThat(status(api, number).get("status").asText()).isEqualTo("AWAITING_PROCTOR");

        completeAs("proctor", task, Map.of("identityDecision", "CONFIRMED", "identityReason", "证件照片较旧，核对五官一致"));
        JsonNode confirmed = status(api, number);
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("mayEnter").asBoolean()).isTrue();
        assertThat(api.get("/exam/" + number + "/paper").status()).isEqualTo(200);
    }

    @Test
    void aRefusal_isShownWithItsReason_andKeepsTheAnswerPageClosed() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("冒名顶替");
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of("proctor"), List.of());
        ApiClient api = ready.candidate().client();
        post(api, ready.number(), IdentityFixtures.checkIn(0.9, 1));
        completeAs("proctor", fixtures.task(ready.number(), "Task_ConfirmIdentity"),
                Map.of("identityDecision", "REFUSED", "identityReason", "画面中人物与证件照明显不是同一人"));
        JsonNode refused = status(api, ready.number());
        assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("reason").asText()).isEqualTo("画面中人物与证件照明显不是同一人");
        assertThat(api.get("/exam/" + ready.number() + "/paper").status()).isEqualTo(302);
    }

    @Test
    void noFace_twoFaces_andSomeoneElsesApplication_areRefusedWithAMessage() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("无人脸");
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of("proctor"), List.of());
        String path = "/api/applications/" + ready.number() + "/exam/identity";
        ApiClient api = ready.candidate().client();

        ApiClient.Response none = api.post(path, IdentityFixtures.checkIn(0.1, 0));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.message()).contains("未能在摄像头画面中检测到人脸");
        ApiClient.Response two = api.post(path, IdentityFixtures.checkIn(0.1, 2));
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.message()).contains("检测到 2 张人脸");
        Map<String, Object> noImage = IdentityFixtures.checkIn(0.1, 1);
        noImage.put("idCardHeldImage", "");
        assertThat(api.post(path, noImage).message()).contains("缺少手持身份证照片");

        CaseFixtures.Candidate other = fixtures.candidate("旁人");
        assertThat(other.client().post(path, IdentityFixtures.checkIn(0.1, 1)).status()).isEqualTo(404);
        assertThat(other.client().get("/exam/" + ready.number() + "/identity").status()).isEqualTo(404);
        assertThat(status(api, ready.number()).get("mayEnter").asBoolean()).isFalse();
    }

    @Test
    void aSessionWithoutCheckIn_goesStraightToTheAnswerPage() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("无需核验");
        ApiClient.Response identity = ready.candidate().client().get("/exam/" + ready.number() + "/identity");
        assertThat(identity.status()).isEqualTo(302);
        assertThat(identity.header("Location")).endsWith("/exam/" + ready.number() + "/paper");
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static JsonNode post(ApiClient api, String number, Map<String, Object> body) {
        ApiClient.Response response = api.post("/api/applications/" + number + "/exam/identity", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode status(ApiClient api, String number) {
        return api.get("/api/applications/" + number + "/exam/identity").json();
    }
}
