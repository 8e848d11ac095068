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

    @Test
    void aManagerUploadsAFileWithBadRows_seesEachRowsProblem_andThenImportsTheCorrectedFile() throws Exception {
        cn.cabr.carbon.support.CaseFixtures.Candidate candidate = fixtures.candidate("页学时");
        String yesterday = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("hours-bad", ".csv");
        java.nio.file.Files.writeString(bad, "id_number,hours,completed_at,course\n" + candidate.idNumber() + ",8,"
                + yesterday + ",碳交易\n" + candidate.idNumber() + ",-1," + yesterday + ",碳足迹\n");
        browser.login("manager", fixtures.password());
        browser.open("/manager");
        browser.click(browser.visible(By.linkText("导入培训学时")));
        browser.visible(By.id("file")).sendKeys(bad.toString());
        browser.click(browser.driver().findElement(By.id("import-button")));
        String errors = browser.visible(By.id("import-errors")).getText();
        assertThat(errors).contains("所有记录均未导入").contains("3").contains("学时").contains("学时须大于 0、不超过 36，最多两位小数");

        java.nio.file.Path good = java.nio.file.Files.createTempFile("hours-good", ".csv");
        java.nio.file.Files.writeString(good, "id_number,hours,completed_at,course\n" + candidate.idNumber() + ",8,"
                + yesterday + ",碳交易\n");
        browser.visible(By.id("file")).sendKeys(good.toString());
        browser.click(browser.driver().findElement(By.id("import-button")));
        assertThat(browser.visible(By.id("import-summary")).getText()).contains("导入 1 条学时记录，涉及 1 名考生，共 8 学时");
    }

    private void type(By locator, String text) {
        WebElement input = browser.driver().findElement(locator);
        input.clear();
        input.sendKeys(text);
    }
}
