package cn.cabr.carbon.adjudication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.session.SessionDuty;
import cn.cabr.carbon.session.SessionStaff;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** An adjudicator of the session decides "technical problem" in Tasklist: the remedy is required, then recorded. */
@IntegrationTest
class TasklistAdjudicationBrowserTests extends BrowserTest {

    @Autowired
    TaskService taskService;
    @Autowired
    SessionStaff sessionStaff;
    @Autowired
    Notifications notifications;

    @Test
    void anAdjudicatorOfTheSession_decidesATechnicalProblem_withARemedy_inTasklist() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("钟故障");
        sessionStaff.assign(ready.session().getCode(), Map.of(SessionDuty.ADJUDICATOR, List.of("adjudicator")), "test");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        api.post(exam + "/proctoring-events", Map.of("type", "PAGE_LEFT"));
        api.post(exam + "/submit", "");
        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 5)));
        Task task = fixtures.task(ready.number(), "Task_AdjudicateViolation");

        browser.login("adjudicator", fixtures.password());
        browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        browser.clickable(By.cssSelector("button.claim")).click();
        browser.waitForText(By.cssSelector(".fjs-container"), "监考事件时间线");
        WebElement form = browser.visible(By.cssSelector(".fjs-container"));
        assertThat(form.getText()).contains("离开答题页面").contains(ready.number());
        assertThat(form.findElements(By.cssSelector("a")).stream().map(a -> a.getAttribute("href")))
                .anyMatch(href -> href.matches(".*/staff/sittings/\\d+/evidence"));
        assertThat(form.findElements(By.xpath(".//label[contains(., '技术故障的处理方式')]"))).isEmpty();

        browser.click(form.findElement(By.xpath(".//label[contains(., '技术故障，不构成违纪')]")));
        browser.visible(By.xpath("//label[contains(., '技术故障的处理方式')]"));
        form.findElement(By.xpath(".//label[contains(., '裁定理由')]/following::textarea[1]"))
                .sendKeys("摄像头驱动故障导致误报，已核实");
        complete();
        browser.waitForText(By.cssSelector(".page-notifications"), "技术故障的处理方式");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("still open").isEqualTo(1);
        browser.click(browser.visible(By.cssSelector(".page-notifications button.close[ng-click^='removeNotification']")));

        browser.click(form.findElement(By.cssSelector(".fjs-select-display")));
        browser.click(browser.visible(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][contains(., '准予重考')]")));
        complete();
        browser.waiting().until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        fixtures.runJobs();
        assertThat(notifications.forApplication(fixtures.applicationIdOf(ready.number()))).anySatisfy(n ->
                assertThat(n.getBody()).contains("技术故障，不构成违纪（准予重考）").contains("摄像头驱动故障"));
        assertThat(fixtures.tasks(ready.number(), "Task_ConfirmViolation")).isEmpty();
    }

    private void complete() {
        browser.click(browser.visible(By.cssSelector("button.btn-primary[ng-click='complete()']")));
    }
}
