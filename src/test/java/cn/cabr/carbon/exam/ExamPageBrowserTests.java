package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.proctoring.Proctoring;
import cn.cabr.carbon.proctoring.ProctoringEvent;
import cn.cabr.carbon.proctoring.ProctoringEventType;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.ExamPage;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestClock;

/**
 * The candidate's exam in headless Chromium (a fake camera and microphone): the device check, answering, a refresh,
 * leaving the page, the network going away and coming back, the rescue file, and the end the server decides.
 */
@IntegrationTest
class ExamPageBrowserTests extends BrowserTest {

    @Autowired
    TestClock clock;
    @Autowired
    ExamDelivery delivery;
    @Autowired
    Proctoring proctoring;

    ExamPage page;

    @BeforeEach
    void examPage() {
        page = new ExamPage(browser);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCandidateChecksTheDevice_answersEachKindOfItem_survivesARefresh_isWarnedTwiceForLeaving_andSubmits() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("页面考生");
        browser.login(ready.candidate().mobile(), fixtures.password());

        browser.open("/exam/" + ready.number());
        browser.waitForText(By.id("entry-message"), "考试已开始");
        assertThat(browser.visible(By.cssSelector("main")).getText()).contains("测评系统客服电话 400-650-6886");
        for (String check : List.of("browser", "camera", "microphone", "network", "zoom", "window")) {
            browser.waitForText(By.cssSelector("li[data-check=" + check + "] .badge"), "通过");
        }
        assertThat(page.checkDetail("network")).matches(".*服务器往返时间中位数 \\d+ ms.*");
        browser.screenshot("exam-device-check");
        browser.driver().manage().window().setSize(new Dimension(700, 500));
        browser.waitForText(By.cssSelector("li[data-check=window] .badge"), "需调整");
        assertThat(page.checkDetail("window")).contains("没有最大化");
        browser.driver().manage().window().maximize();
        browser.waitForText(By.cssSelector("li[data-check=window] .badge"), "通过");
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        page.enter();

        String api = "/api/applications/" + ready.number() + "/exam";
        JsonNode paper = ready.candidate().client().get(api).json();
        int single = firstOf(paper, "SINGLE_CHOICE");
        int multiple = firstOf(paper, "MULTIPLE_CHOICE");
        int trueFalse = firstOf(paper, "TRUE_FALSE");
        int shortAnswer = firstOf(paper, "SHORT_ANSWER");
        assertThat(browser.visible(By.id("question-title")).getText()).startsWith("第 1 题");

        page.choose(single, "B");
        page.choose(multiple, "A");
        page.choose(multiple, "C");
        browser.click(browser.visible(By.id("flag-question")));
        page.choose(trueFalse, "TRUE");
        page.open(shortAnswer);
        browser.visible(By.id("short-answer")).sendKeys("企业碳排放核算应明确核算边界、排放源和活动数据。");
        page.waitSaved();

        JsonNode saved = ready.candidate().client().get(api).json();
        assertThat(response(saved, single)).isEqualTo("B");
        assertThat(response(saved, multiple)).isEqualTo("A,C");
        assertThat(saved.at("/items/" + (multiple - 1) + "/flagged").asBoolean()).isTrue();
        assertThat(response(saved, trueFalse)).isEqualTo("TRUE");
        assertThat(response(saved, shortAnswer)).isEqualTo("企业碳排放核算应明确核算边界、排放源和活动数据。");
        long remainingBefore = saved.get("remainingSeconds").asLong();

        browser.driver().navigate().refresh();
        browser.visible(By.id("exam-body"));
        page.waitSaved();
        assertThat(browser.visible(By.id("short-answer")).getAttribute("value")).as("the item shown before the refresh")
                .isEqualTo("企业碳排放核算应明确核算边界、排放源和活动数据。");
        page.open(multiple);
        assertThat(browser.driver().findElement(By.id("option-" + multiple + "-A")).isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.id("option-" + multiple + "-B")).isSelected()).isFalse();
        assertThat(browser.driver().findElement(By.id("option-" + multiple + "-C")).isSelected()).isTrue();
        assertThat(browser.visible(By.id("flag-question")).getAttribute("aria-pressed")).isEqualTo("true");
        page.open(single);
        assertThat(browser.driver().findElement(By.id("option-" + single + "-B")).isSelected()).isTrue();
        assertThat(page.navButton(trueFalse).getAttribute("class")).contains("answered");
        long remainingShown = page.remainingSeconds();
        assertThat(remainingShown).as("the server's clock, not a restarted one").isBetween(remainingBefore - 30, remainingBefore);

