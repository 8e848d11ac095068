package cn.cabr.carbon.proctoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * The check-in page in headless Chromium with its fake camera (--use-fake-device-for-media-stream): taking both
 * pictures, submitting, waiting for the proctor, and the page updating itself to let the candidate in.
 * <p>
 * Face detection is stubbed <em>in the browser</em>: Chromium's fake camera shows no face and the sample documents
 * are drawings, so face-api would find nothing. The stub replaces the library object before the page's scripts run
 * and returns fixed descriptors (documents: one face; live picture: a different one), so everything around it —
 * camera, pictures, the server's comparison, the proctor task, the waiting page — is real. face-api itself is
 * checked to load (the vendored file is served and defines the library). On the answer page the monitor's periodic
 * check then sees "another face" and reports it with a snapshot.
 */
@IntegrationTest
class IdentityCheckBrowserTests extends BrowserTest {

    /** A faceapi stand-in: every image holds one face; the live camera's differs from the documents' by 0.9. */
    static final String FACE_API_STUB = """
            (function () {
              function descriptor(first) { var d = new Float32Array(128).fill(0.05); d[0] = first; return d; }
              function chain(input) {
                var live = input instanceof HTMLCanvasElement;
                var faces = [{ descriptor: descriptor(live ? 0.9 : 0.0), detection: { box: { area: 100 } } }];
                var result = Promise.resolve(faces);
                result.withFaceLandmarks = function () { return { withFaceDescriptors: function () { return result; } }; };
                return result;
              }
              var loaded = function () { return Promise.resolve(); };
              var stub = {
                nets: { tinyFaceDetector: { loadFromUri: loaded }, faceLandmark68TinyNet: { loadFromUri: loaded },
                        faceRecognitionNet: { loadFromUri: loaded } },
                TinyFaceDetectorOptions: function () {},
                detectAllFaces: chain,
                euclideanDistance: function () { return window.__faceDistance || 0; }
              };
              Object.defineProperty(window, 'faceapi', { configurable: true,
                get: function () { return stub; },
                set: function (real) { window.__realFaceApiLoaded = !!(real && real.detectAllFaces); } });
            })();
            """;

    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aMismatchWaitsForTheProctor_andThePageLetsTheCandidateInOnceConfirmed() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("浏览器核验");
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of("proctor"), List.of());
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", FACE_API_STUB));
        browser.login(ready.candidate().mobile(), fixtures.password());

        browser.open("/exam/" + ready.number());
        for (String check : List.of("browser", "camera", "microphone", "network")) {
            browser.waitForText(By.cssSelector("li[data-check=" + check + "] .badge"), "通过");
        }
        browser.click(browser.clickable(By.cssSelector("#enter-exam:not(.disabled)")));
        browser.waiting().until(ExpectedConditions.urlContains("/identity"));
        browser.waitForText(By.id("identity-status"), "准备就绪");
        assertThat(browser.driver().findElement(By.id("submit-identity")).isEnabled()).as("pictures first").isFalse();

        browser.click(browser.clickable(By.id("capture-live")));
        browser.waitForText(By.id("live-result"), "已拍摄");
        browser.click(browser.clickable(By.id("capture-held")));
        browser.waitForText(By.id("held-result"), "已拍摄");
        browser.click(browser.clickable(By.id("submit-identity")));
        browser.waitForText(By.id("identity-status"), "已转监考员人工核验");
        assertThat(browser.driver().findElement(By.id("enter-paper")).isDisplayed()).isFalse();
        assertThat((Boolean) ((ChromeDriver) browser.driver()).executeScript("return window.__realFaceApiLoaded === true"))
                .as("the vendored face-api loads").isTrue();
        browser.documentationScreenshot("identity-waiting");

        var task = fixtures.task(ready.number(), "Task_ConfirmIdentity");
        identityService.setAuthentication("proctor", List.of("proctor"));
        try {
            taskService.complete(task.getId(), Map.of("identityDecision", "CONFIRMED", "identityReason", "与身份证照片核对一致"));
        } finally {
            identityService.clearAuthentication();
        }

        browser.waitForText(By.id("identity-status"), "监考员已确认身份");
        browser.click(browser.clickable(By.id("enter-paper")));
        browser.waiting().until(ExpectedConditions.urlContains("/paper"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/exam/" + ready.number() + "/paper");
        browser.visible(By.id("exam-body"));

        // the answer page's periodic face check: another face in front of the camera is flagged with a snapshot
        ((ChromeDriver) browser.driver()).executeScript("window.__faceDistance = 0.9;");
        long sittingId = jdbc.queryForObject("select id from sitting where application_number = ?", Long.class,
                ready.number());
        String linked = "select count(*) from evidence_item i join proctoring_event e on e.id = i.event_id "
                + "where e.sitting_id = ? and e.event_type = 'FACE_MISMATCH' and i.kind = 'SNAPSHOT'";
        browser.waiting().until(d -> jdbc.queryForObject(linked, Integer.class, sittingId) > 0);
        assertThat(jdbc.queryForObject("select count(*) from proctoring_event where sitting_id = ? and event_type = "
                + "'FACE_MISMATCH'", Integer.class, sittingId)).as("once per episode").isEqualTo(1);
    }
}
