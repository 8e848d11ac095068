package cn.cabr.carbon.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestMailServer;
import cn.cabr.carbon.training.TrainingHours;

/**
 * Publication of a session's scores through the manager's API: refused with the list while a sitting still waits for
 * grading, all results visible at one instant once nothing waits, or the ready ones first (with a reason) and the
 * waiting one as soon as its grading is done. Every candidate gets the e-mail of the result.
 */
@IntegrationTest
class PublicationTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TaskService taskService;
    @Autowired
    cn.cabr.carbon.audit.AuditSearch auditSearch;
    @Autowired
    TrainingHours trainingHours;
    @Autowired
    TestMailServer.Inbox inbox;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    record Sitter(CaseFixtures.Candidate candidate, String number) {
    }

    @Test
    void refusedWithTheListWhileGradingIsOpen_thenEveryResultVisibleAtTheSameInstant_andMailed() {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        Sitter ready = sitter(session, "张碳峰");
        Sitter waiting = sitter(session, "李清源");
        openExam(manager, session);
        takeExam(ready);
        takeExam(waiting);
        gradeAll(ready.number());
        List<Task> open = grade(waiting.number(), 3);
        fixtures.fire(manager, session.getCode(), Milestone.EXAM_CLOSED);

        ApiClient.Response refused = publish(manager, session, null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("PUBLICATION_BLOCKED");
        assertThat(refused.json().get("waitingCount").asInt()).isEqualTo(1);
        JsonNode row = refused.json().at("/waiting/0");
        assertThat(row.get("applicationNumber").asText()).isEqualTo(waiting.number());
        assertThat(row.get("candidateName").asText()).isEqualTo("李*源");
        assertThat(row.get("waitingFor").asText()).isEqualTo("阅卷（2 题未评）");
        assertThat(refused.json().get("message").asText()).contains(waiting.number()).contains("阅卷（2 题未评）")
                .contains("publishReady").doesNotContain("李清源");
        assertThat(result(ready).code()).isEqualTo("RESULT_NOT_PUBLISHED");
        assertThat(manager.get("/api/manager/sessions/" + session.getCode() + "/publication").json()
                .get("waitingCount").asInt()).isEqualTo(1);

        open.forEach(t -> taskService.complete(t.getId(), Map.of("score", 8)));
        fixtures.runJobs();
        assertThat(result(ready).code()).as("grading done, still not published").isEqualTo("RESULT_NOT_PUBLISHED");
        fixtures.fire(manager, session.getCode(), Milestone.SCORES_PUBLISHED);

        JsonNode first = result(ready).json();
        JsonNode second = result(waiting).json();
        assertThat(first.get("publishedAt").asText()).isEqualTo(second.get("publishedAt").asText());
        assertThat(first.get("totalScore").asInt()).isEqualTo(90 + 50);
        assertThat(second.get("totalScore").asInt()).isEqualTo(90 + 3 * 10 + 2 * 8);

        MimeMessage mail = inbox.awaitMessagesTo(CaseFixtures.emailOf(ready.candidate().mobile()), 1).get(0);
        assertThat(subject(mail)).contains("考试成绩已公布").contains(session.getName());
        assertThat(TestMailServer.Inbox.decoded(mail)).contains("张碳峰，您好").contains(session.getName())
                .contains(ready.number()).contains("140 分").contains("考试合格");
        assertThat(TestMailServer.Inbox.link(mail, "/applications/" + ready.number())).startsWith("http");
        assertThat(TestMailServer.Inbox.decoded(inbox.awaitMessagesTo(CaseFixtures.emailOf(waiting.candidate().mobile()), 1)
                .get(0))).contains("李清源，您好").contains("136 分");
        JsonNode notification = ready.candidate().client().get("/api/notifications").json().get(0);
        assertThat(notification.get("kind").asText()).isEqualTo("RESULT_PUBLISHED");
        assertThat(notification.get("mail").asText()).isEqualTo("已发送");
    }

    @Test
    void publishTheRest_withAReason_readyOnesNow_andTheWaitingOneWhenItsGradingCompletes() {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        Sitter ready = sitter(session, "王低碳");
        Sitter waiting = sitter(session, "赵清风");
        openExam(manager, session);
        takeExam(ready);
        takeExam(waiting);
        gradeAll(ready.number());
        List<Task> open = grade(waiting.number(), 4);
        fixtures.fire(manager, session.getCode(), Milestone.EXAM_CLOSED);

        ApiClient.Response noReason = publish(manager, session, Map.of("publishReady", true));
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("PUBLICATION_REASON_REQUIRED");

        ApiClient.Response published = publish(manager, session,
                Map.of("publishReady", true, "reason", "一名考生的简答题尚在评阅，其余考生按期公布"));
        assertThat(published.status()).as(published.toString()).isEqualTo(202);
        fixtures.runJobs();
        assertThat(result(ready).status()).isEqualTo(200);
        assertThat(result(waiting).code()).isEqualTo("RESULT_NOT_PUBLISHED");
        JsonNode publication = manager.get("/api/manager/sessions/" + session.getCode() + "/publication").json();
        assertThat(publication.get("publishedBy").asText()).isEqualTo("manager");
        assertThat(publication.at("/publishReadyDecisions/0/reason").asText()).isEqualTo("一名考生的简答题尚在评阅，其余考生按期公布");
        assertThat(publication.at("/publishReadyDecisions/0/waitingCount").asInt()).isEqualTo(1);
        assertThat(auditSearch.export(new cn.cabr.carbon.audit.AuditFilter(null,
                cn.cabr.carbon.audit.AuditAction.SCORES_PUBLISHED_EARLY, "manager", null, null)))
                .filteredOn(e -> session.getCode().equals(e.sessionCode())).singleElement().satisfies(e -> {
                    assertThat(e.detail()).contains("先行公布").contains("1 场考试");
                    assertThat(e.reason()).isEqualTo("一名考生的简答题尚在评阅，其余考生按期公布");
                });
        inbox.awaitMessagesTo(CaseFixtures.emailOf(ready.candidate().mobile()), 1);
        assertThat(inbox.messagesTo(CaseFixtures.emailOf(waiting.candidate().mobile()))).isEmpty();

        open.forEach(t -> taskService.complete(t.getId(), Map.of("score", 10)));
        fixtures.runJobs();
        JsonNode late = result(waiting).json();
        assertThat(late.get("totalScore").asInt()).isEqualTo(140);
        assertThat(Instant.parse(late.get("publishedAt").asText()))
                .isAfter(Instant.parse(result(ready).json().get("publishedAt").asText()));
        assertThat(TestMailServer.Inbox.decoded(inbox.awaitMessagesTo(
                CaseFixtures.emailOf(waiting.candidate().mobile()), 1).get(0))).contains("赵清风，您好").contains("140 分");
    }

    @Test
    void publicationDateWithGradingOpen_givesManagersATask_whichTheirPublishTheRestAnswers() {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        Sitter ready = sitter(session, "郑碳峰");
        Sitter waiting = sitter(session, "冯减排");
        openExam(manager, session);
        takeExam(ready);
        takeExam(waiting);
        gradeAll(ready.number());
        List<Task> open = grade(waiting.number(), 2);
        fixtures.fire(manager, session.getCode(), Milestone.EXAM_CLOSED);

        String sessionProcess = runtimeService.createProcessInstanceQuery().processDefinitionKey("ExamSession")
                .processInstanceBusinessKey(session.getCode()).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(sessionProcess).timers()
                .singleResult().getId());
        fixtures.runJobs();
        Task decide = taskService.createTaskQuery().processInstanceId(sessionProcess)
                .taskDefinitionKey("Task_ResolvePublicationBlocked").singleResult();
        assertThat(decide).as("the date came while grading was open: a manager decides").isNotNull();
        assertThat(taskService.getIdentityLinksForTask(decide.getId())).anyMatch(l -> "manager".equals(l.getGroupId()));
        assertThat(taskService.getVariable(decide.getId(), "waitingList").toString()).contains(waiting.number())
                .contains("冯*排").contains("阅卷（3 题未评）");
        assertThat(result(ready).code()).as("nothing published silently").isEqualTo("RESULT_NOT_PUBLISHED");
        assertThat(manager.get("/api/manager/sessions/" + session.getCode() + "/publication").json()
                .get("managerTaskOpen").asBoolean()).isTrue();

        assertThat(publish(manager, session, null).status()).isEqualTo(409);
        ApiClient.Response published = publish(manager, session, Map.of("publishReady", true, "reason", "阅卷延误，先行公布"));
        assertThat(published.status()).as(published.toString()).isEqualTo(202);
        fixtures.runJobs();
        assertThat(taskService.createTaskQuery().processInstanceId(sessionProcess).count()).isZero();
        assertThat(result(ready).status()).isEqualTo(200);
        assertThat(result(waiting).code()).isEqualTo("RESULT_NOT_PUBLISHED");

        open.forEach(t -> taskService.complete(t.getId(), Map.of("score", 10)));
        fixtures.runJobs();
        assertThat(result(waiting).status()).isEqualTo(200);
    }

    private Sitter sitter(ExamSession session, String name) {
        CaseFixtures.Candidate candidate = fixtures.candidate(name);
        String number = fixtures.submittedApplication(candidate, session.getCode());
        fixtures.completeTask(fixtures.task(number, "Task_ReviewDocuments"), Map.of("decision", "APPROVE"));
        trainingHours.add(fixtures.candidateIdOf(candidate), new BigDecimal("36"), "考前培训（全部五个模块）",
                Instant.now().minus(Duration.ofDays(1)), "测试");
        return new Sitter(candidate, number);
    }

    private void openExam(ApiClient manager, ExamSession session) {
        for (Milestone m : List.of(Milestone.APPLICATIONS_CLOSED, Milestone.MATERIALS_CLOSED, Milestone.HOURS_COUNTED,
                Milestone.EXAM_OPENED)) {
            fixtures.fire(manager, session.getCode(), m);
        }
    }

    /** Every objective item right, every short answer written, submitted. */
    private void takeExam(Sitter sitter) {
        ApiClient api = sitter.candidate().client();
        String number = sitter.number();
        assertThat(api.post("/api/applications/" + number + "/exam/start", "").status()).isEqualTo(200);
        fixtures.displayedKeys(number).forEach((position, key) -> api.put("/api/applications/" + number
                + "/exam/answers/" + position, ApiClient.toJson(Map.of("response", key, "clientSequence", 1))));
        for (int position : fixtures.shortAnswerPositions(number)) {
            api.put("/api/applications/" + number + "/exam/answers/" + position, ApiClient.toJson(Map.of("response",
                    "排放量 = 活动数据 × 排放因子；需明确核算边界。", "clientSequence", 1)));
        }
        assertThat(api.post("/api/applications/" + number + "/exam/submit", "").status()).isEqualTo(200);
        fixtures.runJobs();
    }

    private void gradeAll(String number) {
        grade(number, 5);
    }

    /** Marks {@code count} of the five short answers with 10 points; returns the marking tasks left open. */
    private List<Task> grade(String number, int count) {
        List<Task> tasks = fixtures.tasks(number, "Task_FirstMarking");
        assertThat(tasks).hasSize(5);
        tasks.subList(0, count).forEach(t -> taskService.complete(t.getId(), Map.of("score", 10)));
        fixtures.runJobs();
        return tasks.subList(count, tasks.size());
    }

    private static ApiClient.Response publish(ApiClient manager, ExamSession session, Map<String, Object> body) {
        String path = "/api/manager/sessions/" + session.getCode() + "/milestones/SCORES_PUBLISHED";
        return body == null ? manager.post(path, "") : manager.post(path, body);
    }

    private static ApiClient.Response result(Sitter sitter) {
        return sitter.candidate().client().get("/api/applications/" + sitter.number() + "/result");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
