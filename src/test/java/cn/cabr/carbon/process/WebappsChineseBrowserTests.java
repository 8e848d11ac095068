package cn.cabr.carbon.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * Tasklist, Admin and Welcome speak Simplified Chinese and carry the certification centre's name in the header, even
 * in a browser that asks for English (the webapps would otherwise follow the browser); English stays one click
 * away in the user menu, and the choice is kept.
 */
@IntegrationTest
class WebappsChineseBrowserTests extends BrowserTest {

    static final String CENTRE = "中国建筑科学研究院有限公司认证中心";

    @Override
    protected String acceptLanguages() {
        return "en-US,en";
    }

    @Test
    void aReviewerGetsTasklistInChineseInAnEnglishBrowserAndCanSwitchToEnglish() {
        fixtures.submittedApplication(fixtures.candidate("东方译文"), fixtures.newSession().getCode());
        browser.login("reviewer", fixtures.password());
        browser.open("/camunda/app/tasklist/default/");

        browser.waitForText(By.cssSelector(".brand-name"), CENTRE + " 任务列表");
        browser.waitForText(By.cssSelector(".tasks-list"), "人工审核报名材料");
        String page = body();
        assertThat(page).contains("启动流程", "创建任务", "键盘快捷键", "我的待办", "创建时间", "截止", "在列表中选择任务。",
                "日期和时间按本地时区显示")
                .doesNotContain("Start process", "Create task", "Keyboard Shortcuts", "Created", "Due", "Loading");
        assertThat(browser.driver().getTitle()).isEqualTo(CENTRE + " 任务列表");
        assertThat(script("return document.documentElement.lang")).isEqualTo("zh-CN");
        assertThat(script("return navigator.languages[0]")).as("the browser asks for English").isEqualTo("en-US");
        browser.screenshot("tasklist-chinese");

        chooseLanguage("English");
        browser.waitForText(By.cssSelector(".brand-name"), CENTRE + " Tasklist");
        browser.waitForText(By.tagName("body"), "Start process");
        browser.waitForText(By.cssSelector(".tasks-list"), "Created");
        assertThat(body()).doesNotContain("启动流程");
        browser.open("/camunda/app/welcome/default/");
        browser.waitForText(By.cssSelector(".brand-name"), CENTRE + " Welcome");
        browser.waitForText(By.tagName("body"), "Applications");

        chooseLanguage("中文");
        browser.waitForText(By.cssSelector(".brand-name"), CENTRE + " 首页");
        browser.waitForText(By.tagName("body"), "应用程序");
    }

    @Test
    void theManagerGetsAdminAndWelcomeInChinese() {
        browser.login("manager", fixtures.password());
        browser.open("/camunda/app/admin/default/#/users");
        browser.waitForText(By.cssSelector(".brand-name"), CENTRE + " 系统管理");
        browser.waitForText(By.tagName("body"), "reviewer@cabr-cert.example.cn");
        assertThat(body()).contains("用户列表", "添加用户", "分组", "授权", "邮箱", "编辑")
                .doesNotContain("List of Users", "Add user", "Groups", "Authorizations", "Edit");
        // the app switch (house icon) names the other webapps in Chinese too, though the webapps hard-code them
        assertThat(browser.driver().findElements(By.cssSelector("li.app-switch li a")).stream()
                .map(a -> a.getAttribute("textContent").trim()).toList()).containsExactly("运行监控", "任务列表");
        browser.screenshot("admin-chinese");

        browser.open("/camunda/app/welcome/default/");
        browser.waitForText(By.cssSelector(".brand-name"), CENTRE + " 首页");
        browser.waitForText(By.tagName("body"), "个人资料");
        assertThat(body()).contains("应用程序", "运行监控", "任务列表", "系统管理", "编辑个人资料", "修改密码")
                .doesNotContain("Applications", "Cockpit", "Tasklist", "Admin", "Profile");
    }

    private void chooseLanguage(String language) {
        browser.click(browser.visible(By.cssSelector("li.account > a.dropdown-toggle")));
        browser.click(browser.visible(By.xpath("//li[contains(@class, 'language-switch')]/a[normalize-space() = '"
                + language + "']")));
    }

    private String body() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser.driver()).executeScript(javascript);
    }
}
