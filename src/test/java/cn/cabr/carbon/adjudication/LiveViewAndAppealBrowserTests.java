package cn.cabr.carbon.adjudication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.session.SessionDuty;
import cn.cabr.carbon.session.SessionStaff;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * The proctor's live view updates itself, sends a warning and shows a silent answer page as a network gap; the
 * candidate appeals from the case page.
 */
@IntegrationTest
class LiveViewAndAppealBrowserTests extends BrowserTest {

    @Autowired
    SessionStaff sessionStaff;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    cn.cabr.carbon.support.TestClock clock;

    @Test
    void theLiveView_showsANewCandidateByItself_andSendsAWarning() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("柳监考");
        sessionStaff.assign(ready.session().getCode(), Map.of(SessionDuty.PROCTOR, List.of("proctor")), "test");
        browser.login("proctor", fixtures.password());
        browser.click(browser.visible(By.id("live-view-link")));
        browser.waitForText(By.id("live-status"), "已更新");
        // The table is redrawn on every push: read it in one script, and retry reads and clicks that meet a redraw
        assertThat((String) ((JavascriptExecutor) browser.driver()).executeScript("return Array.from(document"
                + ".querySelectorAll('tr[data-sitting] td')).map(td => '|' + td.textContent.trim() + '|').join('')"))
                .doesNotContain("|" + ready.number() + "|");

        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        api.post(exam + "/proctoring-events", Map.of("type", "PAGE_LEFT"));
        By row = By.xpath("//tr[td[text()='" + ready.number() + "']]");
        browser.waiting().until(d -> d.findElement(row).getText().contains("柳监考"));

        browser.waiting().until(d -> {
            d.findElement(row).findElement(By.cssSelector("button[data-kind=WARNING]")).click();
            return true;
        });
        browser.click(browser.clickable(By.id("live-action-submit")));
        browser.waitForText(By.id("live-action-error"), "请填写警告内容");
        browser.visible(By.cssSelector("label[for=live-action-text]"));
        browser.driver().findElement(By.id("live-action-text")).sendKeys("请不要离开答题页面");
        browser.click(browser.clickable(By.id("live-action-submit")));
        browser.waitForText(By.id("live-notice"), "警告已发送");
        assertThat(api.get(exam + "/proctor-messages").json().findValuesAsText("message")).containsExactly("请不要离开答题页面");

        // the answer page stops sending heartbeats: after 60 s (ProctoringThresholds.dmn) the row says so in red
        assertThat(api.post(exam + "/heartbeat", "").status()).isEqualTo(200);
        try {
            clock.advance(java.time.Duration.ofSeconds(90));
            browser.waiting().until(d -> d.findElement(row).findElement(By.cssSelector("td.network-gap")).getText()
                    .matches("网络中断 9\\d 秒"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void theCandidate_appealsFromTheCasePage_withAnInlineMessageForATooShortReason() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("裴申诉");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        for (int leave = 1; leave <= 5; leave++) {
            api.post(exam + "/proctoring-events", Map.of("type", "PAGE_LEFT"));
        }
        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 0)));
        new AdjudicationSteps(fixtures, taskService, managementService, runtimeService)
                .violationConfirmed(ready.number(), "考试中 5 次离开答题页面");

        browser.login(ready.candidate().mobile(), fixtures.password());
        browser.open("/applications/" + ready.number());
        browser.click(browser.clickable(By.cssSelector("#appeal-link a")));
        assertThat(browser.visible(By.id("adjudication-decision")).getText()).contains("确认违纪，成绩无效")
                .contains("5 次离开答题页面");
        browser.driver().findElement(By.id("reason")).sendKeys("停电");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('reason').removeAttribute('minlength')");
        browser.click(browser.clickable(By.cssSelector("#appeal-form button[type=submit]")));
        browser.waitForText(By.id("appeal-error"), "至少 10 个字");
        browser.driver().findElement(By.id("reason")).sendKeys("：第三次离开时家中停电，附物业停电通知");
        browser.click(browser.clickable(By.cssSelector("#appeal-form button[type=submit]")));
        browser.waitForText(By.id("appeal-filed"), "物业停电通知");
        assertThat(browser.driver().findElements(By.id("appeal-form"))).isEmpty();
        assertThat(fixtures.tasks(ready.number(), "Task_DecideAppeal")).hasSize(1);
    }
}
