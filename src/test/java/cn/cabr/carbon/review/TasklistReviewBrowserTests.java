package cn.cabr.carbon.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * A reviewer works in the real Tasklist, in headless Chromium: signs in at the application's login page (and so
 * into Tasklist), opens the review task, sees the applicant and the document links in the Camunda Form, cannot
 * ask for a supplement without saying why, and approves.
 */
@IntegrationTest
class TasklistReviewBrowserTests extends BrowserTest {

    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    cn.cabr.carbon.audit.AuditLog auditLog;

    @Test
    void aReviewerApprovesAnApplicationInTasklist() {
        CaseFixtures.Candidate candidate = fixtures.candidate("诸葛审阅");
        String number = fixtures.submittedApplication(candidate, fixtures.newSession().getCode());
        Task task = fixtures.task(number, "Task_ReviewDocuments");

        browser.login("reviewer", fixtures.password());
        browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        browser.clickable(By.cssSelector("button.claim")).click();
        browser.waitForText(By.cssSelector(".fjs-container"), "诸葛审阅");

        WebElement form = browser.visible(By.cssSelector(".fjs-container"));
        assertThat(form.getText()).contains("报名材料人工审核").contains(number).contains("身份证正面照片")
                .doesNotContain(candidate.idNumber());
        List<String> links = form.findElements(By.cssSelector("a")).stream().map(a -> a.getAttribute("href")).toList();
        assertThat(links).anyMatch(href -> href.matches(".*/staff/documents/\\d+"))
                .anyMatch(href -> href.matches(".*/staff/applications/\\d+"));
        assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());

        choose(form, "要求补充材料");
        browser.visible(By.xpath("//label[contains(., '原因（考生将看到此内容）')]"));
        browser.visible(By.xpath("//label[contains(., '需要考生重新提交的材料')]"));
        complete();
        browser.waitForText(By.cssSelector(".page-notifications"), "要求补充材料时必须填写原因");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("still open").isEqualTo(1);
        browser.screenshot("tasklist-review-refused");
        browser.click(browser.visible(By.cssSelector(".page-notifications button.close[ng-click^='removeNotification']")));

        choose(form, "审核通过");
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//label[contains(., '原因（考生将看到此内容）')]")));
        complete();
        browser.waiting().until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo("reviewer");
        // the refused completion left nothing; the approval is in the audit log under the signed-in reviewer
        assertThat(auditLog.forApplication(number)).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("reviewer");
            assertThat(e.getDetail()).contains("审核通过");
        });
        fixtures.runJobs();
        assertThat(candidate.client().get("/api/applications/" + number + "/status").json().get("stage").asText())
                .isEqualTo("COLLECTING_HOURS");
    }

    private void choose(WebElement form, String label) {
        browser.click(form.findElement(By.xpath(".//label[contains(., '" + label + "')]")));
    }

    private WebElement completeButton() {
        return browser.visible(By.cssSelector("button.btn-primary[ng-click='complete()']"));
    }

    private void complete() {
        browser.click(completeButton());
    }
}
