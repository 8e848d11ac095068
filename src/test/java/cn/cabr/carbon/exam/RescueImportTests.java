package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.proctoring.Proctoring;
import cn.cabr.carbon.proctoring.ProctoringEventType;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestClock;

/**
 * A manager imports the encrypted rescue file a candidate's exam page made while the network was down. Files here
 * are built the way the page's WebCrypto code builds them (AES-GCM, the envelope as additional data).
 */
@IntegrationTest
class RescueImportTests {

    @Autowired
    cn.cabr.carbon.audit.AuditLog auditLog;
    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    ExamDelivery delivery;
    @Autowired
    RescueKeys keys;
    @Autowired
    Proctoring proctoring;
    @Autowired
    TaskService taskService;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aGoodFile_appliesOnlyAnswersNewerThanTheServers_regradesThem_updatesTheMarkingTask_andIsAudited() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("救援导入");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        Instant deadline = Instant.parse(api.post(exam + "/start", "").json().get("deadline").asText());
        assertThat(save(api, exam, 1, "A", 10).status()).isEqualTo(200);
        assertThat(save(api, exam, 2, "B", 20).status()).isEqualTo(200);
        Map<Integer, String> keysShown = fixtures.displayedKeys(ready.number());
        int shortAnswer = fixtures.shortAnswerPositions(ready.number()).get(0);
        Instant offline = clock.instant();

        Sitting sitting = sitting(ready.number());
        byte[] file = sealed(ready.number(), sitting, List.of(
                answer(1, "C", 15, offline),
                answer(2, "D", 5, offline),
                answer(3, keysShown.get(3), 16, offline),
                answer(shortAnswer, "断网期间写下的简答：碳排放核算边界包括直接排放与间接排放。", 17, offline),
                answer(4, "A", 18, deadline.plusSeconds(60))),
                List.of(Map.of("type", "PAGE_LEFT", "detail", "离线时离开答题页面", "occurredAt", offline.toString())));

        clock.advance(Duration.between(clock.instant(), deadline).plusSeconds(5));
        delivery.timeOut(sitting.getId());
        fixtures.runJobs();
        assertThat(fixtures.gradedScore(ready.number(), 3)).as("unanswered at the end").isZero();

        ApiClient manager = fixtures.staff("manager");
        ApiClient.Response imported = manager.uploadFile(rescue(ready.number()), "rescue.cabr-rescue", "application/json", file);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode report = imported.json();
        assertThat(report.get("sittingStatus").asText()).isEqualTo("TIMED_OUT");
        assertThat(report.get("answersInFile").asInt()).isEqualTo(5);
        assertThat(report.get("applied").findValuesAsText("position")).containsExactly("1", "3", String.valueOf(shortAnswer));
        assertThat(report.at("/applied/0/response").asText()).isEqualTo("C");
        assertThat(report.get("notApplied").findValuesAsText("outcome")).containsExactly("STALE", "LATE");
        assertThat(report.at("/notApplied/0/reason").asText()).contains("服务器上的答案更新");
        assertThat(report.at("/notApplied/0/response").asText()).as("what the server keeps").isEqualTo("B");
        assertThat(report.at("/notApplied/1/reason").asText()).contains("晚于考试结束时间");
        assertThat(report.get("eventsRecorded").asInt()).isEqualTo(1);

        assertThat(fixtures.gradedScore(ready.number(), 3)).as("regraded with the rescued answer").isPositive();
        assertThat(proctoring.eventsOf(sitting.getId())).anySatisfy(e -> {
            assertThat(e.getEventType()).isEqualTo(ProctoringEventType.PAGE_LEFT);
            assertThat(e.getDetail()).contains("救援文件导入").contains("离线时离开答题页面");
        });
        Task marking = markingTaskOf(ready.number(), shortAnswer);
        assertThat(taskService.getVariable(marking.getId(), "candidateAnswer")).isEqualTo(
                "断网期间写下的简答：碳排放核算边界包括直接排放与间接排放。");

        JsonNode audit = manager.get(rescue(ready.number())).json();
        assertThat(audit).hasSize(1);
        assertThat(audit.at("/0/importedBy").asText()).isEqualTo("manager");
        assertThat(auditLog.forApplication(ready.number())).filteredOn(e -> e.getAction().name().equals("SITTING_RESCUED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("manager");
                    assertThat(e.getDetail()).contains("救援文件");
                });
        assertThat(audit.at("/0/answersApplied").asInt()).isEqualTo(3);
        assertThat(audit.at("/0/summary").asText()).contains("更新 3 题");

        ApiClient.Response again = manager.uploadFile(rescue(ready.number()), "rescue.cabr-rescue", "application/json", file);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("RESCUE_ALREADY_IMPORTED");

