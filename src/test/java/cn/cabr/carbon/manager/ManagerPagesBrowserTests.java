package cn.cabr.carbon.manager;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.IntegrationTest;

/** A manager creates a session in the browser, corrects a wrong value, and fires a milestone through its confirmation. */
@IntegrationTest
class ManagerPagesBrowserTests extends BrowserTest {

    @Autowired
    ExamSessions sessions;

    @Test
    void aManagerCreatesASession_fixesAWrongPassMark_andFiresTheFirstMilestoneAfterConfirming() {
        String code = "B" + System.nanoTime() % 1_000_000;
        browser.login("manager", fixtures.password());
        browser.open("/manager");
        browser.click(browser.visible(By.linkText("新建考期")));

        browser.visible(By.id("code")).sendKeys(code);
        browser.driver().findElement(By.id("name")).sendKeys("浏览器测试考期" + code);
        type(By.id("passMark"), "200");
        browser.click(browser.driver().findElement(By.id("create-session")));

        assertThat(browser.visible(By.cssSelector("#passMark + p.field-error")).getText()).isEqualTo("及格分不能高于总分（150 分）");
        assertThat(browser.driver().findElement(By.id("passMark")).getAttribute("class")).contains("invalid");
        assertThat(browser.driver().findElement(By.id("code")).getAttribute("value")).as("kept").isEqualTo(code);
        assertThat(sessions.findByCode(code)).as("nothing saved").isEmpty();

        type(By.id("passMark"), "90");
        browser.click(browser.driver().findElement(By.id("create-session")));
        browser.waitForText(By.cssSelector("p.notice"), "已创建考期");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/manager/sessions/" + code);

        browser.click(browser.visible(By.cssSelector("#milestone-APPLICATIONS_CLOSED a")));
        assertThat(browser.visible(By.tagName("h2")).getText()).isEqualTo("确认立即触发“报名截止”");
        assertThat(browser.driver().findElement(By.id("affected")).getText()).contains("0 份草稿将不能再提交");
        assertThat(sessions.reachedMilestones(sessions.getByCode(code).getId())).as("not before confirming").isEmpty();
        browser.click(browser.driver().findElement(By.id("confirm-fire")));
        browser.waitForText(By.cssSelector("p.notice"), "已触发“报名截止”");
        fixtures.runJobs();

        assertThat(sessions.reachedMilestones(sessions.getByCode(code).getId())).containsKey(Milestone.APPLICATIONS_CLOSED);
        browser.open("/manager/sessions/" + code);
        assertThat(browser.visible(By.id("milestone-APPLICATIONS_CLOSED")).getText()).contains("manager");
        assertThat(browser.driver().findElements(By.cssSelector("#milestone-MATERIALS_CLOSED a"))).hasSize(1);
    }

    private void type(By locator, String text) {
        WebElement input = browser.driver().findElement(locator);
        input.clear();
        input.sendKeys(text);
    }
}
