package cn.cabr.carbon.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import cn.cabr.carbon.demo.SampleDocuments;

/** The portal's application form, step by step, as a test drives it. */
public final class ApplicationSteps {

    private final Browser browser;

    public ApplicationSteps(Browser browser) {
        this.browser = browser;
    }

    /** Chooses the session on 我要报名 and returns the new draft's application number. */
    public String start(String sessionName) {
        browser.open("/apply");
        browser.click(browser.visible(By.xpath("//tr[td='" + sessionName + "']//button")));
        browser.waitForText(By.id("step-title"), "学历信息");
        return browser.driver().getCurrentUrl().replaceAll(".*/applications/([^/]+)/step/.*", "$1");
    }

    public void education(String level, String school, String isoDate, String major, boolean relatedMajor) {
        new Select(browser.visible(By.id("educationLevel"))).selectByVisibleText(level);
        type("school", school);
        setDate("graduationDate", isoDate);
        type("major", major);
        if (relatedMajor != browser.driver().findElement(By.id("relatedMajor1")).isSelected()) {
            browser.click(browser.driver().findElement(By.id("relatedMajor1")));
        }
    }

    public void work(String years, String employer, String position) {
        type("relatedWorkYears", years);
        type("employer", employer);
        type("position", position);
    }

    /** Chooses the clause and makes the law-abiding declaration. */
    public void clause(String code) {
        browser.click(browser.visible(By.cssSelector("input[value=" + code + "]")));
        if (!browser.driver().findElement(By.id("lawAbidingDeclared1")).isSelected()) {
            browser.click(browser.driver().findElement(By.id("lawAbidingDeclared1")));
        }
    }

    /** 保存并继续, then waits for the next step's title. */
    public void next(String nextTitle) {
        browser.click(browser.driver().findElement(By.cssSelector("button[value=next]")));
        browser.waitForText(By.id("step-title"), nextTitle);
    }

    /** Chooses the file and uploads it; waits for the page the server answers with (the form posts and reloads). */
    public void upload(String type, Path file) {
        browser.visible(By.id("file-" + type)).sendKeys(file.toAbsolutePath().toString());
        WebElement button = browser.driver().findElement(By.cssSelector("#doc-" + type + " form.upload button"));
        browser.click(button);
        browser.waiting().until(ExpectedConditions.stalenessOf(button));
        browser.visible(By.id("doc-" + type));
    }

    /** Uploads a generated sample (a PNG for photos and ID cards, a PDF otherwise) and waits until it is listed. */
    public Path uploadSample(String type, String filename) {
        try {
            boolean image = filename.endsWith(".png");
            Path file = Files.createTempDirectory("upload").resolve(filename);
            Files.write(file, image ? SampleDocuments.png(type) : SampleDocuments.pdf(type));
            upload(type, file);
            browser.waitForText(By.id("doc-" + type), filename);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The materials of a bachelor who works, as generated samples. */
    public void uploadAllOfABachelor() {
        for (String type : CaseFixtures.DOCUMENTS_OF_A_BACHELOR) {
            boolean image = type.equals("PHOTO") || type.startsWith("ID_CARD");
            uploadSample(type, type.toLowerCase() + (image ? ".png" : ".pdf"));
        }
    }

    /** Opens 确认提交 and presses 提交报名; waits for the case page. */
    public void submit(String number) {
        browser.open("/applications/" + number + "/step/confirm");
        browser.click(browser.visible(By.xpath("//button[text()='提交报名']")));
        browser.waitForText(By.id("stage"), "报名材料审核中");
    }

    private void type(String id, String text) {
        browser.visible(By.id(id)).clear();
        browser.driver().findElement(By.id(id)).sendKeys(text);
    }

    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, isoDate);
    }
}
