package cn.cabr.carbon.adjudication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.application.ApplicationStatus;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.exam.SittingRemedies;
import cn.cabr.carbon.exam.SittingStatus;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.proctoring.Proctoring;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.shared.Dates;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestClock;

/**
 * A technical problem's remedy carried out: a time credit reopens the same sitting for exactly the credited minutes
 * from the candidate's return, a re-sit opens a new sitting with a new paper; either must be taken up in the window.
 */
@IntegrationTest
class TechnicalRemedyTests {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    cn.cabr.carbon.audit.AuditLog auditLog;
    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Notifications notifications;
    @Autowired
    ExamDelivery delivery;
    @Autowired
    SittingRemedies remedies;
    @Autowired
    Proctoring proctoring;
    @Autowired
    Applications applications;
    @Autowired
    JdbcTemplate jdbc;

    long sequence = 1;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void timeCredit_minutesRequired_thenReopensTheSamePaper_deadlineIsResumePlusCredit_answersKept_changedAnswerMarkedAgain() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("苗补时");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        int shortAnswer = fixtures.shortAnswerPositions(ready.number()).get(0);
        int otherShortAnswer = fixtures.shortAnswerPositions(ready.number()).get(1);
        assertThat(api.put(exam + "/answers/1", save("A")).status()).isEqualTo(200);
        assertThat(api.put(exam + "/answers/" + shortAnswer, save("碳排放核算边界应覆盖全部排放源")).status()).isEqualTo(200);
        assertThat(api.put(exam + "/answers/" + otherShortAnswer, save("配额分配采用基准线法")).status()).isEqualTo(200);
        terminatedByFivePageLeaves(api, exam);
        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 4)));
        long sittingId = delivery.findByApplication(fixtures.applicationIdOf(ready.number())).orElseThrow().getId();

        Task adjudication = fixtures.task(ready.number(), "Task_AdjudicateViolation");
        taskService.claim(adjudication.getId(), "adjudicator");
        Map<String, Object> decision = new HashMap<>(Map.of("decision", "TECHNICAL_PROBLEM", "remedy", "TIME_CREDIT",
                "reason", "考生端浏览器崩溃导致连续离开页面，系技术故障"));
        assertThatThrownBy(() -> taskService.complete(adjudication.getId(), decision))
                .hasMessageContaining("补足考试时间须填写补足的分钟数（1–120 分钟）");
        decision.put("creditedMinutes", 121L);
        assertThatThrownBy(() -> taskService.complete(adjudication.getId(), decision))
                .hasMessageContaining("补足考试时间须填写补足的分钟数");
        decision.put("creditedMinutes", 25L);
        fixtures.completeTask(adjudication, decision);

        Sitting reopened = delivery.get(sittingId);
        assertThat(reopened.getStatus()).isEqualTo(SittingStatus.REOPENED);
        Instant windowEnd = reopened.getRemedyWindowEnd();
        assertThat(windowEnd).isBetween(clock.instant().plus(Duration.ofDays(3)).minusSeconds(60),
                clock.instant().plus(Duration.ofDays(3)));
        long applicationId = fixtures.applicationIdOf(ready.number());
        assertThat(notifications.forApplication(applicationId)).anySatisfy(n -> {
            assertThat(n.getTitle()).isEqualTo("补足考试时间");
            assertThat(n.getBody()).contains("25 分钟").contains(Dates.dateTime(windowEnd, BEIJING))
                    .contains("/exam/" + ready.number());
        });
        String casePage = api.get("/applications/" + ready.number()).text();
        assertThat(casePage).contains("技术故障补救：补足考试时间").contains("id=\"remedy-minutes\">25<")
                .contains(Dates.dateTime(windowEnd, BEIJING)).contains("href=\"/exam/" + ready.number() + "\"")
                .contains("待进入考试");
        assertThat(api.get("/exam/" + ready.number()).text()).contains("补足考试时间 25 分钟");

        clock.advance(Duration.ofHours(5));
        Instant resumedAt = clock.instant();
        JsonNode resumed = api.post(exam + "/start", "").json();
        Instant answeredAt = clock.instant();
        assertThat(resumed.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(Instant.parse(resumed.get("deadline").asText())).as("the server's resume time + 25 minutes")
                .isBetween(resumedAt.minusMillis(1).plus(Duration.ofMinutes(25)), answeredAt.plus(Duration.ofMinutes(25)));
        assertThat(Instant.parse(resumed.get("deadline").asText()))
                .isEqualTo(delivery.get(sittingId).getResumedAt().plus(Duration.ofMinutes(25)));
        assertThat(resumed.get("remainingSeconds").asLong()).isBetween(25 * 60 - 1L, 25 * 60L);
        assertThat(item(resumed, 1).get("response").asText()).isEqualTo("A");
        assertThat(item(resumed, shortAnswer).get("response").asText()).isEqualTo("碳排放核算边界应覆盖全部排放源");
        assertThat(proctoring.pageLeaves(sittingId)).as("the resumed attempt counts its own page leaves").isZero();
        assertThat(delivery.timeGrants(sittingId)).anySatisfy(g -> assertThat(g.getReason()).contains("技术故障补足考试时间"));

        clock.advance(Duration.ofMinutes(10));
        assertThat(api.put(exam + "/answers/" + shortAnswer, save("核算边界覆盖全部排放源，并说明监测计划")).status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(15).plusSeconds(2));
        ApiClient.Response late = api.put(exam + "/answers/1", save("B"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("EXAM_TIME_OVER");
        delivery.timeOut(sittingId);
        fixtures.runJobs();

        List<Task> marking = fixtures.tasks(ready.number(), "Task_FirstMarking");
        assertThat(marking).as("only the short answer changed during the credited time is marked again").hasSize(1);
        assertThat(fixtures.variable(marking.get(0), "candidateAnswer")).contains("监测计划");
        fixtures.completeTask(marking.get(0), Map.of("score", 9));
        assertThat(fixtures.gradedScore(ready.number(), shortAnswer)).isEqualTo(9);
        assertThat(fixtures.gradedScore(ready.number(), otherShortAnswer)).isEqualTo(4);
        assertThat(fixtures.tasks(ready.number(), "Task_AdjudicateViolation")).as("the resumed attempt was not flagged").isEmpty();
        assertThat(api.get("/applications/" + ready.number()).text()).contains("已结束（考试时间到，系统自动交卷）");

        ApiClient manager = fixtures.staff("manager");
        fixtures.fire(manager, ready.session().getCode(), Milestone.EXAM_CLOSED);
        fixtures.fire(manager, ready.session().getCode(), Milestone.SCORES_PUBLISHED);
        JsonNode status = api.get("/api/applications/" + ready.number() + "/status").json();
        assertThat(status.get("result").get("outcome").asText()).isIn("PASSED", "FAILED");
        assertThat(status.get("adjudication").get("decisionLabel").asText()).contains("技术故障");
    }

    @Test
    void resit_opensANewSittingWithAFreshPaper_earlierAttemptKeptButSuperseded_sat_result() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("龚重考");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        assertThat(api.put(exam + "/answers/1", save("A")).status()).isEqualTo(200);
        terminatedByFivePageLeaves(api, exam);
        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 3)));
        long applicationId = fixtures.applicationIdOf(ready.number());
        Sitting first = delivery.findByApplication(applicationId).orElseThrow();
        resitDecided(ready.number());
        assertThat(auditLog.forApplication(ready.number()))
                .filteredOn(e -> e.getAction() == cn.cabr.carbon.audit.AuditAction.TECHNICAL_REMEDY_DECIDED)
                .singleElement().satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("adjudicator");
                    assertThat(e.getDetail()).contains("技术故障").contains("准予重考");
                    assertThat(e.getReason()).isEqualTo("考生端网络中断近一小时，无法补时");
                });

        Sitting resit = delivery.findByApplication(applicationId).orElseThrow();
        assertThat(resit.getId()).isNotEqualTo(first.getId());
        assertThat(resit.getAttempt()).isEqualTo(2);
        assertThat(resit.getStatus()).isEqualTo(SittingStatus.READY);
        List<Sitting> attempts = remedies.attempts(applicationId);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getSupersededBy()).isEqualTo(resit.getId());
        assertThat(attempts.get(0).getStatus()).as("the earlier attempt is kept as it ended").isEqualTo(SittingStatus.TERMINATED);
        assertThat(jdbc.queryForObject("select count(*) from answer where sitting_id = ?", Integer.class, first.getId()))
                .as("the earlier answers are kept as evidence").isGreaterThan(0);
        assertThat(notifications.forApplication(applicationId)).anySatisfy(n -> {
            assertThat(n.getTitle()).isEqualTo("准予重考");
            assertThat(n.getBody()).contains("新试卷").contains(Dates.dateTime(resit.getRemedyWindowEnd(), BEIJING))
                    .contains("/exam/" + ready.number());
        });
        assertThat(api.get("/applications/" + ready.number()).text()).contains("技术故障补救：准予重考")
                .contains("新试卷").contains(Dates.dateTime(resit.getRemedyWindowEnd(), BEIJING)).contains("id=\"remedy-enter\"");

        clock.advance(Duration.ofDays(1));
        JsonNode started = api.post(exam + "/start", "").json();
        assertThat(started.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(started.get("remainingSeconds").asLong()).isBetween(ready.session().getDurationMinutes() * 60L - 1,
                ready.session().getDurationMinutes() * 60L);
        assertThat(item(started, 1).path("response").asText("")).as("a new paper, nothing answered yet").isEmpty();
        Sitting drawn = delivery.get(resit.getId());
        assertThat(drawn.getPaperSeed()).isNotNull().isNotEqualTo(first.getPaperSeed());
        assertThat(api.post(exam + "/submit", "").status()).isEqualTo(200);
        fixtures.runJobs();

        List<Task> marking = fixtures.tasks(ready.number(), "Task_FirstMarking");
        assertThat(marking).isNotEmpty();
        marking.forEach(t -> fixtures.completeTask(t, Map.of("score", 0)));
        ApiClient manager = fixtures.staff("manager");
        fixtures.fire(manager, ready.session().getCode(), Milestone.EXAM_CLOSED);
        fixtures.fire(manager, ready.session().getCode(), Milestone.SCORES_PUBLISHED);
        JsonNode result = api.get("/api/applications/" + ready.number() + "/status").json().get("result");
        assertThat(result.get("outcome").asText()).as("a blank re-sit fails").isEqualTo("FAILED");
        assertThat(result.get("totalScore").asInt()).isZero();
    }

    @Test
    void resit_notTakenInTheWindow_refusedAfterIt_andTheCaseEndsAbsent() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("温未考");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        terminatedByFivePageLeaves(api, exam);
        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 3)));
        resitDecided(ready.number());
        Sitting resit = delivery.findByApplication(fixtures.applicationIdOf(ready.number())).orElseThrow();

        clock.advance(Duration.between(clock.instant(), resit.getRemedyWindowEnd()).plusMinutes(1));
        ApiClient.Response late = api.post(exam + "/start", "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("REMEDY_WINDOW_CLOSED");
        assertThat(late.message()).contains("准予重考须在").contains("该期限已过");
        windowTimerFires(ready.number());

        assertThat(delivery.get(resit.getId()).getStatus()).isEqualTo(SittingStatus.ABSENT);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ready.number()).count()).isZero();
        assertThat(applications.getByNumber(ready.number()).getStatus()).isEqualTo(ApplicationStatus.CLOSED);
        assertThat(applications.getByNumber(ready.number()).getClosingReason()).contains("未在重考期限");
    }

    @Test
    void timeCredit_neverResumed_closedAgainAsItWas_originalAnswersScored() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("凌未续");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        terminatedByFivePageLeaves(api, exam);
        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 3)));
        Task adjudication = fixtures.task(ready.number(), "Task_AdjudicateViolation");
        taskService.claim(adjudication.getId(), "adjudicator");
        fixtures.completeTask(adjudication, Map.of("decision", "TECHNICAL_PROBLEM", "remedy", "TIME_CREDIT",
                "creditedMinutes", 40L, "reason", "考点网络故障，考生被动离开页面"));
        long sittingId = delivery.findByApplication(fixtures.applicationIdOf(ready.number())).orElseThrow().getId();
        assertThat(delivery.get(sittingId).getStatus()).isEqualTo(SittingStatus.REOPENED);

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        windowTimerFires(ready.number());

        assertThat(delivery.get(sittingId).getStatus()).isEqualTo(SittingStatus.TERMINATED);
        assertThat(fixtures.tasks(ready.number(), "Task_FirstMarking")).isEmpty();
        assertThat(api.post(exam + "/start", "").status()).isEqualTo(409);
        ApiClient manager = fixtures.staff("manager");
        fixtures.fire(manager, ready.session().getCode(), Milestone.EXAM_CLOSED);
        fixtures.fire(manager, ready.session().getCode(), Milestone.SCORES_PUBLISHED);
        JsonNode result = api.get("/api/applications/" + ready.number() + "/status").json().get("result");
        assertThat(result.get("outcome").asText()).isEqualTo("FAILED");
    }

    private void resitDecided(String number) {
        Task adjudication = fixtures.task(number, "Task_AdjudicateViolation");
        taskService.claim(adjudication.getId(), "adjudicator");
        fixtures.completeTask(adjudication, Map.of("decision", "TECHNICAL_PROBLEM", "remedy", "RESIT",
                "reason", "考生端网络中断近一小时，无法补时"));
    }

    private void windowTimerFires(String number) {
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
        managementService.executeJob(timer.getId());
        fixtures.runJobs();
    }

    private void terminatedByFivePageLeaves(ApiClient api, String exam) {
        for (int leave = 1; leave <= 5; leave++) {
            api.post(exam + "/proctoring-events", Map.of("type", "PAGE_LEFT"));
        }
        fixtures.runJobs();
    }

    private static JsonNode item(JsonNode paper, int position) {
        for (JsonNode item : paper.get("items")) {
            if (item.get("position").asInt() == position) {
                return item;
            }
        }
        throw new AssertionError("no item " + position);
    }

    private String save(String response) {
        return ApiClient.toJson(Map.of("response", response, "clientSequence", sequence++));
    }
}