        page.leaveByAnotherTab(() -> proctoring.pageLeaves(sittingId(ready)), 1);
        assertThat(page.warning()).contains("第 1 次离开答题页面").contains("满 5 次将自动结束考试");
        page.dismissWarning();
        page.leaveByAnotherTab(() -> proctoring.pageLeaves(sittingId(ready)), 2);
        assertThat(page.warning()).contains("第 2 次离开答题页面");
        page.dismissWarning();
        assertThat(browser.visible(By.id("leave-count")).getText()).isEqualTo("2");
        assertThat(proctoring.pageLeaves(sittingId(ready))).as("the refresh was no leave").isEqualTo(2);
        assertThat(proctoring.eventsOf(sittingId(ready))).extracting(ProctoringEvent::getEventType)
                .contains(ProctoringEventType.PAGE_RELOADED);

        browser.click(browser.clickable(By.id("submit-exam")));
        WebElement summary = browser.visible(By.id("submit-summary"));
        int items = paper.get("items").size();
        assertThat(summary.getText()).contains("本卷共 " + items + " 题，已作答 4 题")
                .contains("未作答（" + (items - 4) + " 题）").contains("标记待复查（1 题）：第 " + multiple + " 题");
        browser.screenshot("exam-submit-summary");
        browser.click(browser.clickable(By.id("submit-confirm")));
        browser.waitForText(By.id("ended-title"), "考试已结束：已交卷");
        assertThat(ready.candidate().client().get(api).json().get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void theFifthPageLeave_endsTheExam_andThePageSaysWhy() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("五次离开");
        browser.login(ready.candidate().mobile(), fixtures.password());
        browser.open("/exam/" + ready.number() + "/paper");
        browser.waitForText(By.id("exam-message-title"), "请先完成设备检测");
        assertThat(ready.candidate().client().get("/api/applications/" + ready.number() + "/exam").json()
                .get("status").asText()).as("the clock has not started").isEqualTo("READY");
        browser.open("/exam/" + ready.number());
        page.enter();
        for (int leave = 1; leave <= 4; leave++) {
            page.leaveByAnotherTab(() -> proctoring.pageLeaves(sittingId(ready)), leave);
            assertThat(page.warning()).contains("第 " + leave + " 次离开答题页面");
            page.dismissWarning();
        }
        page.leaveByAnotherTab(() -> proctoring.pageLeaves(sittingId(ready)), 5);
        browser.waitForText(By.id("ended-title"), "违反考试纪律");
        assertThat(browser.visible(By.id("ended-reason")).getText()).contains("5 次离开答题页面").contains("自动终止作答");
        assertThat(browser.driver().findElement(By.id("exam-body")).isDisplayed()).isFalse();
        assertThat(ready.candidate().client().get("/api/applications/" + ready.number() + "/exam").json()
                .get("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void answersMadeWithoutNetwork_areKeptInTheBrowser_surviveARefresh_andAreReplayedWhenTheNetworkReturns() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("断网重连");
        browser.login(ready.candidate().mobile(), fixtures.password());
        browser.open("/exam/" + ready.number());
        page.enter();
        String api = "/api/applications/" + ready.number() + "/exam";
        page.choose(1, "A");
        page.waitSaved();

        cdp("Network.enable", Map.of());
        cdp("Network.setBlockedURLs", Map.of("urls", List.of("*/exam/answers/*")));
        page.choose(1, "B");
        page.choose(2, "C");
        browser.waitForText(By.id("save-status"), "离线，答案已保存在本机（2 条待上传）");
        assertThat(browser.visible(By.cssSelector("#offline-panel .rescue-download")).getText()).contains("救援文件");
        assertThat(response(ready.candidate().client().get(api).json(), 1)).isEqualTo("A");

        browser.driver().navigate().refresh();
        browser.visible(By.id("exam-body"));
        browser.waitForText(By.id("save-status"), "离线，答案已保存在本机");
        page.open(1);
        assertThat(browser.driver().findElement(By.id("option-1-B")).isSelected()).as("kept in IndexedDB").isTrue();
        assertThat(page.navButton(2).getAttribute("class")).contains("answered");
        assertThat(response(ready.candidate().client().get(api).json(), 2)).isNull();

        cdp("Network.setBlockedURLs", Map.of("urls", List.of()));
        page.waitSaved();
        JsonNode replayed = ready.candidate().client().get(api).json();
        assertThat(response(replayed, 1)).isEqualTo("B");
        assertThat(response(replayed, 2)).isEqualTo("C");

        setOffline(true);
        page.choose(3, "D");
        browser.waitForText(By.id("save-status"), "离线，答案已保存在本机（1 条待上传）");
        setOffline(false);
        page.waitSaved();
        assertThat(response(ready.candidate().client().get(api).json(), 3)).isEqualTo("D");
        browser.waiting().until(d -> proctoring.eventsOf(sittingId(ready)).stream()
                .anyMatch(e -> e.getEventType() == ProctoringEventType.NETWORK_LOST));
    }

    @Test
    void copyPasteRightClickAndAWindowWithoutFocus_areReportedApart_andWarned() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("复制粘贴");
        browser.login(ready.candidate().mobile(), fixtures.password());
        browser.open("/exam/" + ready.number());
        page.enter();
        WebElement stem = browser.visible(By.id("question-stem"));
        js("window.getSelection().selectAllChildren(arguments[0]);", stem);
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("c").keyUp(Keys.CONTROL).perform();
        assertThat(page.warning()).contains("禁止复制");
        page.dismissWarning();

        new Actions(browser.driver()).contextClick(stem).perform();
        assertThat(page.warning()).contains("右键菜单");
        page.dismissWarning();

        JsonNode paper = ready.candidate().client().get("/api/applications/" + ready.number() + "/exam").json();
        page.open(firstOf(paper, "SHORT_ANSWER"));
        WebElement text = browser.visible(By.id("short-answer"));
        text.click();
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("v").keyUp(Keys.CONTROL).perform();
        assertThat(page.warning()).contains("禁止粘贴");
        page.dismissWarning();

        // Headless windows never lose focus to another window, so the blur is dispatched: the page still has to
        // tell it from a hidden page (it stays visible) and report it as a leave of its own kind.
        js("window.dispatchEvent(new Event('blur'));");
        assertThat(page.warning()).contains("失去焦点").contains("第 1 次离开答题页面");
        js("window.dispatchEvent(new Event('focus'));");
        page.dismissWarning();

        List<ProctoringEventType> types = proctoring.eventsOf(sittingId(ready)).stream().map(ProctoringEvent::getEventType).toList();
        assertThat(types).containsExactly(ProctoringEventType.COPY, ProctoringEventType.CONTEXT_MENU,
                ProctoringEventType.PASTE, ProctoringEventType.WINDOW_BLUR);
        assertThat(browser.visible(By.id("leave-count")).getText()).isEqualTo("1");
    }

    @Test
    void offlineAtTheEnd_theCandidateDownloadsARescueFile_thatAManagerImports() throws Exception {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("救援考生");
        browser.login(ready.candidate().mobile(), fixtures.password());
        browser.open("/exam/" + ready.number());
        page.enter();
        page.choose(1, "A");
        page.waitSaved();
        JsonNode paper = ready.candidate().client().get("/api/applications/" + ready.number() + "/exam").json();
        int shortAnswer = firstOf(paper, "SHORT_ANSWER");

        Path downloads = Files.createTempDirectory("rescue-downloads");
        cdp("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        setOffline(true);
        page.choose(2, "B");
        page.open(shortAnswer);
        browser.visible(By.id("short-answer")).sendKeys("断网时写下的简答。");
        browser.waitForText(By.id("save-status"), "离线，答案已保存在本机（2 条待上传）");
        browser.click(browser.clickable(By.cssSelector("#offline-panel .rescue-download")));
        Path file = browser.waiting().until(d -> downloaded(downloads));
        assertThat(file.getFileName().toString()).isEqualTo("考试救援文件-" + ready.number() + ".cabr-rescue");
        assertThat(Files.readString(file)).contains("\"format\":\"cabr-exam-rescue\"").doesNotContain("断网时写下的简答");

        clock.advance(Duration.ofMinutes(121));
        delivery.timeOut(sittingId(ready));
        setOffline(false);
        browser.waitForText(By.id("ended-title"), "考试时间到");
        browser.visible(By.id("ended-rescue"));
        assertThat(browser.visible(By.id("ended-unsent")).getText()).isEqualTo("2");

        ApiClient manager = fixtures.staff("manager");
        ApiClient.Response imported = manager.uploadFile("/api/manager/sittings/" + ready.number() + "/rescue",
                file.getFileName().toString(), "application/json", Files.readAllBytes(file));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("applied").findValuesAsText("position"))
                .containsExactly("2", String.valueOf(shortAnswer));
        assertThat(imported.json().get("notApplied").findValuesAsText("outcome")).containsExactly("DUPLICATE");
        assertThat(fixtures.gradedScore(ready.number(), 2)).isNotNull();
    }

    @Test
    void inASequentialSession_theNextItemOpensOnceTheCurrentOneIsAnswered() {
        ApiClient manager = fixtures.staff("manager");
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("顺序页面", session -> assertThat(manager.put(
                "/api/manager/sessions/" + session.getCode() + "/exam-settings",
                ApiClient.toJson(Map.of("sequentialNavigation", true))).status()).isEqualTo(200));
        browser.login(ready.candidate().mobile(), fixtures.password());
        browser.open("/exam/" + ready.number());
        page.enter();
        assertThat(browser.visible(By.id("sequential-note")).getText()).contains("按顺序依次作答");
        assertThat(browser.visible(By.id("next-question")).isEnabled()).isFalse();
        assertThat(page.navButton(2).isEnabled()).isFalse();

        browser.click(browser.visible(By.cssSelector("label[for='option-1-A']")));
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("next-question")));
        assertThat(page.navButton(3).isEnabled()).isFalse();
        browser.click(browser.visible(By.id("next-question")));
        browser.waitForText(By.id("question-title"), "第 2 题");
        browser.click(browser.visible(By.cssSelector("label[for='option-2-B']")));
        page.choose(1, "C");
        page.waitSaved();
        JsonNode saved = ready.candidate().client().get("/api/applications/" + ready.number() + "/exam").json();
        assertThat(response(saved, 1)).as("going back to change an answer").isEqualTo("C");
        assertThat(response(saved, 2)).isEqualTo("B");
        browser.click(browser.visible(By.cssSelector(".clear-answer")));
        browser.waitForText(By.id("question-error"), "不能清空");
    }











    private long sittingId(CaseFixtures.ReadyCase ready) {
        return delivery.findByApplication(fixtures.applicationIdOf(ready.number())).orElseThrow().getId();
    }

    private void setOffline(boolean offline) {
        cdp("Network.enable", Map.of());
        cdp("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0, "downloadThroughput", -1,
                "uploadThroughput", -1));
    }

    private void cdp(String command, Map<String, Object> parameters) {
        ((ChromeDriver) browser.driver()).executeCdpCommand(command, parameters);
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    private static Path downloaded(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> done = new ArrayList<>(files.filter(f -> f.toString().endsWith(".cabr-rescue")).toList());
            return done.isEmpty() ? null : done.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int firstOf(JsonNode paper, String type) {
        for (JsonNode item : paper.get("items")) {
            if (item.get("type").asText().equals(type)) {
                return item.get("position").asInt();
            }
        }
        throw new AssertionError("No " + type + " on the paper");
    }

    private static String response(JsonNode paper, int position) {
        JsonNode response = paper.at("/items/" + (position - 1) + "/response");
        return response.isMissingNode() || response.isNull() ? null : response.asText();
    }
}
