package cn.cabr.carbon.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestMailServer;

/**
 * A candidate's account in headless Chromium: registers on a phone-sized page (a mistyped ID-card number is refused
 * beside its field; the password rules tick while typing), is signed in, logs out, forgets the password, opens the link from the mail that reached the SMTP
 * server (GreenMail), sets a new password and signs in with it.
 */
@IntegrationTest
class AccountBrowserTests extends BrowserTest {

    @Autowired
    TestMailServer.Inbox inbox;

    @Test
    void registerLogOutForgetThePasswordResetItAndSignIn() {
        String mobile = CaseFixtures.newMobile();
        String email = "browser" + mobile + "@example.cn";

        browser.open("/login");
        browser.click(browser.visible(By.linkText("注册考生账号")));
        browser.visible(By.id("fullName"));
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
                .as("no sideways scrolling on a phone").isTrue();

        browser.driver().findElement(By.id("fullName")).sendKeys("林浏览");
        browser.driver().findElement(By.id("mobile")).sendKeys(mobile);
        browser.driver().findElement(By.id("email")).sendKeys(email);
        String idNumber = CaseFixtures.validIdNumber();
        browser.driver().findElement(By.id("idNumber")).sendKeys(idNumber.substring(0, 17)
                + (idNumber.charAt(17) == '1' ? '2' : '1'));
        browser.click(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        browser.waitForText(By.id("idNumber-error"), "身份证号码校验位错误，请核对每一位数字");
        assertThat(browser.driver().findElement(By.id("passwordConfirmation-error")).getText()).isEqualTo("请再次输入密码");
        assertThat(browser.driver().findElement(By.id("mobile")).getAttribute("value")).isEqualTo(mobile);
        browser.screenshot("account-register-refused");
        WebElement idField = browser.driver().findElement(By.id("idNumber"));
        idField.clear();
        idField.sendKeys(idNumber);
        WebElement password = browser.driver().findElement(By.id("password"));
        assertThat(rule("length").getAttribute("class")).contains("pending");

        password.sendKeys("carbon");
        assertThat(rule("letter").getAttribute("class")).contains("met").doesNotContain("unmet");
        assertThat(rule("digit").getAttribute("class")).contains("unmet");
        assertThat(rule("length").getAttribute("class")).contains("unmet");
        assertThat(rule("letter").getText()).contains("✓");
        assertThat(rule("digit").getText()).contains("✗");
        browser.screenshot("account-register-rules-typing");

        password.sendKeys("-2026");
        assertThat(browser.driver().findElements(By.cssSelector("#password-rules li")))
                .hasSize(3).allSatisfy(li -> assertThat(li.getAttribute("class")).contains("met").doesNotContain("unmet"));
        WebElement confirmation = browser.driver().findElement(By.id("passwordConfirmation"));
        confirmation.sendKeys("carbon-202");
        assertThat(browser.driver().findElement(By.id("passwordConfirmation-match")).getText()).contains("两次输入的密码不一致");
        confirmation.sendKeys("6");
        assertThat(browser.driver().findElement(By.id("passwordConfirmation-match")).getText()).contains("两次输入一致");
        browser.screenshot("account-register-phone");
        browser.click(browser.driver().findElement(By.cssSelector("form button[type=submit]")));

        browser.waitForText(By.cssSelector("main"), "您好，林浏览");
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        browser.click(browser.visible(By.xpath("//header//button[contains(., '退出登录')]")));
        browser.waitForText(By.cssSelector("main"), "您已安全退出");

        browser.click(browser.visible(By.linkText("忘记密码？")));
        browser.visible(By.id("login")).sendKeys(email);
        browser.click(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        browser.waitForText(By.id("reset-requested"), "已向账号登记的电子邮箱发送了重设密码邮件");

        MimeMessage mail = inbox.awaitMessagesTo(email, 1).get(0);
        browser.driver().get(TestMailServer.Inbox.link(mail, "/password/reset?token="));
        browser.visible(By.id("password")).sendKeys("New-Carbon-77");
        assertThat(browser.driver().findElements(By.cssSelector("#password-rules li.met"))).hasSize(3);
        browser.driver().findElement(By.id("passwordConfirmation")).sendKeys("New-Carbon-77");
        browser.screenshot("account-reset-password");
        browser.click(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        browser.waitForText(By.cssSelector("main"), "密码已重设，请使用新密码登录");

        browser.login(email, "New-Carbon-77");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "您好，林浏览"));
    }

    private WebElement rule(String code) {
        return browser.driver().findElement(By.id("rule-" + code));
    }
}
