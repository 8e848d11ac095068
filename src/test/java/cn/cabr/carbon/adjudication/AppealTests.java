package cn.cabr.carbon.adjudication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestClock;

/**
 * The candidate hears the decision with its reason, may appeal a voided score from the portal within the session's
 * window, once; the appeal goes to an adjudicator who took no part, whose decision is final.
 */
@IntegrationTest
class AppealTests {

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
    Adjudications adjudications;
    @Autowired
    ExamDelivery delivery;
    @Autowired
    cn.cabr.carbon.audit.AuditLog auditLog;

    AdjudicationSteps steps;

    @BeforeEach
    void steps() {
        steps = new AdjudicationSteps(fixtures, taskService, managementService, runtimeService);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void appealWithinTheWindow_goesToAThirdAdjudicator_upheld_scoreCounts() {
        CaseFixtures.ReadyCase ready = terminatedAndMarked("韩申诉");
        steps.violationConfirmed(ready.number(), "考试中 5 次离开答题页面");
        long applicationId = fixtures.applicationIdOf(ready.number());
        assertThat(notifications.forApplication(applicationId)).anySatisfy(n -> {
            assertThat(n.getTitle()).isEqualTo("违纪核查结果");
            assertThat(n.getBody()).contains("确认违纪，成绩无效").contains("5 次离开答题页面").contains("提出申诉");
        });
        ApiClient api = ready.candidate().client();
        String appeal = "/api/applications/" + ready.number() + "/appeal";

        ApiClient.Response tooShort = api.post(appeal, Map.of("reason", "冤枉"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.message()).contains("至少 10 个字");
        assertThat(api.post(appeal, Map.of("reason", "第三次离开时家中停电，附物业停电通知")).status()).isEqualTo(200);
        ApiClient.Response again = api.post(appeal, Map.of("reason", "第三次离开时家中停电，附物业停电通知"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.message()).contains("只能申诉一次");

        var task = fixtures.task(ready.number(), "Task_DecideAppeal");
        assertThat(fixtures.variable(task, "earlierDecisions")).contains("物业停电通知").contains("adjudicator2");
        taskService.claim(task.getId(), "adjudicator");
        assertThatThrownBy(() -> taskService.complete(task.getId(),
                Map.of("decision", "NO_VIOLATION", "reason", "停电证明属实，撤销原裁定")))
                .hasMessageContaining("须由另一名裁定人员完成");
        taskService.setAssignee(task.getId(), "adjudicator3");
        fixtures.completeTask(task, Map.of("decision", "NO_VIOLATION", "reason", "停电证明属实，撤销原裁定"));

        assertThat(adjudications.violationConfirmed(delivery.findByApplication(applicationId).orElseThrow().getId())).isFalse();
        // the audit log: both adjudications and the appeal decision, each under its adjudicator; the refused attempt left none
        var audited = auditLog.forApplication(ready.number()).stream()
                .filter(e -> e.getAction().name().endsWith("_ADJUDICATED")).toList();
        assertThat(audited).extracting(e -> e.getAction().name() + "/" + e.getActor()).containsExactly(
                "VIOLATION_ADJUDICATED/adjudicator", "VIOLATION_ADJUDICATED/adjudicator2", "APPEAL_ADJUDICATED/adjudicator3");
        assertThat(audited.get(2).getDetail()).contains("申诉复核").contains("不构成违纪");
        assertThat(audited.get(2).getReason()).isEqualTo("停电证明属实，撤销原裁定");
        assertThat(notifications.forApplication(applicationId)).anySatisfy(n -> assertThat(n.getBody())
                .contains("不构成违纪").contains("停电证明属实").contains("最终决定"));
        fixtures.fire(fixtures.staff("manager"), ready.session().getCode(), Milestone.EXAM_CLOSED);
        fixtures.fire(fixtures.staff("manager"), ready.session().getCode(), Milestone.SCORES_PUBLISHED);
        var result = api.get("/api/applications/" + ready.number() + "/status").json().get("result");
        assertThat(result.get("outcome").asText()).isEqualTo("FAILED");
    }

    @Test
    void appealAfterTheWindow_isRefused_andSomeoneElsesCaseIsNotFound() {
        CaseFixtures.ReadyCase ready = terminatedAndMarked("魏逾期");
        ApiClient manager = fixtures.staff("manager");
        String window = "/api/manager/sessions/" + ready.session().getCode() + "/appeal-window";
        assertThat(manager.get(window).json().get("days").asInt()).isEqualTo(15);
        ApiClient.Response tooLong = manager.put(window, "{\"days\": 61}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.message()).contains("1–60 天");
        assertThat(ready.candidate().client().put(window, "{\"days\": 30}").status()).isEqualTo(403);
        assertThat(manager.put(window, "{\"days\": 3}").json().get("days").asInt()).isEqualTo(3);
        steps.violationConfirmed(ready.number(), "考试中 5 次离开答题页面");
        String appeal = "/api/applications/" + ready.number() + "/appeal";

        ApiClient stranger = fixtures.candidate("路人甲").client();
        assertThat(stranger.post(appeal, Map.of("reason", "我想替别人申诉一下这件事")).status()).isEqualTo(404);

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        ApiClient.Response late = ready.candidate().client().post(appeal, Map.of("reason", "第三次离开时家中停电，附证明"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.message()).contains("申诉期已于").contains("结束");
        assertThat(fixtures.tasks(ready.number(), "Task_DecideAppeal")).isEmpty();
    }

    @Test
    void noViolation_hasNothingToAppeal() {
        CaseFixtures.ReadyCase ready = terminatedAndMarked("秦无违");
        steps.decide(ready.number(), "Task_AdjudicateViolation", "adjudicator", "NO_VIOLATION", "离开页面系网络中断所致");
        assertThat(fixtures.tasks(ready.number(), "Task_ConfirmViolation")).isEmpty();
        ApiClient.Response response = ready.candidate().client().post("/api/applications/" + ready.number() + "/appeal",
                Map.of("reason", "我想确认一下这个结论是否最终"));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("NOTHING_TO_APPEAL");
    }

    @Test
    void aDecisionTakenAloneBeforeTheTwoAdjudicatorRule_standsAsItIs_andCannotBeAppealed() {
        CaseFixtures.ReadyCase ready = terminatedAndMarked("尹旧案");
        long sittingId = delivery.findByApplication(fixtures.applicationIdOf(ready.number())).orElseThrow().getId();
        adjudications.decide(sittingId, AdjudicationStage.SINGLE, "adjudicator", AdjudicationDecision.VIOLATION_CONFIRMED,
                null, null, "考试中 5 次离开答题页面");
        assertThat(adjudications.violationConfirmed(sittingId)).isTrue();
        ApiClient.Response response = ready.candidate().client().post("/api/applications/" + ready.number() + "/appeal",
                Map.of("reason", "第三次离开时家中停电，附证明"));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("NOTHING_TO_APPEAL");
    }

    private CaseFixtures.ReadyCase terminatedAndMarked(String name) {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam(name);
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        for (int leave = 1; leave <= 5; leave++) {
            api.post(exam + "/proctoring-events", Map.of("type", "PAGE_LEFT"));
        }
        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 0)));
        return ready;
    }
}
