package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestClock;

/** The server's clock: deadline ± 1 s, submission with nobody connected, resuming anywhere, extra time. */
@IntegrationTest
class SittingClockTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    ExamDelivery delivery;

    long sequence = 1;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSaveOneSecondBeforeTheDeadlineCounts_oneSecondAfterIsRefused() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("时钟边界");
        ApiClient api = ready.candidate().client();
        Instant deadline = Instant.parse(start(ready).get("deadline").asText());
        clock.advance(Duration.between(Instant.now(), deadline.minusSeconds(1)));
        assertThat(save(ready, 1, "A").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        ApiClient.Response late = save(ready, 2, "B");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("EXAM_TIME_OVER");
        assertThat(api.get("/api/applications/" + ready.number() + "/exam").json().at("/items/0/response").asText())
                .isEqualTo("A");
    }

    @Test
    void theSchedulerSubmitsASittingWhoseTimeIsUp_withNobodyConnected_andTheCaseHearsOfIt() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("无人在线");
        start(ready);
        save(ready, 3, "C");
        clock.advance(Duration.ofMinutes(121));
        new OverdueSittings(delivery).submitOverdue();
        assertThat(ready.candidate().client().get("/api/applications/" + ready.number() + "/exam").json()
                .get("status").asText()).isEqualTo("TIMED_OUT");
        assertThat(fixtures.tasks(ready.number(), "Task_FirstMarking")).hasSize(5);
    }

    @Test
    void aRefreshOrAnotherDevice_resumesExactlyWhereTheCandidateWas() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("换机续考");
        JsonNode first = start(ready);
        save(ready, 1, "B");
        ApiClient.Response flagged = ready.candidate().client().put("/api/applications/" + ready.number() + "/exam/answers/2",
                ApiClient.toJson(Map.of("response", "D", "flagged", true, "clientSequence", sequence++)));
        assertThat(flagged.json().get("flagged").asBoolean()).isTrue();
        clock.advance(Duration.ofMinutes(30));

        ApiClient otherDevice = fixtures.client();
        otherDevice.login(ready.candidate().mobile(), fixtures.password());
        JsonNode resumed = otherDevice.post("/api/applications/" + ready.number() + "/exam/start", "").json();
        assertThat(resumed.get("deadline")).isEqualTo(first.get("deadline"));
        assertThat(resumed.get("remainingSeconds").asLong()).isBetween(5390L, 5400L);
        for (int i = 0; i < first.get("items").size(); i++) {
            JsonNode before = first.get("items").get(i);
            JsonNode after = resumed.get("items").get(i);
            assertThat(after.get("stem")).isEqualTo(before.get("stem"));
            assertThat(after.get("options")).isEqualTo(before.get("options"));
        }
        assertThat(resumed.at("/items/0/response").asText()).isEqualTo("B");
        assertThat(resumed.at("/items/1/response").asText()).isEqualTo("D");
        assertThat(resumed.at("/items/1/flagged").asBoolean()).isTrue();
    }

    @Test
    void extraTime_grantedWithAReason_movesTheDeadline_andIsAudited() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("延时考生");
        ApiClient manager = fixtures.staff("manager");
        String grantPath = "/api/manager/sittings/" + ready.number() + "/extra-time";
        ApiClient.Response beforeStart = manager.post(grantPath, Map.of("minutes", 10, "reason", "视力障碍考生的合理便利"));
        assertThat(beforeStart.status()).as(beforeStart.toString()).isEqualTo(200);
        Instant deadline = Instant.parse(start(ready).get("deadline").asText());
        assertThat(Duration.between(clock.instant(), deadline).toMinutes()).isBetween(129L, 130L);

        assertThat(manager.post(grantPath, Map.of("minutes", 15)).code()).isEqualTo("EXTRA_TIME_REASON_REQUIRED");
        assertThat(manager.post(grantPath, Map.of("minutes", 500, "reason", "超出上限的时间")).code()).isEqualTo("EXTRA_TIME_INVALID");
        JsonNode during = manager.post(grantPath, Map.of("minutes", 5, "reason", "考点网络中断 5 分钟，补偿时间")).json();
        assertThat(Instant.parse(during.get("deadline").asText())).isEqualTo(deadline.plus(Duration.ofMinutes(5)));
        assertThat(during.get("extraMinutes").asInt()).isEqualTo(15);
        assertThat(during.get("grants").findValuesAsText("reason")).containsExactly("视力障碍考生的合理便利", "考点网络中断 5 分钟，补偿时间");
        assertThat(during.get("grants").findValuesAsText("grantedBy")).containsOnly("manager");

        clock.advance(Duration.ofMinutes(131));
        assertThat(save(ready, 1, "C").status()).as("after the original deadline, within the extended one").isEqualTo(200);
        assertThat(fixtures.candidate("旁观者").client().post(grantPath, Map.of("minutes", 5, "reason", "考生自己申请延时"))
                .status()).isEqualTo(403);
    }

    private JsonNode start(CaseFixtures.ReadyCase ready) {
        ApiClient.Response started = ready.candidate().client().post("/api/applications/" + ready.number() + "/exam/start", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return started.json();
    }

    private ApiClient.Response save(CaseFixtures.ReadyCase ready, int position, String response) {
        return ready.candidate().client().put("/api/applications/" + ready.number() + "/exam/answers/" + position,
                ApiClient.toJson(Map.of("response", response, "clientSequence", sequence++)));
    }
}
