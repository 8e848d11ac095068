package cn.cabr.carbon.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.ApplicationStatus;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.CaseOutcome;
import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditEntry;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.notification.MailStatus;
import cn.cabr.carbon.notification.Notification;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.process.MaterialsExtensionCloser;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestClock;
import cn.cabr.carbon.training.TrainingHours;

/**
 * The manager pages: Excel exports read back with POI, the training-hours import (.xlsx and CSV, all or nothing),
 * the audited bulk actions, milestone firing behind a confirmation, and who may open the pages.
 */
@IntegrationTest
class ManagerPagesTests {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TrainingHours trainingHours;
    @Autowired
    Applications applications;
    @Autowired
    Notifications notifications;
    @Autowired
    ExamSessions sessions;
    @Autowired
    AuditLog auditLog;
    @Autowired
    MaterialsExtensionCloser closer;
    @Autowired
    TestClock clock;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    // ---- who may open the pages ----

    @Test
    void reviewersAndCandidates_get403_andStrangersAreSentToTheLogin() {
        ApiClient reviewer = fixtures.staff("reviewer");
        for (String path : List.of("/manager", "/manager/sessions/new", "/manager/training",
                "/manager/sessions/DEMO/roster.xlsx", "/manager/sessions/DEMO/candidates")) {
            assertThat(reviewer.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(reviewer.postForm("/manager/sessions/DEMO/milestones/APPLICATIONS_CLOSED", Map.of()).status())
                .isEqualTo(403);
        CaseFixtures.Candidate candidate = fixtures.candidate("禁管理");
        assertThat(candidate.client().get("/manager").status()).isEqualTo(403);
        assertThat(candidate.client().get("/manager/sessions/DEMO").status()).isEqualTo(403);
        ApiClient.Response stranger = fixtures.client().get("/manager");
        assertThat(stranger.status()).isEqualTo(302);
        assertThat(stranger.header("Location")).endsWith("/login");

        ApiClient.Response home = fixtures.staff("manager").get("/manager");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("考期管理").contains("/manager/audit").contains("审计日志");
    }

    // ---- sessions ----

    @Test
    void aSessionWithWrongValues_isRefusedFieldByField_keepsTheValues_andSavesNothing() {
        ApiClient manager = fixtures.staff("manager");
        String code = "M" + System.nanoTime() % 1_000_000;
        Map<String, String> form = sessionForm(code);
        form.put("passMark", "200");
        form.put("materialsCloseAt", LocalDateTime.parse(form.get("applicationsCloseAt"), SessionForm.INPUT).minusDays(1)
                .format(SessionForm.INPUT));
        form.put("durationMinutes", "两小时");
        ApiClient.Response refused = manager.postForm("/manager/sessions", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("考期未创建").contains("及格分不能高于总分")
                .contains("提交报名材料截止不能早于报名截止").contains("考试时长（分钟）须为整数")
                .contains("value=\"" + code + "\"").contains("value=\"两小时\"");
        assertThat(sessions.findByCode(code)).isEmpty();

        form = sessionForm(code);
        ApiClient.Response created = manager.postForm("/manager/sessions", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        assertThat(created.header("Location")).endsWith("/manager/sessions/" + code);
        ExamSession session = sessions.getByCode(code);
        assertThat(session.getPassMark()).isEqualTo(90);
        assertThat(session.isIdentityCheckRequired()).isTrue();
        assertThat(session.getEvidenceRetentionDays()).isEqualTo(90);
        assertThat(manager.get("/manager").text()).contains(session.getName());

        ApiClient.Response again = manager.postForm("/manager/sessions", sessionForm(code));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).contains("考期编号已存在");

        ApiClient.Response badSetting = manager.postForm("/manager/sessions/" + code + "/settings", Map.of(
                "supportContact", "", "multipleChoicePolicy", "HALF_FOR_SUBSET", "markingThreshold", "3",
                "evidenceRetentionDays", "99999"));
        assertThat(badSetting.status()).isEqualTo(200);
        assertThat(badSetting.text()).contains("设置未保存").contains("请填写考试技术支持联系方式")
                .contains("监考证据保存天数须在 1 到 3650 之间");
        assertThat(sessions.getByCode(code).getMultipleChoicePolicy().name()).isEqualTo("ALL_OR_NOTHING");
        assertThat(manager.postForm("/manager/sessions/" + code + "/settings", Map.of("supportContact", "客服 400-000-0000",
                "multipleChoicePolicy", "HALF_FOR_SUBSET", "markingThreshold", "5", "evidenceRetentionDays", "30",
                "doubleMarking", "true")).status()).isEqualTo(302);
        ExamSession changed = sessions.getByCode(code);
        assertThat(changed.getMultipleChoicePolicy().name()).isEqualTo("HALF_FOR_SUBSET");
        assertThat(changed.isDoubleMarking()).isTrue();
        assertThat(changed.getMarkingThreshold()).isEqualTo(5);
        assertThat(changed.getEvidenceRetentionDays()).isEqualTo(30);
        assertThat(changed.getSupportContact()).isEqualTo("客服 400-000-0000");
    }

    @Test
    void movingADateNotReachedYet_movesTheWaitingTimer_whileReachedDatesAndPastDatesAreRefused() {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        String path = "/manager/sessions/" + session.getCode() + "/settings";
        Map<String, String> form = settingsOf(session);
        LocalDateTime moved = LocalDateTime.ofInstant(session.getApplicationsCloseAt(), BEIJING).minusDays(1)
                .withSecond(0).withNano(0);
        form.put("applicationsCloseAt", moved.format(SessionForm.INPUT));
        form.put("passMark", "100");

        Map<String, String> past = new java.util.HashMap<>(form);
        past.put("applicationsCloseAt", LocalDateTime.now(BEIJING).minusDays(1).format(SessionForm.INPUT));
        ApiClient.Response refused = manager.postForm(path, past);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("报名截止不能早于当前时间");
        assertThat(sessions.getByCode(session.getCode()).getPassMark()).as("nothing half-saved").isEqualTo(90);

        Map<String, String> unordered = new java.util.HashMap<>(form);
        unordered.put("examEndAt", form.get("hoursCutoffAt"));
        assertThat(manager.postForm(path, unordered).text()).contains("考试结束不能早于考试开始");

        ApiClient.Response saved = manager.postForm(path, form);
        assertThat(saved.status()).as(saved.text().replaceAll("(?s).*设置未保存", "").replaceAll("(?s)</ul>.*", "")).isEqualTo(302);
        ExamSession changed = sessions.getByCode(session.getCode());
        Instant expected = moved.atZone(BEIJING).toInstant();
        assertThat(changed.getApplicationsCloseAt()).isEqualTo(expected);
        assertThat(changed.getPassMark()).isEqualTo(100);
        ProcessInstanceRef process = processOf(session.getCode());
        assertThat(managementService.createJobQuery().processInstanceId(process.id()).timers()
                .activityId("Timer_ApplicationsClosed").singleResult().getDuedate().toInstant()).isEqualTo(expected);

        fixtures.fire(manager, session.getCode(), Milestone.APPLICATIONS_CLOSED);
        Map<String, String> afterReached = settingsOf(sessions.getByCode(session.getCode()));
        afterReached.put("applicationsCloseAt", moved.plusHours(1).format(SessionForm.INPUT));
        assertThat(manager.postForm(path, afterReached).text()).contains("“报名截止”已到达，日期不能再修改");
        assertThat(manager.get("/manager/sessions/" + session.getCode()).text())
                .contains("id=\"applicationsCloseAt\" name=\"applicationsCloseAt\"").contains("disabled");
    }

    private record ProcessInstanceRef(String id) {
    }

    private ProcessInstanceRef processOf(String code) {
        return new ProcessInstanceRef(runtimeService.createProcessInstanceQuery().processDefinitionKey("ExamSession")
                .processInstanceBusinessKey(code).singleResult().getId());
    }

    private Map<String, String> settingsOf(ExamSession session) {
        SessionForm f = SessionForm.of(session, BEIJING);
        Map<String, String> form = new java.util.HashMap<>();
        form.put("applicationsCloseAt", f.getApplicationsCloseAt());
        form.put("materialsCloseAt", f.getMaterialsCloseAt());
        form.put("hoursCutoffAt", f.getHoursCutoffAt());
        form.put("examStartAt", f.getExamStartAt());
        form.put("examEndAt", f.getExamEndAt());
        form.put("scoresPublishAt", f.getScoresPublishAt());
        form.put("certificatesIssueAt", f.getCertificatesIssueAt());
        form.put("durationMinutes", f.getDurationMinutes());
        form.put("totalPoints", f.getTotalPoints());
        form.put("passMark", f.getPassMark());
        form.put("requiredHours", f.getRequiredHours());
        form.put("supportContact", f.getSupportContact());
        form.put("multipleChoicePolicy", f.getMultipleChoicePolicy());
        form.put("markingThreshold", f.getMarkingThreshold());
        form.put("evidenceRetentionDays", f.getEvidenceRetentionDays());
        return form;
    }

    @Test
    void aMilestoneIsFiredAfterItsConfirmation_inOrder_andOnlyOnce() {
        ExamSession session = fixtures.newSession();
        CaseFixtures.Candidate candidate = fixtures.candidate("确节点");
        fixtures.draft(candidate, session.getCode());
        ApiClient manager = fixtures.staff("manager");
        String base = "/manager/sessions/" + session.getCode() + "/milestones/";

        ApiClient.Response outOfOrder = manager.get(base + "MATERIALS_CLOSED");
        assertThat(outOfOrder.text()).contains("请先触发“报名截止”，节点须按顺序到达").doesNotContain("confirm-fire");
        ApiClient.Response forcedOutOfOrder = manager.postForm(base + "MATERIALS_CLOSED", Map.of());
        assertThat(forcedOutOfOrder.status()).isEqualTo(200);
        assertThat(forcedOutOfOrder.text()).contains("请先触发“报名截止”");

        ApiClient.Response confirm = manager.get(base + "APPLICATIONS_CLOSED");
        assertThat(confirm.text()).contains("确认立即触发“报名截止”").contains("1 份草稿将不能再提交").contains("confirm-fire");
        ApiClient.Response fired = manager.postForm(base + "APPLICATIONS_CLOSED", Map.of());
        assertThat(fired.status()).isEqualTo(302);
        fixtures.runJobs();
        assertThat(sessions.reachedMilestones(session.getId())).containsKey(Milestone.APPLICATIONS_CLOSED);
        assertThat(sessions.reachedMilestones(session.getId()).get(Milestone.APPLICATIONS_CLOSED).getReachedBy())
                .isEqualTo("manager");

        assertThat(manager.get(base + "APPLICATIONS_CLOSED").text()).contains("已于").contains("不能重复触发");
        ApiClient.Response twice = manager.postForm(base + "APPLICATIONS_CLOSED", Map.of());
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.text()).contains("“报名截止”已于");
        assertThat(manager.get(base + "NO_SUCH_THING").status()).isEqualTo(404);
    }

    // ---- exports ----

    @Test
    void theRosterAndTheResults_roundTripThroughExcel_withMaskedNamesAndIds() throws IOException {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("欧阳成绩");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        fixtures.displayedKeys(ready.number()).forEach((position, key) -> api.put(exam + "/answers/" + position,
                ApiClient.toJson(Map.of("response", key, "clientSequence", 1))));
        api.post(exam + "/submit", "");
        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 4)));
        fixtures.runJobs();
        ApiClient manager = fixtures.staff("manager");
        String code = ready.session().getCode();

