package cn.cabr.carbon.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.session.SessionDuty;
import cn.cabr.carbon.session.SessionStaff;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * Every human decision leaves an audit entry with who, what and why, written by the real flows (Tasklist task
 * completions, the managers' and proctors' APIs); entries cannot be changed or deleted, even in SQL; managers search
 * and export them, nobody else sees them.
 */
@IntegrationTest
class AuditTrailTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TaskService taskService;
    @Autowired
    AuditLog auditLog;
    @Autowired
    SessionStaff sessionStaff;
    @Autowired
    ExamDelivery delivery;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;

    @Test
    void aReviewDecisionInTasklist_isRecordedUnderTheReviewerWhoClaimedIt_withOutcomeAndReason() {
        CaseFixtures.Candidate candidate = fixtures.candidate("审补件");
        String number = fixtures.submittedApplication(candidate, fixtures.newSession().getCode());
        Task review = fixtures.task(number, "Task_ReviewDocuments");
        taskService.claim(review.getId(), "reviewer");
        fixtures.completeTask(review, Map.of("decision", "REQUEST_SUPPLEMENT", "reason", "学历证书复印件不清晰，请重新扫描",
                "supplementDocuments", List.of("DIPLOMA")));

        assertThat(auditLog.forApplication(number)).singleElement().satisfies(entry -> {
            assertThat(entry.getAction()).isEqualTo(AuditAction.DOCUMENTS_REVIEWED);
            assertThat(entry.getActor()).isEqualTo("reviewer");
            assertThat(entry.getApplicationNumber()).isEqualTo(number);
            assertThat(entry.getSessionCode()).isEqualTo(number.substring(0, number.lastIndexOf('-')));
            assertThat(entry.getDetail()).contains(number).contains("要求补充材料").contains("学历证书");
            assertThat(entry.getReason()).isEqualTo("学历证书复印件不清晰，请重新扫描");
        });
    }

    @Test
    void aRefusedDecision_leavesNoEntry() {
        CaseFixtures.Candidate candidate = fixtures.candidate("审无因");
        String number = fixtures.submittedApplication(candidate, fixtures.newSession().getCode());
        Task review = fixtures.task(number, "Task_ReviewDocuments");
        assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("decision", "REJECT")))
                .hasMessageContaining("必须填写原因");
        assertThat(auditLog.forApplication(number)).isEmpty();
    }

    @Test
    void theExamDay_extraTime_warning_termination_marking_andAdjudication_eachLeaveAnEntry() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("审考试");
        String number = ready.number();
        String code = ready.session().getCode();
        ApiClient candidate = ready.candidate().client();
        assertThat(candidate.post("/api/applications/" + number + "/exam/start", "").status()).isEqualTo(200);

        ApiClient manager = fixtures.staff("manager");
        ApiClient.Response extra = manager.post("/api/manager/sittings/" + number + "/extra-time",
                Map.of("minutes", 15, "reason", "考生电脑死机重启耗时"));
        assertThat(extra.status()).as(extra.toString()).isEqualTo(200);

        sessionStaff.assign(code, Map.of(SessionDuty.PROCTOR, List.of("proctor")), "manager");
        ApiClient proctor = fixtures.staff("proctor");
        long sittingId = sittingIdOf(proctor, number);
        String sitting = "/api/staff/live/sittings/" + sittingId;
        assertThat(proctor.post(sitting + "/warnings", Map.of("message", "请保持面部在摄像头画面内")).status()).isEqualTo(200);
        assertThat(proctor.post(sitting + "/termination", Map.of("message", "画面中有他人代答")).status()).isEqualTo(200);

        List<Task> markings = fixtures.tasks(number, "Task_FirstMarking");
        assertThat(markings).isNotEmpty();
        for (Task marking : markings) {
            taskService.claim(marking.getId(), "grader");
            fixtures.completeTask(marking, Map.of("score", 0, "comment", "未作答"));
        }
        Task adjudication = fixtures.task(number, "Task_AdjudicateViolation");
        taskService.claim(adjudication.getId(), "adjudicator");
        fixtures.completeTask(adjudication, Map.of("decision", "NO_VIOLATION", "reason", "回放显示画面中是监考老师本人"));

        List<AuditEntry> entries = auditLog.forApplication(number);
        assertThat(entries).extracting(AuditEntry::getAction).containsSubsequence(AuditAction.DOCUMENTS_REVIEWED,
                AuditAction.EXTRA_TIME_GRANTED, AuditAction.PROCTOR_WARNING_SENT, AuditAction.SITTING_TERMINATED,
                AuditAction.SHORT_ANSWER_GRADED, AuditAction.VIOLATION_ADJUDICATED);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getApplicationNumber()).isEqualTo(number);
            assertThat(e.getSessionCode()).isEqualTo(code);
        });
        assertThat(only(entries, AuditAction.EXTRA_TIME_GRANTED)).satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("manager");
            assertThat(e.getDetail()).contains("延长考试时间 15 分钟");
            assertThat(e.getReason()).isEqualTo("考生电脑死机重启耗时");
        });
        assertThat(only(entries, AuditAction.PROCTOR_WARNING_SENT)).satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("proctor");
            assertThat(e.getDetail()).contains("请保持面部在摄像头画面内");
        });
        assertThat(only(entries, AuditAction.SITTING_TERMINATED)).satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("proctor");
            assertThat(e.getDetail()).contains("终止").contains(number);
            assertThat(e.getReason()).isEqualTo("画面中有他人代答");
        });
        List<AuditEntry> graded = entries.stream().filter(e -> e.getAction() == AuditAction.SHORT_ANSWER_GRADED).toList();
        assertThat(graded).hasSize(markings.size()).allSatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("grader");
            assertThat(e.getDetail()).contains("一评").contains("0 分");
            assertThat(e.getReason()).isEqualTo("未作答");
        });
        assertThat(only(entries, AuditAction.VIOLATION_ADJUDICATED)).satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("adjudicator");
            assertThat(e.getDetail()).contains("初次裁定").contains("不构成违纪");
            assertThat(e.getReason()).isEqualTo("回放显示画面中是监考老师本人");
        });
    }

    @Test
    void aManagersMilestone_andSessionChanges_areRecordedForTheSession() {
        ExamSession session = fixtures.newSession();
        String code = session.getCode();
        ApiClient manager = fixtures.staff("manager");
        assertThat(manager.put("/api/manager/sessions/" + code + "/exam-settings",
                "{\"sequentialNavigation\":true,\"supportContact\":\"400-800-1234\"}").status()).isEqualTo(200);
        assertThat(manager.put("/api/manager/sessions/" + code + "/grading",
                "{\"multipleChoicePolicy\":\"ALL_OR_NOTHING\",\"doubleMarking\":true,\"markingThreshold\":3}").status())
                .isEqualTo(200);
        assertThat(manager.put("/api/manager/sessions/" + code + "/appeal-window", "{\"days\":20}").status()).isEqualTo(200);
        fixtures.fire(manager, code, Milestone.APPLICATIONS_CLOSED);

        List<AuditEntry> ofSession = ofSession(code);
        assertThat(ofSession).extracting(AuditEntry::getAction).containsExactly(AuditAction.SESSION_CREATED,
                AuditAction.SESSION_CHANGED, AuditAction.SESSION_CHANGED, AuditAction.SESSION_CHANGED,
                AuditAction.MILESTONE_FIRED);
        assertThat(ofSession.subList(1, 5)).allSatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("manager");
            assertThat(e.getApplicationNumber()).isNull();
        });
        assertThat(ofSession.get(1).getDetail()).contains("考试设置").contains("按顺序作答").contains("400-800-1234");
        assertThat(ofSession.get(2).getDetail()).contains("评分规则").contains("双评").contains("分差阈值 3 分");
        assertThat(ofSession.get(3).getDetail()).contains("申诉期").contains("→ 20 天");
        assertThat(ofSession.get(4).getDetail()).contains("手动触发").contains(Milestone.APPLICATIONS_CLOSED.label());
    }

    @Test
    void aDecisionThatRollsBack_leavesNoEntry() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("审回滚");
        String number = ready.number();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            delivery.grantExtraTime(number, 10, "考生网络中断后重连", "manager");
            assertThat(auditLog.forApplication(number)).extracting(AuditEntry::getAction)
                    .contains(AuditAction.EXTRA_TIME_GRANTED);
            throw new IllegalStateException("a later step of the same decision fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(auditLog.forApplication(number)).extracting(AuditEntry::getAction)
                .doesNotContain(AuditAction.EXTRA_TIME_GRANTED);
        assertThat(delivery.timeGrants(delivery.findByApplication(fixtures.applicationIdOf(number)).orElseThrow()
                .getId())).isEmpty();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        String number = "AUDIT-SQL-" + System.nanoTime();
        AuditEntry entry = auditLog.record(AuditAction.EXTRA_TIME_GRANTED, "manager", number, "T1", "延长考试时间 10 分钟",
                "考生网络中断");
        long id = entry.getId();

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET reason = 'x' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET actor = 'someone' WHERE application_number = ?", number))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry")).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE TABLE audit_entry")).isInstanceOf(DataAccessException.class);

        Map<String, Object> row = jdbc.queryForMap("SELECT actor, reason FROM audit_entry WHERE id = ?", id);
        assertThat(row.get("actor")).isEqualTo("manager");
        assertThat(row.get("reason")).isEqualTo("考生网络中断");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isPositive();
        // inserting stays possible
        auditLog.record(AuditAction.EXTRA_TIME_GRANTED, "manager", number, "T1", "延长考试时间 5 分钟", "再次中断");
        assertThat(auditLog.forApplication(number)).hasSize(2);
    }

    @Test
    void managersSearchByNameMobileOrNumber_actionActorAndDates_andExportTheSameAsXlsxAndJson() throws Exception {
        CaseFixtures.Candidate candidate = fixtures.candidate("欧阳审计");
        String number = fixtures.submittedApplication(candidate, fixtures.newSession().getCode());
        Task review = fixtures.task(number, "Task_ReviewDocuments");
        taskService.claim(review.getId(), "reviewer");
        fixtures.completeTask(review, Map.of("decision", "REJECT", "reason", "学历不满足报考条件"));
        auditLog.record(AuditAction.EXTRA_TIME_GRANTED, "manager", number, null, "延长考试时间 5 分钟", "=HYPERLINK(\"x\")");

        ApiClient manager = fixtures.staff("manager");
        for (String who : List.of("阳审", candidate.mobile(), number)) {
            JsonNode found = manager.get("/api/manager/audit?candidate=" + encode(who)).json();
            assertThat(found.get("total").asInt()).as(who).isEqualTo(2);
            assertThat(found.at("/entries/0/action").asText()).as("newest first").isEqualTo("EXTRA_TIME_GRANTED");
            assertThat(found.at("/entries/1/actor").asText()).isEqualTo("reviewer");
            assertThat(found.at("/entries/1/maskedName").asText()).isEqualTo("欧**计");
            assertThat(found.toString()).doesNotContain("欧阳审计");
        }
        String today = LocalDate.now(clock.withZone(BEIJING)).toString();
        String tomorrow = LocalDate.now(clock.withZone(BEIJING)).plusDays(1).toString();
        String filtered = "/api/manager/audit?candidate=" + number + "&action=DOCUMENTS_REVIEWED&actor=reviewer&from="
                + today + "&to=" + today;
        JsonNode one = manager.get(filtered).json();
        assertThat(one.get("total").asInt()).isEqualTo(1);
        assertThat(one.at("/entries/0/detail").asText()).contains("驳回报名");
        assertThat(one.at("/entries/0/reason").asText()).isEqualTo("学历不满足报考条件");
        assertThat(manager.get("/api/manager/audit?candidate=" + number + "&from=" + tomorrow).json().get("total").asInt())
                .isZero();
        assertThat(manager.get("/api/manager/audit?candidate=" + number + "&page=1&size=1").json().at("/entries/0/actor")
                .asText()).isEqualTo("reviewer");

        ApiClient.Response xlsx = manager.get("/manager/audit.xlsx?candidate=" + encode("阳审"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet(AuditWorkbook.SHEET_NAME);
            assertThat(cells(sheet.getRow(0))).containsExactlyElementsOf(AuditWorkbook.HEADERS);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            List<String> newest = cells(sheet.getRow(1));
            assertThat(newest.subList(2, 9)).containsExactly("manager", "延长考试时间", number, "欧**计", "",
                    "延长考试时间 5 分钟", "=HYPERLINK(\"x\")");
            assertThat(sheet.getRow(1).getCell(8).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(cells(sheet.getRow(2)).subList(2, 5)).containsExactly("reviewer", "材料审核", number);
        }

        ApiClient.Response page = manager.get("/manager/audit?candidate=" + encode("阳审"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("审计日志").contains("共 2 条").contains("欧**计").contains("驳回报名")
                .doesNotContain("欧阳审计");
    }

    @Test
    void badFilters_areRefusedWithAChineseMessage_onThePageAndInTheApi() {
        ApiClient manager = fixtures.staff("manager");
        ApiClient.Response backwards = manager.get("/api/manager/audit?from=2026-05-02&to=2026-05-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("AUDIT_RANGE_INVALID");
        assertThat(backwards.message()).isEqualTo("结束日期不能早于开始日期");
        ApiClient.Response unknown = manager.get("/api/manager/audit?action=DELETE_EVERYTHING");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).contains("未知的操作类型");
        assertThat(manager.get("/api/manager/audit?from=yesterday").message()).contains("开始日期格式不正确");
        assertThat(manager.get("/manager/audit.xlsx?action=NOPE").status()).isEqualTo(400);

        ApiClient.Response page = manager.get("/manager/audit?from=2026-05-02&to=2026-05-01");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("结束日期不能早于开始日期").doesNotContain("Exception");
    }

    @Test
    void onlyManagersSeeTheLog_andNothingOffersToChangeIt() {
        ApiClient reviewer = fixtures.staff("reviewer");
        assertThat(reviewer.get("/manager/audit").status()).isEqualTo(403);
        assertThat(reviewer.get("/manager/audit.xlsx").status()).isEqualTo(403);
        assertThat(reviewer.get("/api/manager/audit").status()).isEqualTo(403);
        CaseFixtures.Candidate candidate = fixtures.candidate("审越权");
        assertThat(candidate.client().get("/api/manager/audit").status()).isEqualTo(403);

        ApiClient manager = fixtures.staff("manager");
        long id = auditLog.record(AuditAction.MILESTONE_FIRED, "manager", null, "T1", "手动触发", null).getId();
        assertThat(manager.delete("/api/manager/audit/" + id).status()).isIn(404, 405);
        assertThat(manager.put("/api/manager/audit/" + id, "{\"detail\":\"x\"}").status()).isIn(404, 405);
        assertThat(manager.post("/api/manager/audit", "{}").status()).isIn(404, 405);
    }

    @Test
    void theStaffViewer_showsACasesTrailToManagersOnly() {
        CaseFixtures.Candidate candidate = fixtures.candidate("审查看");
        String number = fixtures.submittedApplication(candidate, fixtures.newSession().getCode());
        Task review = fixtures.task(number, "Task_ReviewDocuments");
        taskService.claim(review.getId(), "reviewer");
        fixtures.completeTask(review, Map.of("decision", "REQUEST_SUPPLEMENT", "reason", "照片背景不是白色，请重拍",
                "supplementDocuments", List.of("PHOTO")));
        String viewer = "/staff/applications/" + fixtures.applicationIdOf(number);

        assertThat(fixtures.staff("manager").get(viewer).text()).contains("审计记录").contains("照片背景不是白色")
                .contains("材料审核");
        assertThat(fixtures.staff("reviewer").get(viewer).text()).doesNotContain("审计记录");
    }

    private List<AuditEntry> ofSession(String code) {
        return entries.findAll((root, query, cb) -> cb.equal(root.get("sessionCode"), code),
                org.springframework.data.domain.Sort.by("id"));
    }

    @Autowired
    AuditEntryRepository entries;

    private static AuditEntry only(List<AuditEntry> entries, AuditAction action) {
        List<AuditEntry> matching = entries.stream().filter(e -> e.getAction() == action).toList();
        assertThat(matching).as(action.name()).hasSize(1);
        return matching.get(0);
    }

    private static long sittingIdOf(ApiClient proctor, String number) {
        for (JsonNode s : proctor.get("/api/staff/live/sittings").json()) {
            if (s.get("applicationNumber").asText().equals(number)) {
                return s.get("sittingId").asLong();
            }
        }
        throw new AssertionError("no live sitting of " + number);
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(cell -> values.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue()));
        return values;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
