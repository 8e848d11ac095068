package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * 按顺序依次作答 as a session setting: the manager turns it on before the exam opens, the exam page reads it, and the
 * server refuses answers out of order, whatever a client sends.
 */
@IntegrationTest
class SequentialNavigationTests {

    @Autowired
    CaseFixtures fixtures;

    long sequence = 1;

    @Test
    void inASequentialSession_theServerRefusesAnswersOutOfOrder_butAllowsGoingBackToChangeOne() {
        ApiClient manager = fixtures.staff("manager");
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("顺序作答", session -> {
            ApiClient.Response set = manager.put(settings(session.getCode()), ApiClient.toJson(Map.of("sequentialNavigation", true)));
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            assertThat(set.json().get("sequentialNavigation").asBoolean()).isTrue();
            assertThat(set.json().get("supportContact").asText()).isEqualTo("测评系统客服电话 400-650-6886");
        });
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        assertThat(api.post(exam + "/start", "").json().get("sequentialNavigation").asBoolean()).isTrue();

        ApiClient.Response skipped = save(api, exam, 2, "A", null);
        assertThat(skipped.status()).isEqualTo(409);
        assertThat(skipped.code()).isEqualTo("OUT_OF_ORDER");
        assertThat(skipped.message()).contains("请先完成第 1 题");

        ApiClient.Response flagOnly = save(api, exam, 1, null, true);
        assertThat(flagOnly.status()).as("the current item may be flagged before it is answered").isEqualTo(200);
        assertThat(save(api, exam, 2, "A", null).code()).as("a flag is not an answer").isEqualTo("OUT_OF_ORDER");

        assertThat(save(api, exam, 1, "B", null).status()).isEqualTo(200);
        assertThat(save(api, exam, 2, "A", null).status()).isEqualTo(200);
        assertThat(save(api, exam, 4, "C", null).json().get("code").asText()).isEqualTo("OUT_OF_ORDER");
        assertThat(save(api, exam, 1, "C", null).json().get("response").asText()).as("going back to change").isEqualTo("C");

        ApiClient.Response cleared = save(api, exam, 1, "", null);
        assertThat(cleared.status()).isEqualTo(409);
        assertThat(cleared.message()).contains("不能清空");
        assertThat(save(api, exam, 2, "", null).status()).as("the last answered item may be cleared").isEqualTo(200);
        assertThat(save(api, exam, 3, "A", null).code()).isEqualTo("OUT_OF_ORDER");

        assertThat(api.get(exam).json().at("/items/0/response").asText()).isEqualTo("C");
        assertThat(api.get(exam).json().at("/items/1/response").isMissingNode()).isTrue();
    }

    @Test
    void inAFreeSession_anyOrderIsAccepted() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("自由选题");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        assertThat(api.post(exam + "/start", "").json().get("sequentialNavigation").asBoolean()).isFalse();
        assertThat(save(api, exam, 40, "A", null).status()).isEqualTo(200);
        assertThat(save(api, exam, 3, "B", null).status()).isEqualTo(200);
    }

    @Test
    void theNavigationModeIsFixedOnceTheExamOpens_theSupportContactIsNot() {
        ApiClient manager = fixtures.staff("manager");
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("设置锁定");
        String code = ready.session().getCode();

        ApiClient.Response locked = manager.put(settings(code), ApiClient.toJson(Map.of("sequentialNavigation", true)));
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.code()).isEqualTo("NAVIGATION_LOCKED");
        assertThat(locked.message()).contains("考试已开始");

        ApiClient.Response contact = manager.put(settings(code),
                ApiClient.toJson(Map.of("supportContact", "考务热线 010-88888888（8:00–18:00）")));
        assertThat(contact.status()).isEqualTo(200);
        assertThat(manager.get(settings(code)).json().get("supportContact").asText()).isEqualTo("考务热线 010-88888888（8:00–18:00）");
        assertThat(manager.get("/api/manager/sessions/" + code).json().get("sequentialNavigation").asBoolean()).isFalse();
        assertThat(ready.candidate().client().post("/api/applications/" + ready.number() + "/exam/start", "").json()
                .get("supportContact").asText()).isEqualTo("考务热线 010-88888888（8:00–18:00）");

        ApiClient.Response blank = manager.put(settings(code), ApiClient.toJson(Map.of("supportContact", "  ")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.message()).contains("技术支持联系方式");
        assertThat(ready.candidate().client().put(settings(code), ApiClient.toJson(Map.of("supportContact", "x"))).status())
                .isEqualTo(403);
    }

    private static String settings(String code) {
        return "/api/manager/sessions/" + code + "/exam-settings";
    }

    private ApiClient.Response save(ApiClient api, String exam, int position, String response, Boolean flagged) {
        Map<String, Object> body = new HashMap<>();
        body.put("response", response);
        body.put("clientSequence", sequence++);
        if (flagged != null) {
            body.put("flagged", flagged);
        }
        return api.put(exam + "/answers/" + position, ApiClient.toJson(body));
    }
}
