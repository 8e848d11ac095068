package cn.cabr.carbon.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** The other staff screens in headless Chromium: Cockpit for the manager, the grading form for the grader. */
@IntegrationTest
class StaffWebappsBrowserTests extends BrowserTest {

    @Autowired
    TaskService taskService;

    @Test
    void theManagerSeesTheCasesInCockpit() {
        fixtures.submittedApplication(fixtures.candidate("欧阳驾驶"), fixtures.newSession().getCode());
        browser.login("manager", fixtures.password());
        browser.open("/camunda/app/cockpit/default/#/processes");
        browser.waitForText(By.tagName("body"), "碳排放管理专业技术人员认证案件");
        browser.waitForText(By.tagName("body"), "考期进程");
        browser.screenshot("cockpit-processes");
        assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
    }

    @Test
    void aGraderScoresAnAnonymousShortAnswerInTasklist() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("上官阅卷");
        var api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        int position = fixtures.shortAnswerPositions(ready.number()).get(0);
        api.put(exam + "/answers/" + position, "{\"response\":\"核算边界—排放源识别—活动数据—排放因子\",\"clientSequence\":1}");
        api.post(exam + "/submit", "");
        Task task = fixtures.tasks(ready.number(), "Task_FirstMarking").stream()
                .filter(t -> String.valueOf(position).equals(fixtures.variable(t, "position"))).findFirst().orElseThrow();

        browser.login("grader", fixtures.password());
        browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        browser.clickable(By.cssSelector("button.claim")).click();
        browser.waitForText(By.cssSelector(".fjs-container"), "简答题阅卷（试卷第 " + position + " 题，满分 12 分）");
        WebElement form = browser.visible(By.cssSelector(".fjs-container"));
        assertThat(form.getText()).contains("题目").doesNotContain("上官阅卷").doesNotContain("\\n");
        assertThat(form.findElements(By.tagName("textarea")).stream().map(t -> t.getAttribute("value")).toList())
                .anyMatch(v -> v.contains("核算边界—排放源识别")).anyMatch(v -> v.matches("(?s).*（\\d+分）.*"));
        WebElement score = form.findElement(By.cssSelector("input[id$='Field_Score']"));
        score.sendKeys("13");
        browser.click(browser.visible(By.cssSelector("button.btn-primary[ng-click='complete()']")));
        browser.waitForText(By.cssSelector(".fjs-container"), "12");
        assertThat(form.findElement(By.cssSelector(".fjs-form-field-error")).getText()).contains("12");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("not completed").isEqualTo(1);
        score.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "10");
        browser.screenshot("grading-corrected");
        browser.click(browser.visible(By.cssSelector("button.btn-primary[ng-click='complete()']")));
        browser.waiting().until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        assertThat(fixtures.gradedScore(ready.number(), position)).isEqualTo(10);
    }
}
