package cn.cabr.carbon.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** A manager searches the audit log page in headless Chromium: by the candidate's name, then with a bad range. */
@IntegrationTest
class AuditPageBrowserTests extends BrowserTest {

    @Autowired
    TaskService taskService;

    @Test
    void aManagerFindsACasesDecisionsByName_andIsToldWhenTheRangeIsBackwards() {
        CaseFixtures.Candidate candidate = fixtures.candidate("司马审页");
        String number = fixtures.submittedApplication(candidate, fixtures.newSession().getCode());
        Task review = fixtures.task(number, "Task_ReviewDocuments");
        taskService.claim(review.getId(), "reviewer");
        fixtures.completeTask(review, Map.of("decision", "REQUEST_SUPPLEMENT", "reason", "身份证反面照片模糊，请重拍",
                "supplementDocuments", List.of("ID_CARD_BACK")));

        browser.login("manager", fixtures.password());
        browser.open("/manager/audit");
        browser.visible(By.id("candidate")).sendKeys("马审页");
        new Select(browser.visible(By.id("action"))).selectByVisibleText("材料审核");
        browser.click(browser.clickable(By.id("search")));
        browser.waitForText(By.id("audit-summary"), "共 1 条");
        WebElement table = browser.visible(By.id("audit-entries"));
        assertThat(table.getText()).contains("reviewer").contains("材料审核").contains(number).contains("司**页")
                .contains("要求补充材料").contains("身份证反面照片模糊，请重拍").doesNotContain("司马审页");
        assertThat(browser.visible(By.id("export")).getAttribute("href")).contains("/manager/audit.xlsx")
                .contains("action=DOCUMENTS_REVIEWED");
        assertThat(browser.driver().findElements(By.xpath("//a[contains(., '删除') or contains(., '修改') or contains(., '编辑')]"
                + " | //button[contains(., '删除') or contains(., '修改') or contains(., '编辑')]")))
                .as("nothing offers to change an entry").isEmpty();
        browser.documentationScreenshot("audit-log");

        browser.open("/manager/audit?from=2026-05-02&to=2026-05-01");
        browser.waitForText(By.id("audit-error"), "结束日期不能早于开始日期");
    }
}
