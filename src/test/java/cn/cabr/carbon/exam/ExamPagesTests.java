package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.shared.Dates;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** The exam pages as served: who reaches them, what they say before, during and after the exam. */
@IntegrationTest
class ExamPagesTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    ExamDelivery delivery;
    @Autowired
    RescueKeys keys;

    @Test
    void beforeTheExamOpens_theCheckPageSaysWhen_andTheAnswerPageSendsBackToIt() {
        ExamSession session = fixtures.newSession();
        CaseFixtures.Candidate candidate = fixtures.candidate("开考之前");
        String number = fixtures.submittedApplication(candidate, session.getCode());

        ApiClient.Response check = candidate.client().get("/exam/" + number);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.text()).contains("考前设备检测").contains("考试尚未开始，将于 "
                + Dates.dateTime(session.getExamStartAt(), ZoneId.of("Asia/Shanghai")) + " 开始")
                .contains("测评系统客服电话 400-650-6886").doesNotContain(candidate.idNumber());

        ApiClient.Response paper = candidate.client().get("/exam/" + number + "/paper");
        assertThat(paper.status()).isEqualTo(302);
        assertThat(fixtures.client().get("/exam/" + number).status()).as("anonymous: to the login page").isEqualTo(302);
    }

    @Test
    void onlyTheCandidateThemselves_reachTheirExamPages() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("本人考试");
        CaseFixtures.Candidate other = fixtures.candidate("他人窥探");

        ApiClient.Response someoneElses = other.client().get("/exam/" + ready.number() + "/paper");
        assertThat(someoneElses.status()).isEqualTo(404);
        assertThat(someoneElses.text()).contains("报名记录不存在").doesNotContain("EXAM_CONFIG");
        assertThat(other.client().get("/exam/" + ready.number()).status()).isEqualTo(404);
        assertThat(fixtures.staff("manager").get("/exam/" + ready.number()).status()).as("candidates only").isEqualTo(403);
        assertThat(other.client().get("/api/applications/" + ready.number() + "/exam/clock").status()).isEqualTo(404);
    }

    @Test
    void duringTheExam_theAnswerPageCarriesTheSittingsRescueKey_andAfterItThePagesSaySo() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("考试进行");
        ApiClient api = ready.candidate().client();
        assertThat(api.get("/exam/" + ready.number()).text()).contains("考试已开始");

        ApiClient.Response paper = api.get("/exam/" + ready.number() + "/paper");
        assertThat(paper.status()).isEqualTo(200);
        Sitting sitting = delivery.findByApplication(fixtures.applicationIdOf(ready.number())).orElseThrow();
        assertThat(paper.text()).contains("考试技术支持").contains("测评系统客服电话 400-650-6886");
        String script = paper.text().substring(paper.text().indexOf("EXAM_CONFIG = ") + "EXAM_CONFIG = ".length());
        JsonNode config = new ApiClient.Response(200, script.substring(0, script.indexOf(";</script>"))
                .getBytes(StandardCharsets.UTF_8), null).json();
        assertThat(config.get("rescueKey").asText()).isEqualTo(keys.keyFor(sitting));
        assertThat(config.get("sittingId").asLong()).isEqualTo(sitting.getId());
        assertThat(config.get("pageLeaveLimit").asInt()).isEqualTo(5);
        assertThat(config.get("supportContact").asText()).isEqualTo("测评系统客服电话 400-650-6886");

        api.post("/api/applications/" + ready.number() + "/exam/start", "");
        ApiClient.Response clock = api.get("/api/applications/" + ready.number() + "/exam/clock");
        assertThat(clock.json().get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(clock.json().get("remainingSeconds").asLong()).isBetween(7190L, 7200L);
        assertThat(clock.json().has("items")).isFalse();
        assertThat(api.get("/exam/" + ready.number()).text()).contains("您的考试正在进行中").contains("继续答题");

        api.post("/api/applications/" + ready.number() + "/exam/submit", "");
        assertThat(api.get("/exam/" + ready.number()).text()).contains("本场考试已结束：已交卷").doesNotContain("进入考试");
        assertThat(api.get("/api/exam/ping").json().has("serverTime")).isTrue();
    }
}