        fixtures.completeTask(marking, Map.of("score", 6));
        byte[] later = sealed(ready.number(), sitting, List.of(answer(5, "A", 30, offline)), List.of());
        ApiClient.Response tooLate = manager.uploadFile(rescue(ready.number()), "later.cabr-rescue", "application/json", later);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.code()).isEqualTo("RESCUE_TOO_LATE");
        assertThat(tooLate.message()).contains("已开始阅卷");
    }

    @Test
    void aFileOfAnotherSitting_isRefused_evenWhenItsEnvelopeIsEditedToMatch() {
        CaseFixtures.ReadyCase first = fixtures.caseReadyForExam("甲考生");
        CaseFixtures.ReadyCase second = fixtures.caseReadyForExam("乙考生");
        first.candidate().client().post("/api/applications/" + first.number() + "/exam/start", "");
        second.candidate().client().post("/api/applications/" + second.number() + "/exam/start", "");
        byte[] ofFirst = sealed(first.number(), sitting(first.number()), List.of(answer(1, "A", 5, clock.instant())), List.of());
        ApiClient manager = fixtures.staff("manager");

        ApiClient.Response refused = manager.uploadFile(rescue(second.number()), "a.cabr-rescue", "application/json", ofFirst);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("RESCUE_FILE_OTHER_SITTING");
        assertThat(refused.message()).contains(first.number()).contains(second.number());

        byte[] relabelled = new String(ofFirst, StandardCharsets.UTF_8).replace(first.number(), second.number())
                .getBytes(StandardCharsets.UTF_8);
        ApiClient.Response forged = manager.uploadFile(rescue(second.number()), "b.cabr-rescue", "application/json", relabelled);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.code()).isEqualTo("RESCUE_FILE_TAMPERED");
        assertThat(second.candidate().client().get("/api/applications/" + second.number() + "/exam").json()
                .at("/items/0/response").isMissingNode()).isTrue();
    }

    @Test
    void aTamperedOrForeignFile_isRefusedWithAClearMessage_andOnlyManagersMayImport() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("篡改文件");
        ApiClient api = ready.candidate().client();
        api.post("/api/applications/" + ready.number() + "/exam/start", "");
        Sitting sitting = sitting(ready.number());
        String file = new String(sealed(ready.number(), sitting, List.of(answer(1, "B", 7, clock.instant())), List.of()),
                StandardCharsets.UTF_8);
        JsonNode envelope = new ApiClient.Response(200, file.getBytes(StandardCharsets.UTF_8), null).json();
        ApiClient manager = fixtures.staff("manager");

        String data = envelope.get("data").asText();
        byte[] cipher = Base64.getDecoder().decode(data);
        cipher[3] ^= 0x01;
        byte[] flipped = file.replace(data, Base64.getEncoder().encodeToString(cipher)).getBytes(StandardCharsets.UTF_8);
        ApiClient.Response tampered = manager.uploadFile(rescue(ready.number()), "t.cabr-rescue", "application/json", flipped);
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.code()).isEqualTo("RESCUE_FILE_TAMPERED");
        assertThat(tampered.message()).contains("已被修改或损坏").contains("未导入任何答案");

        byte[] redated = file.replace(envelope.get("createdAt").asText(), "2020-01-01T00:00:00Z").getBytes(StandardCharsets.UTF_8);
        assertThat(manager.uploadFile(rescue(ready.number()), "d.cabr-rescue", "application/json", redated).code())
                .as("the envelope is authenticated too").isEqualTo("RESCUE_FILE_TAMPERED");

        ApiClient.Response notJson = manager.uploadFile(rescue(ready.number()), "x.txt", "text/plain",
                "这不是救援文件".getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.code()).isEqualTo("RESCUE_FILE_INVALID");
        assertThat(manager.uploadFile(rescue(ready.number()), "e.cabr-rescue", "application/json", new byte[0]).code())
                .isEqualTo("RESCUE_FILE_EMPTY");

        assertThat(api.uploadFile(rescue(ready.number()), "own.cabr-rescue", "application/json",
                file.getBytes(StandardCharsets.UTF_8)).status()).as("candidates cannot import").isEqualTo(403);
        assertThat(api.get("/api/applications/" + ready.number() + "/exam").json().at("/items/0/response").isMissingNode())
                .isTrue();

        ApiClient.Response good = manager.uploadFile(rescue(ready.number()), "g.cabr-rescue", "application/json",
                file.getBytes(StandardCharsets.UTF_8));
        assertThat(good.status()).as("during the sitting too").isEqualTo(200);
        assertThat(api.get("/api/applications/" + ready.number() + "/exam").json().at("/items/0/response").asText()).isEqualTo("B");
    }

    private Task markingTaskOf(String number, int position) {
        return fixtures.tasks(number, "Task_FirstMarking").stream()
                .filter(t -> Integer.valueOf(position).equals(taskService.getVariable(t.getId(), "position")))
                .findFirst().orElseThrow();
    }

    private Sitting sitting(String number) {
        return delivery.findByApplication(fixtures.applicationIdOf(number)).orElseThrow();
    }

    private static String rescue(String number) {
        return "/api/manager/sittings/" + number + "/rescue";
    }

    private static ApiClient.Response save(ApiClient api, String exam, int position, String response, long sequence) {
        return api.put(exam + "/answers/" + position, ApiClient.toJson(Map.of("response", response, "clientSequence", sequence)));
    }

    private static Map<String, Object> answer(int position, String response, long sequence, Instant changedAt) {
        return Map.of("position", position, "response", response, "flagged", false, "clientSequence", sequence,
                "changedAt", changedAt.toString());
    }

    /** As the exam page does it: AES-256-GCM with the sitting's key, a 12-byte IV, the envelope as additional data. */
    private byte[] sealed(String number, Sitting sitting, List<Map<String, Object>> answers, List<Map<String, Object>> events) {
        try {
            String createdAt = clock.instant().toString();
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("applicationNumber", number);
            content.put("sittingId", sitting.getId());
            content.put("createdAt", createdAt);
            content.put("answers", answers);
            content.put("events", events);
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(keys.keyFor(sitting)), "AES"),
                    new GCMParameterSpec(128, iv));
            cipher.updateAAD(("cabr-exam-rescue|1|" + number + "|" + createdAt).getBytes(StandardCharsets.UTF_8));
            byte[] data = cipher.doFinal(ApiClient.toJson(content).getBytes(StandardCharsets.UTF_8));
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("format", "cabr-exam-rescue");
            envelope.put("version", 1);
            envelope.put("applicationNumber", number);
            envelope.put("createdAt", createdAt);
            envelope.put("iv", Base64.getEncoder().encodeToString(iv));
            envelope.put("data", Base64.getEncoder().encodeToString(data));
            return ApiClient.toJson(envelope).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
