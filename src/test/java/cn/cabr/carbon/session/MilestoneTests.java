package cn.cabr.carbon.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** Sessions are data; milestones go in order; past sessions stay quiet; a manager may fire the next one. */
@IntegrationTest
class MilestoneTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ExamSessions sessions;

    @Test
    void theEighthSession_carriesTheNoticesDates_andRunsNoProcess() {
        ExamSession eighth = sessions.getByCode("08");
        assertThat(eighth.getName()).isEqualTo("第八期");
        assertThat(eighth.isArchived()).isTrue();
        assertThat(eighth.getExamStartAt()).hasToString("2023-12-23T06:00:00Z");
        assertThat(eighth.getHoursCutoffAt()).hasToString("2023-12-21T15:30:00Z");
        assertThat(eighth.getPassMark()).isEqualTo(90);
        assertThat(eighth.getTotalPoints()).isEqualTo(150);
        assertThat(sessions.reachedMilestones(eighth.getId())).hasSize(Milestone.values().length);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("08").count()).isZero();
        JsonNode open = fixtures.client().get("/api/sessions").json();
        assertThat(open.findValuesAsText("code")).doesNotContain("08").contains("DEMO");
    }

    @Test
    void creatingASession_startsItsProcessWithTimersAtItsDates() {
        ApiClient manager = fixtures.staff("manager");
        ApiClient.Response created = manager.post("/api/manager/sessions", definition("2031-01", "2031-01-20T15:30:00Z",
                "2031-01-25T08:00:00Z", 90));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("ExamSession")
                .processInstanceBusinessKey("2031-01").singleResult();
        assertThat(instance).isNotNull();
        assertThat(manager.post("/api/manager/sessions", Map.of("code", "2031-01")).status()).isEqualTo(400);
    }

    @Test
    void aSessionWithDatesOutOfOrder_isRefused() {
        ApiClient manager = fixtures.staff("manager");
        ApiClient.Response refused = manager.post("/api/manager/sessions", definition("BAD-ORDER", "2031-01-01T00:00:00Z",
                "2031-01-25T07:00:00Z", 160));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("SESSION_SETTINGS_INVALID");
        assertThat(refused.message()).contains("考前学时统计截止不能早于提交报名材料截止").contains("考试时段短于考试时长")
                .contains("及格分不能高于总分");
    }

    /** A session of January 2031, with the hours cutoff, exam end and pass mark each test varies. */
    private static Map<String, Object> definition(String code, String hoursCutoff, String examEnd, int passMark) {
        return Map.ofEntries(Map.entry("code", code), Map.entry("name", "考期 " + code),
                Map.entry("applicationsCloseAt", "2031-01-05T15:59:59Z"), Map.entry("materialsCloseAt", "2031-01-05T15:59:59Z"),
                Map.entry("hoursCutoffAt", hoursCutoff), Map.entry("examStartAt", "2031-01-25T06:00:00Z"),
                Map.entry("examEndAt", examEnd), Map.entry("scoresPublishAt", "2031-03-01T01:00:00Z"),
                Map.entry("certificatesIssueAt", "2031-04-01T01:00:00Z"), Map.entry("durationMinutes", 120),
                Map.entry("totalPoints", 150), Map.entry("passMark", passMark), Map.entry("requiredHours", 36),
                Map.entry("supportContact", "400-650-6886"));
    }

    @Test
    void milestonesGoInOrder_andOnlyOnce() {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        String base = "/api/manager/sessions/" + session.getCode() + "/milestones/";
        ApiClient.Response early = manager.post(base + "EXAM_OPENED", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("MILESTONE_OUT_OF_ORDER");
        assertThat(early.message()).contains("报名截止");

        fixtures.fire(manager, session.getCode(), Milestone.APPLICATIONS_CLOSED);
        ApiClient.Response again = manager.post(base + "APPLICATIONS_CLOSED", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("MILESTONE_ALREADY_REACHED");
        assertThat(again.message()).contains("manager");

        assertThat(manager.post(base + "NO_SUCH_MILESTONE", "").status()).isEqualTo(400);
        assertThat(manager.post("/api/manager/sessions/08/milestones/APPLICATIONS_CLOSED", "").code())
                .isEqualTo("SESSION_ARCHIVED");
        JsonNode view = manager.get("/api/manager/sessions/" + session.getCode()).json();
        assertThat(view.at("/milestones/0/reachedBy").asText()).isEqualTo("manager");
        assertThat(view.at("/milestones/1/reachedAt").isMissingNode()).isTrue();
    }

    @Test
    void firingWhileTheSessionIsStillProcessingThePreviousMilestone_isRefusedPolitely() {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        String base = "/api/manager/sessions/" + session.getCode() + "/milestones/";
        assertThat(manager.post(base + "APPLICATIONS_CLOSED", "").status()).isEqualTo(202);
        ApiClient.Response busy = manager.post(base + "APPLICATIONS_CLOSED", "");
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.code()).isEqualTo("MILESTONE_IN_PROGRESS");
        fixtures.runJobs();
    }

    @Test
    void aMilestoneReachedWhileACaseWasStillBeforeItsWait_isNotMissed() {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        CaseFixtures.Candidate candidate = fixtures.candidate("施迟审");
        String number = fixtures.submittedApplication(candidate, session.getCode());
        for (Milestone m : new Milestone[] {Milestone.APPLICATIONS_CLOSED, Milestone.MATERIALS_CLOSED,
                Milestone.HOURS_COUNTED}) {
            fixtures.fire(manager, session.getCode(), m);
        }
        fixtures.completeTask(fixtures.task(number, "Task_ReviewDocuments"), Map.of("decision", "APPROVE"));
        JsonNode status = candidate.client().get("/api/applications/" + number + "/status").json();
        assertThat(status.get("outcome").asText()).isEqualTo("INSUFFICIENT_HOURS");
        assertThat(status.get("closingReason").asText()).contains("未达到 36 学时");
    }
}