        List<List<String>> roster = sheet(manager.get("/manager/sessions/" + code + "/roster.xlsx"), "考生名单");
        assertThat(roster.get(1)).containsExactlyElementsOf(ManagerWorkbooks.ROSTER_HEADERS);
        List<String> line = roster.stream().filter(r -> r.get(0).equals(ready.number())).findFirst().orElseThrow();
        assertThat(line.get(1)).isEqualTo(cn.cabr.carbon.shared.PersonNames.mask("欧阳成绩")).doesNotContain("阳成");
        assertThat(line.get(2)).contains("*").isNotEqualTo(ready.candidate().idNumber())
                .startsWith(ready.candidate().idNumber().substring(0, 3));
        assertThat(line.get(3)).isEqualTo(ApplicationStatus.APPROVED.label());

        List<List<String>> unpublished = sheet(manager.get("/manager/sessions/" + code + "/results.xlsx"), "考试成绩");
        assertThat(unpublished.get(1)).containsExactlyElementsOf(ManagerWorkbooks.RESULTS_HEADERS);
        assertThat(unpublished.stream().filter(r -> r.get(0).equals(ready.number())).findFirst().orElseThrow().get(9))
                .isEqualTo("未公布");

        fixtures.fire(manager, code, Milestone.EXAM_CLOSED);
        fixtures.fire(manager, code, Milestone.SCORES_PUBLISHED);
        int total = api.get("/api/applications/" + ready.number() + "/result").json().get("totalScore").asInt();
        List<String> result = sheet(manager.get("/manager/sessions/" + code + "/results.xlsx"), "考试成绩").stream()
                .filter(r -> r.get(0).equals(ready.number())).findFirst().orElseThrow();
        assertThat(result.get(1)).isEqualTo(line.get(1));
        assertThat(result.get(5)).isEqualTo(String.valueOf(total));
        assertThat(result.get(6)).isEqualTo("150");
        assertThat(result.get(7)).isEqualTo("90");
        assertThat(result.get(8)).isEqualTo(total >= 90 ? "合格" : "不合格");
        assertThat(result.get(9)).isEqualTo("已公布");

