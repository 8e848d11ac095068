package cn.cabr.carbon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.proctoring.Proctoring;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.ApplicationSteps;
import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.ExamPage;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * One candidate's whole case through the portal, in a real browser: register, apply with uploads, resupply what
 * the reviewer asks for, sit the exam (a refresh and two page leaves on the way), and download the certificate.
 * Staff steps go through the engine and the manager API. Also takes the README's screenshots
 * (scripts/screenshots.sh).
 */
@IntegrationTest
class PortalJourneyBrowserTests extends BrowserTest {

    private static final String PASSWORD = "Carbon-Journey-9";

    @Autowired
    ExamDelivery delivery;
    @Autowired
    Proctoring proctoring;

    @Test
    void registerApplyResupplySitTheExamAndDownloadTheCertificate() {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        String mobile = CaseFixtures.newMobile();
        String idNumber = CaseFixtures.validIdNumber();

        // Register
        browser.open("/login");
        browser.documentationScreenshot("01-login");
        browser.click(browser.visible(By.linkText("注册考生账号")));
        browser.visible(By.id("fullName")).sendKeys("上官碳峰");
        browser.driver().findElement(By.id("mobile")).sendKeys(mobile);
        browser.driver().findElement(By.id("email")).sendKeys("journey" + mobile + "@example.cn");
        browser.driver().findElement(By.id("idNumber")).sendKeys(idNumber);
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.id("passwordConfirmation")).sendKeys(PASSWORD);
        browser.documentationScreenshot("02-register");
        browser.click(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        browser.waitForText(By.cssSelector("main"), "您好，上官碳峰");

        // Apply, step by step, with uploads
        ApplicationSteps steps = new ApplicationSteps(browser);
        String number = steps.start(session.getName());
        steps.education("本科", "华北电力大学", "2014-07-01", "能源与动力工程", true);
        browser.documentationScreenshot("03-apply-education");
        steps.next("工作经历");
        steps.work("6", "北京绿能低碳科技有限公司", "碳排放核算工程师");
        steps.next("报考条件");
        steps.clause("RULE_3_BACHELOR_1Y");
        browser.documentationScreenshot("04-apply-clause");
        steps.next("上传材料");
        steps.uploadAllOfABachelor();
        browser.documentationScreenshot("05-apply-materials");
        steps.submit(number);

        // The reviewer asks for a clearer diploma; the candidate resupplies exactly that
        fixtures.completeTask(fixtures.task(number, "Task_ReviewDocuments"), Map.of("decision", "REQUEST_SUPPLEMENT",
                "reason", "学历证书复印件模糊，请重新扫描上传", "supplementDocuments", List.of("DIPLOMA")));
        fixtures.runJobs();
        browser.open("/applications/" + number);
        assertThat(browser.visible(By.id("supplement-reason")).getText()).contains("学历证书复印件模糊");
        browser.documentationScreenshot("06-case-supplement");
        steps.uploadSample("DIPLOMA", "diploma-clear.pdf");
        browser.click(browser.driver().findElement(By.xpath("//button[text()='提交补充材料']")));
        browser.waitForText(By.id("stage"), "报名材料审核中");

        // Approved; 36 hours imported; the session reaches the exam
        fixtures.completeTask(fixtures.task(number, "Task_ReviewDocuments"), Map.of("decision", "APPROVE"));
        fixtures.runJobs();
        ApiClient.Response imported = manager.uploadFile("/api/manager/training-records", "hours.csv", "text/csv",
                CaseFixtures.hoursCsv(idNumber).getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        for (Milestone m : List.of(Milestone.APPLICATIONS_CLOSED, Milestone.MATERIALS_CLOSED, Milestone.HOURS_COUNTED,
                Milestone.EXAM_OPENED)) {
            fixtures.fire(manager, session.getCode(), m);
        }
        browser.open("/applications/" + number);
        browser.waitForText(By.id("stage"), "考试已开放");
        assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("考前培训学时 36/36");

        // Device check, then the exam
        browser.click(browser.visible(By.id("enter-exam")));
        browser.waitForText(By.id("entry-message"), "考试已开始");
        ExamPage exam = new ExamPage(browser);
        for (String check : List.of("browser", "camera", "microphone", "network")) {
            browser.waitForText(By.cssSelector("li[data-check=" + check + "] .badge"), "通过");
        }
        browser.documentationScreenshot("07-device-check");
        exam.enter();

        // A few answers on the page; the rest from a second device (the same account, the API)
        Map<Integer, String> keys = fixtures.displayedKeys(number);
        List<Integer> onThePage = keys.keySet().stream().sorted().limit(6).toList();
        for (int position : onThePage) {
            exam.choose(position, keys.get(position).split(",")[0]);
            if (keys.get(position).contains(",")) {
                for (String more : keys.get(position).substring(keys.get(position).indexOf(',') + 1).split(",")) {
                    browser.click(browser.visible(By.cssSelector("label[for='option-" + position + "-" + more + "']")));
                }
            }
        }
        exam.waitSaved();
        browser.documentationScreenshot("08-exam-page");
        ApiClient secondDevice = new ApiClient(fixtures.port());
        secondDevice.login(mobile, PASSWORD);
        long sequence = System.currentTimeMillis() * 1000 + 1_000_000_000L;
        for (var key : keys.entrySet()) {
            if (!onThePage.contains(key.getKey())) {
                assertThat(secondDevice.put("/api/applications/" + number + "/exam/answers/" + key.getKey(),
                        ApiClient.toJson(Map.of("response", key.getValue(), "clientSequence", sequence++))).status())
                        .isEqualTo(200);
            }
        }
        for (int position : fixtures.shortAnswerPositions(number)) {
            secondDevice.put("/api/applications/" + number + "/exam/answers/" + position, ApiClient.toJson(Map.of(
                    "response", "排放量 = 活动数据 × 排放因子；明确核算边界，做好数据质量控制。", "clientSequence", sequence++)));
        }

        // A refresh in the middle: answers (from both devices) and the server's time survive
        long remainingBefore = secondDevice.get("/api/applications/" + number + "/exam").json().get("remainingSeconds").asLong();
        browser.driver().navigate().refresh();
        browser.visible(By.id("exam-body"));
        exam.waitSaved();
        int lastKey = keys.keySet().stream().max(Integer::compare).orElseThrow();
        assertThat(exam.navButton(lastKey).getAttribute("class")).as("answered on the other device").contains("answered");
        exam.open(onThePage.get(0));
        assertThat(browser.driver().findElement(By.id("option-" + onThePage.get(0) + "-" + keys.get(onThePage.get(0))
                .split(",")[0])).isSelected()).isTrue();
        assertThat(exam.remainingSeconds()).isBetween(remainingBefore - 30, remainingBefore);

        // Two page leaves, each warned with its count
        long sittingId = delivery.findByApplication(fixtures.applicationIdOf(number)).orElseThrow().getId();
        for (int leave = 1; leave <= 2; leave++) {
            exam.leaveByAnotherTab(() -> proctoring.pageLeaves(sittingId), leave);
            assertThat(exam.warning()).contains("第 " + leave + " 次离开答题页面").contains("满 5 次将自动结束考试");
            if (leave == 2) {
                browser.documentationScreenshot("09-exam-warning");
            }
            exam.dismissWarning();
        }

        // Submit, with the summary first
        browser.click(browser.clickable(By.id("submit-exam")));
        assertThat(browser.visible(By.id("submit-summary")).getText()).contains("已作答 " + (keys.size() + 5) + " 题");
        browser.documentationScreenshot("10-exam-submit");
        browser.click(browser.clickable(By.id("submit-confirm")));
        browser.waitForText(By.id("ended-title"), "考试已结束：已交卷");

        // Graders, the adjudicator (two page leaves flagged the sitting) and the session's dates
        for (Task task : fixtures.tasks(number, "Task_FirstMarking")) {
            fixtures.completeTask(task, Map.of("score", 8));
        }
        fixtures.runJobs();
        fixtures.completeTask(fixtures.task(number, "Task_AdjudicateViolation"),
                Map.of("decision", "NO_VIOLATION", "reason", "两次切换标签页，时间很短，未见作弊"));
        fixtures.runJobs();
        fixtures.fire(manager, session.getCode(), Milestone.EXAM_CLOSED);
        fixtures.fire(manager, session.getCode(), Milestone.SCORES_PUBLISHED);
        fixtures.fire(manager, session.getCode(), Milestone.CERTIFICATES_ISSUED);

        browser.open("/applications/" + number);
        browser.waitForText(By.id("stage"), "证书已颁发");
        JsonNode result = secondDevice.get("/api/applications/" + number + "/result").json();
        assertThat(browser.visible(By.id("result")).getText()).contains(result.get("totalScore").asInt() + " / 150 分")
                .contains("合格").contains("碳排放管理实务");
        assertThat(browser.driver().findElement(By.id("adjudication")).getText()).contains("不构成违纪");
        assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("违纪核查").contains("颁发证书");
        browser.documentationScreenshot("11-case-certified");
        String href = browser.visible(By.cssSelector("#certificate a")).getAttribute("href");
        Object download = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                        + " + r.headers.get('content-type') + ' ' + new TextDecoder().decode(b.slice(0, 5)))));", href);
        assertThat(download).isEqualTo("200 application/pdf %PDF-");
    }
}
