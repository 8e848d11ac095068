package cn.cabr.carbon.manager;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.proctoring.ProctoringThresholds;
import cn.cabr.carbon.proctoring.ProctoringThresholds.Action;
import cn.cabr.carbon.proctoring.ProctoringThresholds.Measure;
import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.IntegrationTest;

/** A manager sets a session's proctoring limits in the browser, corrects a terminate limit below the warning. */
@IntegrationTest
class SessionThresholdsBrowserTests extends BrowserTest {

    @Autowired
    ProctoringThresholds thresholds;

    @Test
    void aManagerFixesATerminateLimitBelowTheWarning_andSavesTheSessionsThresholds() {
        String code = fixtures.newSession().getCode();
        browser.login("manager", fixtures.password());
        browser.open("/manager/sessions/" + code);
        assertThat(browser.visible(By.id("pageLeavesTerminate")).getAttribute("value")).isEqualTo("5");

        type(By.id("pageLeavesWarn"), "4");
        type(By.id("pageLeavesTerminate"), "3");
        browser.click(browser.driver().findElement(By.id("save-thresholds")));
        assertThat(browser.visible(By.cssSelector("#pageLeavesTerminate + p.field-error")).getText())
                .isEqualTo("终止考试的次数须大于提醒的次数");
        assertThat(browser.driver().findElement(By.id("pageLeavesWarn")).getAttribute("value")).as("kept").isEqualTo("4");
        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 5)).as("nothing saved").isEqualTo(Action.TERMINATE);

        type(By.id("pageLeavesTerminate"), "7");
        browser.click(browser.driver().findElement(By.id("save-thresholds")));
        browser.waitForText(By.cssSelector("p.notice"), "监考阈值已保存");
        assertThat(browser.visible(By.id("thresholds")).getText()).contains("第 4 次").contains("第 7 次");
        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 6)).isEqualTo(Action.WARN);
        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 7)).isEqualTo(Action.TERMINATE);
    }

    private void type(By locator, String text) {
        WebElement input = browser.driver().findElement(locator);
        input.clear();
        input.sendKeys(text);
    }
}