        ApiClient.Response register = manager.get("/manager/sessions/" + code + "/certificates.xlsx");
        assertThat(register.status()).isEqualTo(200);
        assertThat(sheet(register, "证书登记簿").get(1).get(0)).isEqualTo("证书编号");
        assertThat(manager.get("/manager/sessions/NO-SUCH/roster.xlsx").status()).isEqualTo(404);
    }

    // ---- training hours ----

    @Test
    void anXlsxAndACsv_importThroughThePage_andTheLedgerHasEveryRow() throws IOException {
        CaseFixtures.Candidate first = fixtures.candidate("表学时");
        CaseFixtures.Candidate second = fixtures.candidate("逗学时");
        String yesterday = LocalDateTime.now(BEIJING).minusDays(1).format(MINUTES);
        byte[] xlsx = workbook(List.of(
                List.of(first.idNumber(), 20, yesterday, "双碳目标和政策解读"),
                List.of(first.idNumber(), "1.5", yesterday, "碳足迹量化与报告"),
                List.of(second.idNumber(), 16, LocalDateTime.now(BEIJING).minusDays(2), "企业碳排放核算")));
        ApiClient manager = fixtures.staff("manager");

        ApiClient.Response imported = manager.uploadFile("/manager/training", "学时.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.text()).contains("导入完成").contains("已从“学时.xlsx”导入 3 条学时记录，涉及 2 名考生，共 37.5 学时");
        assertThat(trainingHours.ledger(fixtures.candidateIdOf(first))).extracting(r -> r.getHours().doubleValue())
                .containsExactlyInAnyOrder(20.0, 1.5);
        assertThat(trainingHours.ledger(fixtures.candidateIdOf(second))).hasSize(1);

        CaseFixtures.Candidate third = fixtures.candidate("列学时");
        ApiClient.Response csv = manager.uploadFile("/manager/training", "hours.csv", "text/csv",
                CaseFixtures.hoursCsv(third.idNumber()).getBytes(StandardCharsets.UTF_8));
        assertThat(csv.text()).contains("导入 2 条学时记录，涉及 1 名考生，共 36 学时");
        assertThat(trainingHours.ledger(fixtures.candidateIdOf(third))).hasSize(2);

        ApiClient.Response template = manager.get("/manager/training/template.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("id_number");
        }
        assertThat(manager.get("/manager/training/template.csv").text()).contains("id_number,hours,completed_at,course");
    }

    @Test
    void badRows_areEachReportedWithRowAndColumn_andNothingIsImported() throws IOException {
        CaseFixtures.Candidate candidate = fixtures.candidate("错学时");
        String yesterday = LocalDateTime.now(BEIJING).minusDays(1).format(MINUTES);
        String tomorrow = LocalDateTime.now(BEIJING).plusDays(1).format(MINUTES);
        byte[] xlsx = workbook(List.of(
                List.of(candidate.idNumber(), 10, yesterday, "碳交易"),
                List.of(CaseFixtures.validIdNumber(), 6, yesterday, "碳足迹"),
                List.of(candidate.idNumber(), "十", yesterday, "碳核查"),
                List.of(candidate.idNumber(), 40, yesterday, "能源管理"),
                List.of(candidate.idNumber(), 2, tomorrow, "碳资产"),
                List.of(candidate.idNumber(), 2, yesterday, "")));
        ApiClient manager = fixtures.staff("manager");
        ApiClient.Response refused = manager.uploadFile("/manager/training", "bad.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
        assertThat(refused.status()).isEqualTo(200);
        String page = refused.text();
        assertThat(page).contains("导入未执行").contains("5 处错误，所有记录均未导入");
        assertThat(rowsOf(page)).containsExactly(
                List.of("3", "身份证号", "身份证号码未对应任何已注册考生"),
                List.of("4", "学时", "学时“十”不是数字"),
                List.of("5", "学时", "学时须大于 0、不超过 36，最多两位小数"),
                List.of("6", "完成时间", "完成时间晚于当前时间"),
                List.of("7", "课程名称", "课程名称不能为空且不超过 200 字"));
        assertThat(trainingHours.ledger(fixtures.candidateIdOf(candidate))).isEmpty();

        String csv = "id_number,hours,completed_at,course\n" + candidate.idNumber() + ",3," + yesterday + ",碳交易\n"
                + candidate.idNumber() + ",3,昨天,碳交易\n";
        ApiClient.Response csvRefused = manager.uploadFile("/manager/training", "bad.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rowsOf(csvRefused.text())).containsExactly(
                List.of("3", "完成时间", "完成时间“昨天”格式应为 yyyy-MM-dd HH:mm"));
        assertThat(trainingHours.ledger(fixtures.candidateIdOf(candidate))).isEmpty();

        assertThat(manager.uploadFile("/manager/training", "hours.txt", "text/plain", "x".getBytes()).text())
                .contains("请上传 .xlsx 或 .csv 文件");
        assertThat(manager.uploadFile("/manager/training", "broken.xlsx", "application/octet-stream",
                "not a workbook".getBytes()).text()).contains("Excel 文件无法读取");
    }

    // ---- bulk actions ----

    @Test
    void extendingOneCandidatesMaterialsDeadline_keepsTheCaseOpenPastTheSessionDate_andIsAudited() {
        ExamSession session = fixtures.newSession();
        CaseFixtures.Candidate candidate = fixtures.candidate("延补件");
        String number = fixtures.submittedApplication(candidate, session.getCode());
        fixtures.completeTask(fixtures.task(number, "Task_ReviewDocuments"), Map.of("decision", "REQUEST_SUPPLEMENT",
                "reason", "工作证明未盖章", "supplementDocuments", List.of("EMPLOYMENT_PROOF")));
        CaseFixtures.Candidate other = fixtures.candidate("未延期");
        String otherNumber = fixtures.submittedApplication(other, session.getCode());
        fixtures.completeTask(fixtures.task(otherNumber, "Task_ReviewDocuments"), Map.of("decision", "REQUEST_SUPPLEMENT",
                "reason", "照片不清晰", "supplementDocuments", List.of("PHOTO")));
        ApiClient manager = fixtures.staff("manager");
        String path = "/manager/applications/" + number + "/materials-deadline";
        Instant newDeadline = session.getMaterialsCloseAt().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String typed = LocalDateTime.ofInstant(newDeadline, BEIJING).format(SessionForm.INPUT);

        ApiClient.Response noReason = manager.postForm(path, Map.of("deadline", typed, "reason", " "));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.text()).contains("请填写延长期限的理由").contains("value=\"" + typed + "\"");
        ApiClient.Response tooLate = manager.postForm(path, Map.of("deadline",
                LocalDateTime.ofInstant(session.getHoursCutoffAt().plus(Duration.ofDays(1)), BEIJING).format(SessionForm.INPUT),
                "reason", "出差"));
        assertThat(tooLate.text()).contains("新的截止时间不能晚于考前学时统计截止");
        ApiClient.Response viaApi = manager.post("/api/manager/applications/" + number + "/materials-deadline",
                Map.of("deadline", session.getMaterialsCloseAt().minus(Duration.ofDays(1)).toString(), "reason", "出差"));
        assertThat(viaApi.status()).isEqualTo(400);
        assertThat(viaApi.code()).isEqualTo("DEADLINE_NOT_LATER");
        assertThat(applications.materialsExtension(fixtures.applicationIdOf(number))).isEmpty();

        ApiClient.Response extended = manager.postForm(path, Map.of("deadline", typed, "reason", "考生单位盖章需出差返回后办理"));
        assertThat(extended.status()).as(extended.toString()).isEqualTo(302);
        Application application = applications.getByNumber(number);
        assertThat(applications.materialsDeadline(application)).isEqualTo(newDeadline);
        List<AuditEntry> audit = auditLog.forApplication(number);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.MATERIALS_DEADLINE_EXTENDED);
            assertThat(e.getActor()).isEqualTo("manager");
            assertThat(e.getSessionCode()).isEqualTo(session.getCode());
            assertThat(e.getReason()).isEqualTo("考生单位盖章需出差返回后办理");
            assertThat(e.getDetail()).contains("延长至");
        });
        String display = cn.cabr.carbon.shared.Dates.dateTime(newDeadline, BEIJING);
        assertThat(candidate.client().get("/applications/" + number).text()).contains(display);
        assertThat(manager.get("/manager/sessions/" + session.getCode() + "/candidates").text()).contains("（已延长）");

        fixtures.fire(manager, session.getCode(), Milestone.APPLICATIONS_CLOSED);
        fixtures.fire(manager, session.getCode(), Milestone.MATERIALS_CLOSED);
        assertThat(applications.getByNumber(otherNumber).getOutcome()).isEqualTo(CaseOutcome.INCOMPLETE);
        assertThat(applications.getByNumber(number).getStatus()).as("still open: its own deadline is later")
                .isEqualTo(ApplicationStatus.SUPPLEMENT_REQUESTED);
        assertThat(candidate.client().post("/api/applications/" + number + "/resubmit", "").code())
                .as("the supplement may still come").isEqualTo("SUPPLEMENT_INCOMPLETE");

        try {
            clock.advance(Duration.between(Instant.now(), newDeadline.plusSeconds(60)));
            closer.closeDueNow();
        } finally {
            clock.reset();
        }
        assertThat(applications.getByNumber(number).getOutcome()).isEqualTo(CaseOutcome.INCOMPLETE);
    }

    @Test
    void resendingANotification_queuesItAgainForMail_andIsAuditedWithTheReason() {
        ExamSession session = fixtures.newSession();
        CaseFixtures.Candidate candidate = fixtures.candidate("重通知");
        String number = fixtures.submittedApplication(candidate, session.getCode());
        fixtures.completeTask(fixtures.task(number, "Task_ReviewDocuments"), Map.of("decision", "REQUEST_SUPPLEMENT",
                "reason", "身份证背面不清晰", "supplementDocuments", List.of("ID_CARD_BACK")));
        fixtures.runJobs();
        CaseFixtures.Candidate silent = fixtures.candidate("无通知");
        String draft = fixtures.draft(silent, session.getCode());
        long applicationId = fixtures.applicationIdOf(number);
        List<Notification> before = notifications.forApplication(applicationId);
        assertThat(before).isNotEmpty();
        ApiClient manager = fixtures.staff("manager");
        String path = "/manager/sessions/" + session.getCode() + "/notifications/resend";

        ApiClient.Response noReason = manager.postForm(path, Map.of("applicationNumbers", number));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.text()).contains("请填写重发通知的理由");
        ApiClient.Response noneSelected = manager.postForm(path, Map.of("reason", "考生称未收到"));
        assertThat(noneSelected.text()).contains("请至少选择一名考生");
        ApiClient.Response viaApi = manager.post("/api/manager/sessions/" + session.getCode() + "/notifications/resend",
                Map.of("applicationNumbers", List.of(number, draft), "reason", "考生称未收到"));
        assertThat(viaApi.status()).isEqualTo(409);
        assertThat(viaApi.message()).contains(draft).contains("还没有任何通知");
        assertThat(notifications.forApplication(applicationId)).as("nothing half-sent").hasSameSizeAs(before);

        ApiClient.Response resent = manager.postForm(path, Map.of("applicationNumbers", number, "reason", "考生称邮箱未收到"));
        assertThat(resent.status()).as(resent.toString()).isEqualTo(302);
        List<Notification> after = notifications.forApplication(applicationId);
        assertThat(after).hasSize(before.size() + 1);
        Notification copy = after.get(after.size() - 1);
        assertThat(copy.getTitle()).isEqualTo(before.get(before.size() - 1).getTitle());
        fixtures.runJobs();
        assertThat(notifications.forApplication(applicationId).get(after.size() - 1).getMailStatus())
                .isEqualTo(MailStatus.SENT);
        assertThat(auditLog.forApplication(number)).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.NOTIFICATION_RESENT);
            assertThat(e.getReason()).isEqualTo("考生称邮箱未收到");
            assertThat(e.getSessionCode()).isEqualTo(session.getCode());
        });
    }

    // ---- helpers ----

    private static Map<String, String> sessionForm(String code) {
        LocalDateTime base = LocalDateTime.now(BEIJING).plusDays(30).withSecond(0).withNano(0);
        Map<String, String> form = new java.util.HashMap<>();
        form.put("code", code);
        form.put("name", "管理测试考期" + code);
        form.put("applicationsCloseAt", base.format(SessionForm.INPUT));
        form.put("materialsCloseAt", base.plusDays(3).format(SessionForm.INPUT));
        form.put("hoursCutoffAt", base.plusDays(6).format(SessionForm.INPUT));
        form.put("examStartAt", base.plusDays(10).format(SessionForm.INPUT));
        form.put("examEndAt", base.plusDays(10).plusHours(2).format(SessionForm.INPUT));
        form.put("scoresPublishAt", base.plusDays(25).format(SessionForm.INPUT));
        form.put("certificatesIssueAt", base.plusDays(40).format(SessionForm.INPUT));
        form.put("durationMinutes", "120");
        form.put("totalPoints", "150");
        form.put("passMark", "90");
        form.put("requiredHours", "36");
        form.put("supportContact", "测评系统客服电话 400-650-6886");
        form.put("multipleChoicePolicy", "ALL_OR_NOTHING");
        form.put("markingThreshold", "3");
        form.put("identityCheckRequired", "true");
        form.put("evidenceRetentionDays", "90");
        return form;
    }

    /** A training-hours workbook as a manager makes one: numbers as numbers, a date cell as a date. */
    private static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("学时");
            var dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < TrainingHours.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(TrainingHours.COLUMNS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    Cell cell = row.createCell(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value instanceof LocalDateTime t) {
                        cell.setCellValue(t.withSecond(0).withNano(0));
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static List<List<String>> sheet(ApiClient.Response response, String name) throws IOException {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).contains("spreadsheetml");
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = book.getSheet(name);
            assertThat(sheet).as("sheet " + name).isNotNull();
            org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** The rows of the error table on the import page: row number, column, message. */
    private static List<List<String>> rowsOf(String html) {
        int table = html.indexOf("id=\"import-errors\"");
        assertThat(table).as("the error table").isPositive();
        String body = html.substring(html.indexOf("<tbody>", table), html.indexOf("</tbody>", table));
        List<List<String>> rows = new ArrayList<>();
        for (String tr : body.split("<tr>")) {
            if (!tr.contains("<td>")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String td : tr.split("<td>")) {
                if (td.contains("</td>")) {
                    cells.add(td.substring(0, td.indexOf("</td>")).replace("&ldquo;", "“").replace("&rdquo;", "”"));
                }
            }
            rows.add(cells);
        }
        return rows;
    }
}
