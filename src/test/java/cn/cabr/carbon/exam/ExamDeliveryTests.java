package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestClock;

/** The server's clock rules the sitting; answers after the deadline are refused; the 5th page leave ends it. */
@IntegrationTest
class ExamDeliveryTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    ExamDelivery delivery;
    @Autowired
    RuntimeService runtimeService;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAnswerAfterTheDeadline_isRefused_andTheSittingIsSubmittedByTheServer() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("蒋考时");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        assertThat(api.post(exam + "/start", "").status()).isEqualTo(200);
        assertThat(api.put(exam + "/answers/1", json("B")).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(119));
        JsonNode resumed = api.post(exam + "/start", "").json();
        assertThat(resumed.get("remainingSeconds").asLong()).isBetween(55L, 60L);
        assertThat(resumed.get("items").get(0).get("response").asText()).isEqualTo("B");

        clock.advance(Duration.ofSeconds(62));
        ApiClient.Response late = api.put(exam + "/answers/2", json("C"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("EXAM_TIME_OVER");
        assertThat(late.message()).contains("考试时间已到");

        assertThat(delivery.overdueSittingIds()).contains(sittingOf(ready.number()));
        delivery.timeOut(sittingOf(ready.number()));
        JsonNode after = api.get(exam).json();
        assertThat(after.get("status").asText()).isEqualTo("TIMED_OUT");
        assertThat(fixtures.tasks(ready.number(), "Task_FirstMarking")).hasSize(5);
        assertThat(runtimeService.getVariable(fixtures.tasks(ready.number(), "Task_FirstMarking").get(0)
                .getProcessInstanceId(), "sittingOutcome")).isEqualTo("TIMED_OUT");
        assertThat(api.put(exam + "/answers/3", json("A")).code()).isEqualTo("SITTING_ENDED");
    }

    @Test
    void answersInTheWrongFormat_areRefusedWithTheAllowedOptions() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("沈格式");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        assertThat(api.put(exam + "/answers/1", json("A")).code()).isEqualTo("EXAM_NOT_STARTED");
        api.post(exam + "/start", "");
        ApiClient.Response single = api.put(exam + "/answers/1", json("Z"));
        assertThat(single.status()).isEqualTo(400);
        assertThat(single.code()).isEqualTo("ANSWER_INVALID");
        assertThat(single.message()).contains("A、B、C、D");
        assertThat(api.put(exam + "/answers/31", json("a, c")).json().get("response").asText()).isEqualTo("A,C");
        assertThat(api.put(exam + "/answers/51", json("yes")).code()).isEqualTo("ANSWER_INVALID");
        assertThat(api.put(exam + "/answers/99", json("A")).status()).isEqualTo(404);
    }

    @Test
    void theFifthPageLeave_endsTheSitting_andTheCaseGoesToAdjudicationAfterGrading() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("韩离屏");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        for (int leave = 1; leave <= 4; leave++) {
            JsonNode receipt = api.post(exam + "/proctoring-events", Map.of("type", "PAGE_LEFT", "detail", "切换到其他窗口"))
                    .json();
            assertThat(receipt.get("pageLeaves").asInt()).isEqualTo(leave);
            assertThat(receipt.get("terminated").asBoolean()).isFalse();
            assertThat(receipt.get("warning").asText()).contains("第 " + leave + " 次");
        }
        JsonNode fifth = api.post(exam + "/proctoring-events", Map.of("type", "PAGE_LEFT")).json();
        assertThat(fifth.get("terminated").asBoolean()).isTrue();
        assertThat(fifth.get("warning").asText()).contains("自动终止作答");
        assertThat(api.get(exam).json().get("status").asText()).isEqualTo("TERMINATED");
        assertThat(api.put(exam + "/answers/1", json("A")).code()).isEqualTo("SITTING_ENDED");
        assertThat(api.post(exam + "/proctoring-events", Map.of("type", "PAGE_LEFT")).code())
                .isEqualTo("SITTING_NOT_IN_PROGRESS");

        fixtures.tasks(ready.number(), "Task_FirstMarking")
                .forEach(t -> fixtures.completeTask(t, Map.of("score", 0)));
        var adjudication = fixtures.task(ready.number(), "Task_AdjudicateViolation");
        assertThat(fixtures.variable(adjudication, "proctoringEvents")).contains("离开答题页面").contains("切换到其他窗口");
    }

    @Test
    void unknownEventTypes_areRefused() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("杨事件");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        assertThat(api.post(exam + "/proctoring-events", Map.of("type", "DANCING")).status()).isEqualTo(400);
        assertThat(api.post(exam + "/proctoring-events", Map.of("detail", "无类型")).code()).isEqualTo("EVENT_TYPE_MISSING");
    }

    private long sittingOf(String number) {
        return delivery.findByApplication(fixtures.applicationIdOf(number)).orElseThrow().getId();
    }

    private static long sequence = 1;

    /** Every save carries a growing client sequence, as the exam page's script sends it. */
    private static String json(String response) {
        return ApiClient.toJson(Map.of("response", response, "clientSequence", sequence++));
    }
}
