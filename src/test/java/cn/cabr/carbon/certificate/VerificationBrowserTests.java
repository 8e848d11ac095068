package cn.cabr.carbon.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** An employer checks a certificate on a phone, without logging in: first valid, then revoked. */
@IntegrationTest
class VerificationBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    VerificationRateLimiter limiter;

    @BeforeEach
    void forgetEarlierVisits() {
        limiter.forgetAll();
    }

    @Test
    void aTypedNumber_showsAValidCertificate_andAfterRevocationTheDateAndReason() {
        CaseFixtures.Candidate candidate = fixtures.candidate("刘建国");
        String application = fixtures.submittedApplication(candidate, fixtures.newSession().getCode());
        String number = CertificateTestSupport.of(context).issue(fixtures.applicationIdOf(application))
                .getCertificateNumber();
        browser.driver().manage().window().setSize(new Dimension(390, 844));

        browser.open("/verify");
        browser.visible(By.id("number")).sendKeys(number);
        browser.driver().findElement(By.cssSelector("form.lookup button[type=submit]")).click();

        browser.waitForText(By.id("status"), "有效");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/verify/" + number);
        assertThat(browser.visible(By.id("holder")).getText()).isEqualTo("刘*国");
        assertThat(browser.driver().findElement(By.id("number")).getText()).isEqualTo(number);
        assertThat(browser.driver().findElement(By.id("issued-on")).getText())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("刘建国")
                .doesNotContain(candidate.idNumber());
        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);
        browser.documentationScreenshot("12-verify-valid");

        ApiClient manager = fixtures.staff("manager");
        assertThat(manager.post("/api/manager/certificates/" + number + "/revocation",
                Map.of("reason", "持证人违反职业道德规范")).status()).isEqualTo(202);
        fixtures.runJobs();

        browser.open("/verify/" + number);
        browser.waitForText(By.id("status"), "已撤销");
        assertThat(browser.visible(By.id("status-detail")).getText()).contains("撤销，原因：持证人违反职业道德规范")
                .contains(LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
        assertThat(browser.driver().findElement(By.id("status")).getCssValue("color"))
                .as("revoked is shown in the warning colour").contains("179, 38, 30");
        browser.documentationScreenshot("13-verify-revoked");
    }
}
