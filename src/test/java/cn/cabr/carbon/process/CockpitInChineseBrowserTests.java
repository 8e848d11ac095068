package cn.cabr.carbon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * Cockpit comes up in Simplified Chinese even for a browser that asks for English, with the centre's name in the
 * header and no untranslated label key on the screens the manager opens; English stays one click away.
 */
@IntegrationTest
class CockpitInChineseBrowserTests extends BrowserTest {

    static final String CENTRE = "中国建筑科学研究院有限公司认证中心";
    static final String CASE_PROCESS = "碳排放管理专业技术人员认证案件";
    /** How the webapps show a label without a translation: its key, e.g. PROCESS_INSTANCES. */
    static final Pattern LABEL_KEY = Pattern.compile("[A-Z_]{6,}");

    @Override
    protected String acceptLanguages() {
        return "en-US,en";
    }

    @Test
    void theManagerSeesCockpitInChineseThoughTheBrowserAsksForEnglish() {
        fixtures.submittedApplication(fixtures.candidate("司马监控"), fixtures.newSession().getCode());
        browser.login("manager", fixtures.password());
        assertThat((String) ((JavascriptExecutor) browser.driver()).executeScript("return navigator.languages[0]"))
                .as("the browser asks for English").startsWith("en");

        browser.open("/camunda/app/cockpit/default/#/dashboard");
        browser.waitForText(By.tagName("body"), "运行中的流程实例");
        assertThat(browser.visible(By.cssSelector(".navbar-brand")).getText()).contains(CENTRE).contains("运行监控");
        assertThat(browser.driver().getTitle()).startsWith(CENTRE + " 运行监控");
        assertThat(bodyText()).contains("未处理的异常事件", "未完成的人工任务", "已部署", "流程定义", "决策定义", "人工任务")
                .doesNotContain("Running Process Instances", "Process Definitions", "Dashboard");
        browser.screenshot("cockpit-dashboard-zh");
        assertNoLabelKeys("dashboard");

        browser.open("/camunda/app/cockpit/default/#/processes");
        browser.waitForText(By.tagName("body"), CASE_PROCESS);
        assertThat(bodyText()).contains("个流程定义已部署", "运行中的实例", "名称", "仪表板 » 流程");
        assertNoLabelKeys("process definitions");

        browser.click(browser.visible(By.linkText(CASE_PROCESS)));
        browser.waitForText(By.tagName("body"), "定义版本：");
        browser.waitForText(By.tagName("body"), "流程实例");
        assertThat(bodyText()).contains("定义键：", "历史保留时间：", "运行中的实例：", "作业定义", "业务键", "活动实例统计")
                .doesNotContain("Definition Version", "Process Instances");
        browser.screenshot("cockpit-process-definition-zh");
        assertNoLabelKeys("process definition");

        // English stays selectable: the user menu names the other language, and the choice is remembered
        browser.click(browser.visible(By.cssSelector(".account .dropdown-toggle")));
        browser.click(browser.visible(By.cssSelector("li.language-switch a")));
        browser.waitForText(By.tagName("body"), "Definition Version");
        browser.open("/camunda/app/cockpit/default/#/dashboard");
        browser.waitForText(By.tagName("body"), "Running Process Instances");
        browser.click(browser.visible(By.cssSelector(".account .dropdown-toggle")));
        assertThat(browser.visible(By.cssSelector("li.language-switch a")).getText()).isEqualTo("中文");
        browser.click(browser.visible(By.cssSelector("li.language-switch a")));
        browser.waitForText(By.tagName("body"), "运行中的流程实例");
        assertThat(browser.visible(By.cssSelector(".navbar-brand")).getText()).contains(CENTRE + " 运行监控");
    }

    String bodyText() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    void assertNoLabelKeys(String page) {
        Matcher keys = LABEL_KEY.matcher(bodyText());
        List<String> found = new ArrayList<>();
        while (keys.find()) {
            found.add(keys.group());
        }
        assertThat(found).as("untranslated label keys on the " + page + " page").isEmpty();
    }
}
