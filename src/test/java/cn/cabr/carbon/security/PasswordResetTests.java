package cn.cabr.carbon.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestClock;
import cn.cabr.carbon.support.TestMailServer;

/**
 * Forgotten password, end to end through a real SMTP server (GreenMail): the request page answers the same whether
 * or not the account exists, the mail's link sets a new password (same rules), works once, expires after 30
 * minutes, and is void once a newer one is requested; only the token's hash is stored; CSRF is required.
 */
@IntegrationTest
class PasswordResetTests {

    private static final String NEW_PASSWORD = "Fresh-Start-77";

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TestMailServer.Inbox inbox;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theLinkFromTheMail_setsANewPassword_thatSignsIn_andWorksOnlyOnce() throws Exception {
        CaseFixtures.Candidate candidate = fixtures.candidate("蒋忘记");
        String email = CaseFixtures.emailOf(candidate.mobile());
        ApiClient browser = fixtures.client();
        assertThat(browser.get("/password/forgot").text()).contains("<label for=\"login\">手机号码或电子邮箱</label>");

        ApiClient.Response requested = browser.postForm("/password/forgot", Map.of("login", email.toUpperCase()));
        assertThat(requested.status()).isEqualTo(302);
        assertThat(requested.header("Location")).endsWith("/password/forgot?sent");
        assertThat(browser.get("/password/forgot?sent").text()).contains("我们已向账号登记的电子邮箱发送了重设密码邮件")
                .contains("30</span> 分钟内");

        MimeMessage mail = inbox.awaitMessagesTo(email, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("【碳排放管理专业技术人员考试】重设密码");
        String text = TestMailServer.Inbox.decoded(mail);
        assertThat(text).contains("蒋忘记，您好").contains("30 分钟内").contains(candidate.mobile().substring(0, 3) + "****")
                .doesNotContain(candidate.idNumber());
        String link = TestMailServer.Inbox.link(mail, "/password/reset?token=");
        assertThat(link).startsWith("http://localhost:" + fixtures.port() + "/password/reset?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(jdbc.queryForObject("select count(*) from password_reset_token where token_hash = ?", Integer.class,
                PasswordResets.hash(token))).as("only the hash is stored").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from password_reset_token where token_hash = ?", Integer.class,
                token)).isZero();

        ApiClient.Response form = browser.get(pathOf(link));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("<label for=\"password\">新密码</label>").contains("name=\"token\"")
                .contains("至少包含一个数字");
        assertThat(form.header("Referrer-Policy")).isEqualTo("no-referrer");

        ApiClient.Response weak = browser.postForm("/password/reset", Map.of("token", token, "password", "onlyletters",
                "passwordConfirmation", "onlyletters"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(RegistrationPageTests.fieldError(weak, "password")).isEqualTo("密码须包含至少一个数字");
        ApiClient.Response mismatch = browser.postForm("/password/reset", Map.of("token", token, "password", NEW_PASSWORD,
                "passwordConfirmation", NEW_PASSWORD + "x"));
        assertThat(RegistrationPageTests.fieldError(mismatch, "passwordConfirmation")).isEqualTo("两次输入的密码不一致");
        assertThat(fixtures.client().login(candidate.mobile(), fixtures.password()).status())
                .as("refused attempts change nothing").isEqualTo(200);

        ApiClient.Response reset = browser.postForm("/password/reset", Map.of("token", token, "password", NEW_PASSWORD,
                "passwordConfirmation", NEW_PASSWORD));
        assertThat(reset.status()).isEqualTo(302);
        assertThat(reset.header("Location")).endsWith("/login?reset");
        assertThat(browser.get("/login?reset").text()).contains("密码已重设，请使用新密码登录");
        assertThat(fixtures.client().login(candidate.mobile(), NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(fixtures.client().login(candidate.mobile(), fixtures.password()).status()).isEqualTo(401);

        ApiClient.Response again = browser.get(pathOf(link));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.text()).contains("该重设密码链接已经使用过").contains("href=\"/password/forgot\"")
                .doesNotContain("name=\"password\"");
        ApiClient.Response replay = browser.postForm("/password/reset", Map.of("token", token, "password", "Another-Try-1",
                "passwordConfirmation", "Another-Try-1"));
        assertThat(replay.status()).isEqualTo(410);
        assertThat(fixtures.client().login(candidate.mobile(), "Another-Try-1").status()).isEqualTo(401);
    }

    @Test
    void anUnknownAccount_getsTheSameAnswer_andNoMailGoesOut() {
        String unknownEmail = "nobody" + CaseFixtures.newMobile() + "@example.cn";
        ApiClient browser = fixtures.client();
        browser.get("/password/forgot");
        ApiClient.Response unknownByEmail = browser.postForm("/password/forgot", Map.of("login", unknownEmail));
        ApiClient.Response unknownByMobile = browser.postForm("/password/forgot", Map.of("login", CaseFixtures.newMobile()));

        CaseFixtures.Candidate candidate = fixtures.candidate("沈对照");
        ApiClient.Response known = browser.postForm("/password/forgot", Map.of("login", candidate.mobile()));
        assertThat(unknownByEmail.status()).isEqualTo(unknownByMobile.status()).isEqualTo(known.status()).isEqualTo(302);
        assertThat(unknownByEmail.header("Location")).isEqualTo(known.header("Location"));
        assertThat(unknownByMobile.header("Location")).isEqualTo(known.header("Location"));

        // mails go out one after the other: once the known account's mail is in, the unknown one would be too
        inbox.awaitMessagesTo(CaseFixtures.emailOf(candidate.mobile()), 1);
        assertThat(inbox.messagesTo(unknownEmail)).isEmpty();
    }

    @Test
    void theRequestPage_explainsAMissingOrMalformedName() {
        ApiClient browser = fixtures.client();
        browser.get("/password/forgot");
        ApiClient.Response empty = browser.postForm("/password/forgot", Map.of("login", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(RegistrationPageTests.fieldError(empty, "login")).isEqualTo("请填写注册时使用的手机号码或电子邮箱");
        ApiClient.Response malformed = browser.postForm("/password/forgot", Map.of("login", "zhang"));
        assertThat(RegistrationPageTests.fieldError(malformed, "login")).startsWith("请输入 11 位手机号码或电子邮箱地址");
        assertThat(malformed.text()).contains("value=\"zhang\"");
    }

    @Test
    void aLink_expiresAfter30Minutes() {
        CaseFixtures.Candidate candidate = fixtures.candidate("韩过期");
        String link = requestLink(candidate, 1);
        clock.advance(Duration.ofMinutes(29));
        assertThat(fixtures.client().get(pathOf(link)).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        ApiClient.Response expired = fixtures.client().get(pathOf(link));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.text()).contains("重设密码链接已过期（有效期 30 分钟），请重新申请。");
    }

    @Test
    void aNewerRequest_voidsTheOlderLink_andRequestsWithinAMinuteSendNoSecondMail() {
        CaseFixtures.Candidate candidate = fixtures.candidate("杨两封");
        String first = requestLink(candidate, 1);

        fixtures.client().postForm("/password/forgot", Map.of("login", candidate.mobile())); // no token: refused
        ApiClient browser = fixtures.client();
        browser.get("/password/forgot");
        browser.postForm("/password/forgot", Map.of("login", candidate.mobile()));
        CaseFixtures.Candidate other = fixtures.candidate("杨对照");
        requestLink(other, 1);
        assertThat(inbox.messagesTo(CaseFixtures.emailOf(candidate.mobile()))).as("within a minute: no second mail")
                .hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        String second = requestLink(candidate, 2);
        assertThat(second).isNotEqualTo(first);
        ApiClient.Response old = fixtures.client().get(pathOf(first));
        assertThat(old.status()).isEqualTo(410);
        assertThat(old.text()).contains("此链接已失效，请使用最新一封邮件中的链接");
        assertThat(fixtures.client().get(pathOf(second)).status()).isEqualTo(200);
    }

    @Test
    void anInvalidLink_isExplained() {
        ApiClient.Response garbage = fixtures.client().get("/password/reset?token=not-a-token");
        assertThat(garbage.status()).isEqualTo(404);
        assertThat(garbage.text()).contains("重设密码链接无效").contains("href=\"/password/forgot\"");
        assertThat(fixtures.client().get("/password/reset").status()).isEqualTo(404);
    }

    @Test
    void aReset_liftsTheSignInLock() {
        CaseFixtures.Candidate candidate = fixtures.candidate("秦解锁");
        for (int i = 0; i < 5; i++) {
            fixtures.client().login(candidate.mobile(), "Wrong-000");
        }
        assertThat(fixtures.client().login(candidate.mobile(), fixtures.password()).status()).isEqualTo(429);
        String link = requestLink(candidate, 1);
        ApiClient browser = fixtures.client();
        browser.get(pathOf(link));
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(browser.postForm("/password/reset", Map.of("token", token, "password", NEW_PASSWORD,
                "passwordConfirmation", NEW_PASSWORD)).status()).isEqualTo(302);
        assertThat(fixtures.client().login(candidate.mobile(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theForms_requireTheCsrfToken() {
        CaseFixtures.Candidate candidate = fixtures.candidate("许无令");
        assertThat(fixtures.client().postForm("/password/forgot", Map.of("login", candidate.mobile())).status())
                .isEqualTo(403);
        String link = requestLink(candidate, 1);
        String token = link.substring(link.indexOf("token=") + 6);
        ApiClient.Response refused = fixtures.client().postForm("/password/reset", Map.of("token", token,
                "password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(fixtures.client().login(candidate.mobile(), NEW_PASSWORD).status()).isEqualTo(401);
    }

    /** Asks for a link on the page and returns the link of the n-th mail to the candidate. */
    private String requestLink(CaseFixtures.Candidate candidate, int nth) {
        ApiClient browser = fixtures.client();
        browser.get("/password/forgot");
        assertThat(browser.postForm("/password/forgot", Map.of("login", candidate.mobile())).status()).isEqualTo(302);
        MimeMessage mail = inbox.awaitMessagesTo(CaseFixtures.emailOf(candidate.mobile()), nth).get(nth - 1);
        return TestMailServer.Inbox.link(mail, "/password/reset?token=");
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
