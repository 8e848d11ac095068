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
 * waits for a proctor of the session, whose decision (with a reason) the waiting page then reads. The exam cannot be
 * started before; three refusals end the attempts; a slow check goes to the managers too, and expires at last.
 */
@IntegrationTest
class IdentityCheckInTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TaskService taskService;
    @Autowired
    cn.cabr.carbon.audit.AuditLog auditLog;
    @Autowired
    IdentityService identityService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

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
        assertThat(auditLog.forApplication(number)).filteredOn(e -> e.getAction().name().equals("IDENTITY_CONFIRMED"))
                .as("only the decision that stood").singleElement().satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("proctor");
                    assertThat(e.getDetail()).contains("确认本人");
                    assertThat(e.getReason()).isEqualTo("证件照片较旧，核对五官一致");
                });
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

    @Test
    void theStart_isRefusedUntilTheCheckInLetsTheCandidateIn() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("开考闸门");
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of("proctor"), List.of());
        ApiClient api = ready.candidate().client();
        String start = "/api/applications/" + ready.number() + "/exam/start";

        ApiClient.Response none = api.post(start, "");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.code()).isEqualTo("IDENTITY_CHECK_REQUIRED");
        assertThat(none.message()).contains("须先完成考前身份核验");
        post(api, ready.number(), IdentityFixtures.checkIn(0.9, 1));
        ApiClient.Response waiting = api.post(start, "");
        assertThat(waiting.status()).isEqualTo(409);
        assertThat(waiting.message()).contains("等待监考员人工确认");
        assertThat(api.get("/api/applications/" + ready.number() + "/exam").json().get("status").asText())
                .as("nothing started").isEqualTo("READY");

        completeAs("proctor", fixtures.task(ready.number(), "Task_ConfirmIdentity"),
                Map.of("identityDecision", "CONFIRMED", "identityReason", "证件照片较旧，核对五官一致"));
        ApiClient.Response started = api.post(start, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("status").asText()).isEqualTo("IN_PROGRESS");

        CaseFixtures.ReadyCase cleared = fixtures.caseReadyForExam("开考比对通过");
        IdentityFixtures.requireCheckIn(fixtures, cleared.session().getCode(), 30, List.of("proctor"), List.of());
        fixtures.passIdentityCheck(cleared);
        assertThat(cleared.candidate().client().post("/api/applications/" + cleared.number() + "/exam/start", "")
                .status()).isEqualTo(200);
    }

    @Test
    void refusals_areLimitedToThree_eachShownWithItsReason_thenAFinalMessageWithTheSupportContact() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("三次机会");
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of("proctor"), List.of());
        ApiClient api = ready.candidate().client();
        String number = ready.number();
        assertThat(status(api, number).get("attemptsLeft").asInt()).isEqualTo(3);

        for (int attempt = 1; attempt <= 3; attempt++) {
            post(api, number, IdentityFixtures.checkIn(0.9, 1));
            completeAs("proctor", fixtures.task(number, "Task_ConfirmIdentity"),
                    Map.of("identityDecision", "REFUSED", "identityReason", "第 " + attempt + " 次：画面中人物与证件照不符"));
            JsonNode refused = status(api, number);
            assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
            assertThat(refused.get("reason").asText()).isEqualTo("第 " + attempt + " 次：画面中人物与证件照不符");
            assertThat(refused.get("attemptsLeft").asInt()).isEqualTo(3 - attempt);
            assertThat(refused.get("finalRefusal").asBoolean()).isEqualTo(attempt == 3);
        }
        String contact = ready.session().getSupportContact();
        assertThat(status(api, number).get("supportContact").asText()).isEqualTo(contact);

        ApiClient.Response fourth = api.post("/api/applications/" + number + "/exam/identity", IdentityFixtures.checkIn(0.1, 1));
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.code()).isEqualTo("IDENTITY_ATTEMPTS_EXHAUSTED");
        assertThat(fourth.message()).contains("3 次身份核验机会已用完").contains(contact);
        assertThat(status(api, number).get("status").asText()).as("the close match was not recorded").isEqualTo("REFUSED");
        ApiClient.Response start = api.post("/api/applications/" + number + "/exam/start", "");
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.message()).contains("监考员未能确认您的身份").contains(contact);
        assertThat(fixtures.tasks(number, "Task_ConfirmIdentity")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from identity_check where application_number = ?", Integer.class,
                number)).as("every attempt recorded").isEqualTo(3);
    }

    @Test
    void proctorsTooSlow_theCandidateIsTold_andAManagerMayDecide() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("核验超时");
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of("proctor"), List.of());
        ApiClient api = ready.candidate().client();
        String number = ready.number();
        post(api, number, IdentityFixtures.checkIn(0.9, 1));
        assertThat(status(api, number).get("escalated").asBoolean()).isFalse();

        managementService.executeJob(managementService.createJobQuery().processInstanceId(identityProcess(number))
                .activityId("Event_ProctorsTooSlow").singleResult().getId());

        JsonNode escalated = status(api, number);
        assertThat(escalated.get("status").asText()).isEqualTo("AWAITING_PROCTOR");
        assertThat(escalated.get("escalated").asBoolean()).isTrue();
        assertThat(fixtures.tasks(number, "Task_ConfirmIdentity")).isEmpty();
        Task task = fixtures.task(number, "Task_ConfirmIdentityEscalated");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("manager").count()).isEqualTo(1);
        completeAs("manager", task, Map.of("identityDecision", "CONFIRMED", "identityReason", "视频通话核对，确认本人"));
        JsonNode confirmed = status(api, number);
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("mayEnter").asBoolean()).isTrue();
    }

    @Test
    void anUndecidedCheck_expires_andTheCandidateMaySubmitAgainWithoutLosingAnAttempt() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("核验过期");
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of("proctor"), List.of());
        ApiClient api = ready.candidate().client();
        String number = ready.number();
        post(api, number, IdentityFixtures.checkIn(0.9, 1));
        for (String timer : List.of("Event_ProctorsTooSlow", "Event_NobodyDecided")) {
            managementService.executeJob(managementService.createJobQuery().processInstanceId(identityProcess(number))
                    .activityId(timer).singleResult().getId());
        }
        JsonNode expired = status(api, number);
        assertThat(expired.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(expired.get("reason").asText()).contains("未在规定时间内完成人工核验");
        assertThat(expired.get("attemptsLeft").asInt()).isEqualTo(3);
        assertThat(post(api, number, IdentityFixtures.checkIn(0.1, 1)).get("status").asText()).isEqualTo("CLEARED");
    }

    private String identityProcess(String number) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("IdentityCheck")
                .processInstanceBusinessKey(number).singleResult().getId();
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
