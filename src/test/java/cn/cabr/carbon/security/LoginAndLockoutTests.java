package cn.cabr.carbon.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cabr.carbon.shared.Dates;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestClock;

/**
 * Signing in by mobile number or e-mail address, on the login page and through the API, with Chinese messages;
 * the lockout after five consecutive failures (per account, in the database, staff included), lifted after 15
 * minutes; unknown names answered exactly like real ones.
 */
@IntegrationTest
class LoginAndLockoutTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCandidateSignsInWithTheirMobileNumberOrEmailAddress_onThePageAndThroughTheApi() {
        CaseFixtures.Candidate candidate = fixtures.candidate("郑双登");
        String email = CaseFixtures.emailOf(candidate.mobile());

        ApiClient api = fixtures.client();
        ApiClient.Response byEmail = api.login("  " + email.toUpperCase() + " ", fixtures.password());
        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(byEmail.json().get("username").asText()).isEqualTo(candidate.mobile());
        assertThat(byEmail.json().get("displayName").asText()).isEqualTo("郑双登");

        for (String login : List.of(candidate.mobile(), email)) {
            ApiClient browser = fixtures.client();
            browser.get("/login");
            ApiClient.Response signedIn = browser.postForm("/login", Map.of("username", login, "password", fixtures.password()));
            assertThat(signedIn.status()).isEqualTo(302);
            assertThat(signedIn.header("Location")).doesNotContain("error").endsWith("/");
            assertThat(browser.get("/").text()).contains("您好，郑双登");

            ApiClient.Response loggedOut = browser.postForm("/logout", Map.of());
            assertThat(loggedOut.header("Location")).endsWith("/login?logout");
            assertThat(browser.get("/login?logout").text()).contains("您已安全退出");
            assertThat(browser.get("/").status()).as("signed out").isEqualTo(302);
        }
    }

    @Test
    void aWrongPassword_isExplainedInChinese_onThePageWithTheNameKept_andThroughTheApi() {
        CaseFixtures.Candidate candidate = fixtures.candidate("王错密");
        ApiClient browser = fixtures.client();
        browser.get("/login");
        ApiClient.Response refused = browser.postForm("/login", Map.of("username", candidate.mobile(), "password", "Wrong-123"));
        assertThat(refused.header("Location")).endsWith("/login?error");
        String page = browser.get("/login?error").text();
        assertThat(page).contains("用户名或密码错误。再连续输错 4 次，账号将被锁定 15 分钟。")
                .contains("value=\"" + candidate.mobile() + "\"");

        ApiClient.Response api = fixtures.client().login(candidate.mobile(), "Wrong-456");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(api.message()).isEqualTo("用户名或密码错误。再连续输错 3 次，账号将被锁定 15 分钟。");

        assertThat(fixtures.client().login(candidate.mobile(), fixtures.password()).status()).isEqualTo(200);
        assertThat(fixtures.client().login(candidate.mobile(), "Wrong-789").message())
                .as("a success starts the count again").contains("再连续输错 4 次");
    }

    @Test
    void fiveConsecutiveFailures_lockTheAccountFor15Minutes_evenWithTheRightPassword_thenItOpensAgain() {
        CaseFixtures.Candidate candidate = fixtures.candidate("冯锁定");
        String email = CaseFixtures.emailOf(candidate.mobile());
        // the account is counted, whichever of its names is typed
        for (String login : List.of(candidate.mobile(), email, candidate.mobile(), email)) {
            assertThat(fixtures.client().login(login, "Wrong-000").status()).isEqualTo(401);
        }
        Instant before = clock.instant();
        ApiClient.Response fifth = fixtures.client().login(candidate.mobile(), "Wrong-000");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(fifth.message()).startsWith("连续登录失败次数过多，账号已被锁定至 ").contains("（北京时间）")
                .containsAnyOf(lockedUntilText(before), lockedUntilText(before.plusSeconds(60)));
        assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(880L, 900L);

        ApiClient.Response rightPassword = fixtures.client().login(email, fixtures.password());
        assertThat(rightPassword.status()).isEqualTo(429);
        assertThat(rightPassword.message()).isEqualTo(fifth.message());

        ApiClient browser = fixtures.client();
        browser.get("/login");
        browser.postForm("/login", Map.of("username", candidate.mobile(), "password", fixtures.password()));
        assertThat(browser.get("/login?error").text()).contains(fifth.message());
        assertThat(browser.get("/").status()).as("not signed in").isEqualTo(302);

        // in the database, so a restart or another node keeps it locked
        assertThat(jdbc.queryForObject("select count(*) from login_failure where account_key = ? and locked_until > ?",
                Integer.class, "candidate:" + fixtures.candidateIdOf(candidate), java.sql.Timestamp.from(clock.instant())))
                .isEqualTo(1);

        clock.advance(Duration.ofMinutes(14));
        assertThat(fixtures.client().login(candidate.mobile(), fixtures.password()).status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        assertThat(fixtures.client().login(candidate.mobile(), fixtures.password()).status()).isEqualTo(200);
        assertThat(fixtures.client().login(candidate.mobile(), "Wrong-000").message()).contains("再连续输错 4 次");
    }

    @Test
    void anUnknownName_isAnsweredExactlyLikeAnAccount_soTheAnswerRevealsNothing() {
        String unknownMobile = CaseFixtures.newMobile();
        CaseFixtures.Candidate candidate = fixtures.candidate("褚对照");
        for (int i = 1; i <= 4; i++) {
            ApiClient.Response unknown = fixtures.client().login(unknownMobile, "Wrong-000");
            ApiClient.Response known = fixtures.client().login(candidate.mobile(), "Wrong-000");
            assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(401);
            assertThat(unknown.message()).isEqualTo(known.message());
        }
        ApiClient.Response unknown = fixtures.client().login(unknownMobile, "Wrong-000");
        ApiClient.Response known = fixtures.client().login(candidate.mobile(), "Wrong-000");
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(429);
        assertThat(unknown.code()).isEqualTo(known.code());
        assertThat(unknown.message()).startsWith("连续登录失败次数过多，账号已被锁定至 ");
    }

    @Test
    void staffAreLockedToo_onTheLoginPage_andOnTheEngineRestApi() {
        String userId = "staff" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(userId);
        user.setFirstName("锁");
        user.setLastName("试");
        user.setPassword("Staff-Secret-2026");
        identityService.saveUser(user);
        try {
            for (int i = 0; i < 4; i++) {
                assertThat(fixtures.client().login(userId, "Wrong-000").status()).isEqualTo(401);
            }
            ApiClient.Response fifth = fixtures.client().basic(userId, "Wrong-000").get("/engine-rest/task");
            assertThat(fifth.status()).isEqualTo(401);
            ApiClient.Response locked = fixtures.client().login(userId, "Staff-Secret-2026");
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
            assertThat(fixtures.client().basic(userId, "Staff-Secret-2026").get("/engine-rest/task").status())
                    .isEqualTo(401);
        } finally {
            identityService.deleteUser(userId);
        }
    }

    @Test
    void theLoginForm_requiresTheCsrfToken() {
        CaseFixtures.Candidate candidate = fixtures.candidate("卫令牌");
        ApiClient noToken = fixtures.client();
        ApiClient.Response refused = noToken.postForm("/login", Map.of("username", candidate.mobile(),
                "password", fixtures.password()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(noToken.get("/").status()).as("not signed in").isEqualTo(302);
    }

    private static String lockedUntilText(Instant failedAt) {
        return Dates.dateTime(failedAt.plus(Duration.ofMinutes(15)), BEIJING);
    }
}
