package cn.cabr.carbon.support;

import java.util.List;
import java.util.function.LongSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The candidate's device check and answer page, as a test drives them. */
public final class ExamPage {

    private final Browser browser;

    public ExamPage(Browser browser) {
        this.browser = browser;
    }

    /** Waits for the checks that must pass, then enters the answer page and waits until it has settled. */
    public void enter() {
        for (String check : List.of("browser", "camera", "microphone", "network")) {
            browser.waitForText(By.cssSelector("li[data-check=" + check + "] .badge"), "通过");
        }
        browser.click(browser.clickable(By.cssSelector("#enter-exam:not(.disabled)")));
        browser.visible(By.id("exam-body"));
        waitSaved();
    }

    public void open(int position) {
        browser.click(navButton(position));
        browser.waitForText(By.id("question-title"), "第 " + position + " 题");
    }

    public WebElement navButton(int position) {
        return browser.visible(By.cssSelector("#nav-groups button[data-position='" + position + "']"));
    }

    /** Opens the item and clicks the option shown with this label ("B", "TRUE"...). */
    public void choose(int position, String label) {
        open(position);
        browser.click(browser.visible(By.cssSelector("label[for='option-" + position + "-" + label + "']")));
    }

    public void waitSaved() {
        browser.waiting().until(ExpectedConditions.attributeContains(By.id("save-status"), "class", "saved"));
    }

    public String checkDetail(String check) {
        return browser.visible(By.cssSelector("li[data-check=" + check + "] .check-detail")).getText();
    }

    public String warning() {
        return browser.visible(By.id("warning-text")).getText();
    }

    public void dismissWarning() {
        browser.click(browser.clickable(By.id("warning-ok")));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("warning-dialog")));
    }

    /** Another tab in front hides the exam page (visibilitychange); waits until the server has counted the leave. */
    public void leaveByAnotherTab(LongSupplier serverLeaves, int expectedLeaves) {
        String exam = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.waiting().until(d -> serverLeaves.getAsLong() >= expectedLeaves);
        browser.driver().close();
        browser.driver().switchTo().window(exam);
    }

    /** The remaining time the page shows, in seconds, once it shows one (it shows --:--:-- until the server answers). */
    public long remainingSeconds() {
        browser.waiting().until(d -> browser.visible(By.id("remaining")).getText().matches("\\d+:\\d\\d:\\d\\d"));
        String[] parts = browser.visible(By.id("remaining")).getText().split(":");
        return Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 + Long.parseLong(parts[2]);
    }
}
