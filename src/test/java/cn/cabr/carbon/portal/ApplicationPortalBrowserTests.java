package cn.cabr.carbon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.support.ApplicationSteps;
import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** The candidate's application through the portal pages, in a real browser. */
@IntegrationTest
class ApplicationPortalBrowserTests extends BrowserTest {

    @Test
    void aCandidateAppliesStepByStep_seesInlineErrors_uploadsWithPreview_andSubmits() throws Exception {
        ExamSession session = fixtures.newSession();
        CaseFixtures.Candidate candidate = fixtures.candidate("赵门户");
        browser.login(candidate.mobile(), fixtures.password());

        ApplicationSteps steps = new ApplicationSteps(browser);
        String number = steps.start(session.getName());

        // Step 1 with a graduation date in the future: refused next to the field, nothing else lost
        steps.education("本科", "同济大学", "2999-07-01", "环境工程", true);
        browser.click(browser.driver().findElement(By.cssSelector("button[value=next]")));
        assertThat(browser.visible(By.id("graduationDate-error")).getText()).isEqualTo("毕业时间不能晚于今天");
        assertThat(browser.driver().findElement(By.id("school")).getAttribute("value")).isEqualTo("同济大学");
        steps.education("本科", "同济大学", "2016-07-01", "环境工程", true);
        steps.next("工作经历");

        // Step 2: a negative number of years is refused in Chinese
        steps.work("-2", "上海某节能服务公司", "工程师");
        browser.click(browser.driver().findElement(By.cssSelector("button[value=next]")));
        assertThat(browser.visible(By.id("relatedWorkYears-error")).getText()).isEqualTo("工作年限不能为负数");
        steps.work("4", "上海某节能服务公司", "工程师");
        steps.next("报考条件");

        // Step 3: the clauses in the notice's words
        assertThat(browser.driver().findElement(By.tagName("fieldset")).getText())
                .contains("具有环境工程与科学专业、能源等相关专业本科及以上学历").contains("满 8 年");
        steps.clause("RULE_3_BACHELOR_1Y");
        steps.next("上传材料");

        // Step 4: uploads; a text file renamed .pdf is refused for what it is; a photo shows its preview
        Path fake = Files.writeString(Files.createTempDirectory("upload").resolve("diploma.pdf"), "not a pdf");
        new ApplicationSteps(browser).upload("DIPLOMA", fake);
        assertThat(browser.visible(By.cssSelector("#doc-DIPLOMA .field-error")).getText()).contains("文件类型不符");
        Path big = Files.write(Files.createTempDirectory("upload").resolve("big.pdf"), new byte[7 * 1024 * 1024]);
        browser.visible(By.id("file-DIPLOMA")).sendKeys(big.toAbsolutePath().toString());
        browser.click(browser.driver().findElement(By.cssSelector("#doc-DIPLOMA form.upload button")));
        assertThat(browser.visible(By.cssSelector("#doc-DIPLOMA form.upload .field-error")).getText())
                .contains("文件过大").contains("big.pdf");
        browser.driver().findElement(By.id("file-DIPLOMA")).clear();
        steps.uploadAllOfABachelor();
        WebElement photo = browser.visible(By.cssSelector("#doc-PHOTO .uploaded img"));
        assertThat((Boolean) script("return arguments[0].complete && arguments[0].naturalWidth > 0",
                photo)).as("the photo's preview loads").isTrue();
        // Replacing the photo keeps one photo; deleting the employment proof removes it
        steps.uploadSample("PHOTO", "photo2.png");
        assertThat(browser.driver().findElements(By.cssSelector("#doc-PHOTO .uploaded"))).hasSize(1);
        browser.click(browser.driver().findElement(By.cssSelector("#doc-EMPLOYMENT_PROOF .uploaded button")));
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#doc-EMPLOYMENT_PROOF .uploaded"), 0));

        // Step 5: what is missing is listed and submission is held back until it is there
        browser.open("/applications/" + number + "/step/confirm");
        assertThat(browser.visible(By.id("missing")).getText()).contains("工作证明");
        assertThat(browser.driver().findElement(By.xpath("//button[text()='提交报名']")).isEnabled()).isFalse();
        browser.open("/applications/" + number + "/step/materials");
        steps.uploadSample("EMPLOYMENT_PROOF", "employment.pdf");
        browser.open("/applications/" + number + "/step/confirm");
        assertThat(browser.driver().findElements(By.id("missing"))).isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("table.data")).getText())
                .contains("同济大学").contains("2016-07-01").contains("4 年").contains("第 3 条");
        browser.click(browser.driver().findElement(By.xpath("//button[text()='提交报名']")));

        browser.waitForText(By.id("stage"), "报名材料审核中");
        assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("提交报名").contains("材料审核");
        assertThat(candidate.client().get("/api/applications/" + number).json().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(candidate.client().get("/api/applications/" + number).json().get("details").get("claimedClause").asText())
                .isEqualTo("RULE_3_BACHELOR_1Y");
    }

    @Test
    void afterASupplementRequest_theCandidateSeesTheReasonAndResuppliesExactlyThoseDocuments() throws Exception {
        ExamSession session = fixtures.newSession();
        CaseFixtures.Candidate candidate = fixtures.candidate("钱补充");
        String number = fixtures.submittedApplication(candidate, session.getCode());
        fixtures.completeTask(fixtures.task(number, "Task_ReviewDocuments"), Map.of("decision", "REQUEST_SUPPLEMENT",
                "reason", "学历证书复印件不清晰，请重新扫描上传", "supplementDocuments", List.of("DIPLOMA")));
        fixtures.runJobs();

        browser.login(candidate.mobile(), fixtures.password());
        browser.open("/applications/" + number);
        assertThat(browser.visible(By.id("supplement-reason")).getText()).contains("学历证书复印件不清晰");
        assertThat(browser.driver().findElements(By.cssSelector("#supplement .document-type"))).hasSize(1);
        assertThat(browser.driver().findElements(By.id("doc-PHOTO"))).isEmpty();

        browser.click(browser.driver().findElement(By.xpath("//button[text()='提交补充材料']")));
        assertThat(browser.visible(By.cssSelector("p.error")).getText()).contains("请先重新上传要求补充的材料").contains("学历证书");

        new ApplicationSteps(browser).uploadSample("DIPLOMA", "diploma-rescan.pdf");
        browser.click(browser.driver().findElement(By.xpath("//button[text()='提交补充材料']")));
        browser.waitForText(By.id("stage"), "报名材料审核中");
        assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("审核员要求补充材料");
    }

    @Test
    void aCandidateCannotOpenAnotherCandidatesApplicationPagesOrFiles() {
        ExamSession session = fixtures.newSession();
        CaseFixtures.Candidate owner = fixtures.candidate("孙甲");
        String number = fixtures.draft(owner, session.getCode());
        long documentId = fixtures.upload(owner, number, "PHOTO").json().get("id").asLong();
        CaseFixtures.Candidate other = fixtures.candidate("李乙");

        browser.login(other.mobile(), fixtures.password());
        for (String path : List.of("/applications/" + number, "/applications/" + number + "/step/education",
                "/applications/" + number + "/step/materials", "/api/applications/" + number + "/documents/" + documentId)) {
            browser.open(path);
            assertThat(browser.driver().getPageSource()).as(path).containsAnyOf("报名记录不存在", "文件不存在")
                    .doesNotContain("孙甲").doesNotContain("同济大学");
        }
    }

    @Test
    void everyPortalPage_labelsItsFields_fitsAPhone_andWorksWithTheKeyboard() {
        ExamSession session = fixtures.newSession();
        CaseFixtures.Candidate candidate = fixtures.candidate("周手机");
        String number = fixtures.draft(candidate, session.getCode());
        browser.login(candidate.mobile(), fixtures.password());
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        List<String> pages = List.of("/", "/apply", "/notifications", "/applications/" + number);
        List<String> steps = List.of("education", "work", "clause", "materials", "confirm");
        for (String path : java.util.stream.Stream.concat(pages.stream(),
                steps.stream().map(step -> "/applications/" + number + "/step/" + step)).toList()) {
            browser.open(path);
            browser.visible(By.tagName("main"));
            assertThat((Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("%s fits a 390 px wide phone without scrolling sideways", path).isTrue();
            @SuppressWarnings("unchecked")
            List<String> unlabelled = (List<String>) script("return Array.from(document.querySelectorAll("
                    + "'input:not([type=hidden]), select, textarea')).filter(e => e.labels.length === 0 "
                    + "&& !e.getAttribute('aria-label')).map(e => e.name || e.id)");
            assertThat(unlabelled).as("fields without a label on %s", path).isEmpty();
        }

        // Keyboard only: tab from the page into the form, type, and press Enter to save and continue
        browser.open("/applications/" + number + "/step/education");
        browser.visible(By.id("school")).clear();
        script("document.getElementById('educationLevel').focus()");
        browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("school");
        browser.driver().switchTo().activeElement().sendKeys("复旦大学", org.openqa.selenium.Keys.ENTER);
        browser.waitForText(By.id("step-title"), "工作经历");
        assertThat(candidate.client().get("/api/applications/" + number).json().at("/details/school").asText())
                .isEqualTo("复旦大学");
    }

    private Object script(String code, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code, args);
    }


}
