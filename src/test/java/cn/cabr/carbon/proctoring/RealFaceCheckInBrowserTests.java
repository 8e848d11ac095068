package cn.cabr.carbon.proctoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.Y4m;

/**
 * The check-in with nothing stubbed: Chromium's fake camera plays a real face (a Y4M video made at run time from
 * src/test/resources/faces/sample3-face.jpg), and the candidate's application photo and ID-card front are the same
 * picture. The vendored face-api with its real models finds and describes the faces in the browser; the server
 * compares the descriptors and lets the candidate in without a proctor.
 */
@IntegrationTest
class RealFaceCheckInBrowserTests extends BrowserTest {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RealFaceCheckInBrowserTests.class);

    static final String FACE = "/faces/sample3-face.jpg";

    @Autowired
    JdbcTemplate jdbc;

    @Override
    protected Path fakeVideo() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(FACE)) {
            return Y4m.write(ImageIO.read(in), 640, 480, 3, Path.of("target", "fake-camera", "sample3-face.y4m"));
        }
    }

    @Test
    void theSameFaceOnCameraAndInTheDocuments_passesTheCheckInWithoutAProctor() throws Exception {
        byte[] face;
        try (InputStream in = getClass().getResourceAsStream(FACE)) {
            face = in.readAllBytes();
        }
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExamWithImages("真人核验",
                Map.of("PHOTO", face, "ID_CARD_FRONT", face));
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of("proctor"), List.of());
        browser.login(ready.candidate().mobile(), fixtures.password());

        browser.open("/exam/" + ready.number());
        for (String check : List.of("browser", "camera", "microphone", "network")) {
            browser.waitForText(By.cssSelector("li[data-check=" + check + "] .badge"), "通过");
        }
        browser.click(browser.clickable(By.cssSelector("#enter-exam:not(.disabled)")));
        browser.waiting().until(ExpectedConditions.urlContains("/identity"));
        long loading = System.nanoTime();
        // real inference in software (headless, no GPU) is slow, the more so on a busy machine: wait longer here
        WebDriverWait inference = new WebDriverWait(browser.driver(), Duration.ofSeconds(120));
        inference.until(ExpectedConditions.textToBePresentInElementLocated(By.id("identity-status"), "准备就绪"));
        long described = System.nanoTime();
        browser.click(browser.clickable(By.id("capture-live")));
        inference.until(d -> !d.findElement(By.id("live-result")).getText().isBlank());
        assertThat(browser.driver().findElement(By.id("live-result")).getText()).as("one face found on camera")
                .isEqualTo("已拍摄");
        log.info("face-api backend {}: models loaded and both documents described in {} ms, live picture in {} ms",
                ((JavascriptExecutor) browser.driver()).executeScript("return faceapi.tf.getBackend()"),
                (described - loading) / 1_000_000, (System.nanoTime() - described) / 1_000_000);
        browser.click(browser.clickable(By.id("capture-held")));
        browser.waitForText(By.id("held-result"), "已拍摄");
        browser.click(browser.clickable(By.id("submit-identity")));

        browser.waitForText(By.id("identity-status"), "人脸比对通过");
        Map<String, Object> check = jdbc.queryForMap("select status, photo_distance, id_card_distance, threshold "
                + "from identity_check where application_number = ?", ready.number());
        assertThat(check.get("STATUS")).isEqualTo("CLEARED");
        double threshold = ((Number) check.get("THRESHOLD")).doubleValue();
        log.info("distances: photo {}, ID card {}, threshold {}", check.get("PHOTO_DISTANCE"),
                check.get("ID_CARD_DISTANCE"), threshold);
        assertThat(((Number) check.get("PHOTO_DISTANCE")).doubleValue()).isLessThan(threshold);
        assertThat(((Number) check.get("ID_CARD_DISTANCE")).doubleValue()).isLessThan(threshold);
        assertThat(fixtures.tasks(ready.number(), "Task_ConfirmIdentity")).as("no proctor needed").isEmpty();

        browser.click(browser.clickable(By.id("enter-paper")));
        browser.waiting().until(ExpectedConditions.urlContains("/paper"));
        browser.visible(By.id("exam-body"));
    }
}
