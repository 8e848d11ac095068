package cn.cabr.carbon.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * The registration page: every field labelled, the password rules shown, each refusal in Chinese beside its field
 * (the same checks as the API), a duplicate mobile number, e-mail address or ID-card number each with its own
 * message, CSRF required; a successful registration signs the candidate in and lands on the home page.
 */
@IntegrationTest
class RegistrationPageTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    Candidates candidates;

    @Test
    void thePage_labelsEveryField_andShowsThePasswordRules() {
        ApiClient.Response page = fixtures.client().get("/register");
        assertThat(page.status()).isEqualTo(200);
        for (String field : new String[] {"fullName", "mobile", "email", "idNumber", "password", "passwordConfirmation"}) {
            assertThat(page.text()).contains("<label for=\"" + field + "\">").contains("id=\"" + field + "\"");
        }
        assertThat(page.text()).contains("长度 8–64 位").contains("至少包含一个英文字母").contains("至少包含一个数字")
                .contains("data-pattern=").contains("name=\"_csrf\"").contains("/js/password-rules.js");
        assertThat(fixtures.client().get("/login").text()).contains("href=\"/register\"").contains("href=\"/password/forgot\"");
    }

    @Test
    void wrongInput_isExplainedBesideEachField_andNothingIsRegistered() {
        ApiClient client = fixtures.client();
        client.get("/register");
        String valid = CaseFixtures.validIdNumber();
        String wrongCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        ApiClient.Response page = client.postForm("/register", form("王", "1380000", "not-an-address", wrongCheckDigit,
                "abcdefgh", "abcdefgX"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(fieldError(page, "fullName")).contains("姓名应为 2–30 个汉字或字母");
        assertThat(fieldError(page, "mobile")).contains("手机号码应为 11 位中国大陆手机号");
        assertThat(fieldError(page, "email")).contains("电子邮箱格式不正确");
        assertThat(fieldError(page, "idNumber")).contains("身份证号码校验位错误");
        assertThat(fieldError(page, "password")).contains("密码须包含至少一个数字").doesNotContain("英文字母");
        assertThat(fieldError(page, "passwordConfirmation")).contains("两次输入的密码不一致");
        assertThat(page.text()).contains("value=\"1380000\"").doesNotContain("abcdefgh")
                .doesNotContain("Exception").contains("aria-invalid=\"true\"");
        assertThat(candidates.findByLogin("1380000")).isEmpty();

        ApiClient.Response empty = client.postForm("/register", form("", "", "", "", "", ""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fieldError(empty, "fullName")).isEqualTo("请填写姓名");
        assertThat(fieldError(empty, "mobile")).isEqualTo("请填写手机号码");
        assertThat(fieldError(empty, "email")).isEqualTo("请填写电子邮箱（用于找回密码和接收考试通知）");
        assertThat(fieldError(empty, "idNumber")).isEqualTo("请填写身份证号码");
        assertThat(fieldError(empty, "password")).isEqualTo("请设置密码");
        assertThat(fieldError(empty, "passwordConfirmation")).isEqualTo("请再次输入密码");
    }

    @Test
    void aMobileNumberEmailAddressOrIdNumberWithAnAccount_eachHasItsOwnMessage() {
        CaseFixtures.Candidate existing = fixtures.candidate("周已注");
        ApiClient client = fixtures.client();
        client.get("/register");

        ApiClient.Response sameMobile = client.postForm("/register", form("周再注", existing.mobile(),
                "other" + CaseFixtures.newMobile() + "@example.cn", CaseFixtures.validIdNumber(), "Passw0rd!", "Passw0rd!"));
        assertThat(fieldError(sameMobile, "mobile")).isEqualTo("该手机号码已注册，请直接登录");

        ApiClient.Response sameEmail = client.postForm("/register", form("周再注", CaseFixtures.newMobile(),
                CaseFixtures.emailOf(existing.mobile()).toUpperCase(), CaseFixtures.validIdNumber(), "Passw0rd!", "Passw0rd!"));
        assertThat(fieldError(sameEmail, "email")).isEqualTo("该电子邮箱已被其他账号使用，请更换邮箱或直接登录");

        ApiClient.Response sameId = client.postForm("/register", form("周再注", CaseFixtures.newMobile(),
                "other" + CaseFixtures.newMobile() + "@example.cn", existing.idNumber(), "Passw0rd!", "Passw0rd!"));
        assertThat(fieldError(sameId, "idNumber")).isEqualTo("该身份证号码已注册账号，请使用原账号登录");
        assertThat(sameId.status()).isEqualTo(400);
    }

    @Test
    void aSuccessfulRegistration_signsTheCandidateIn_andLandsOnTheHomePage() {
        ApiClient client = fixtures.client();
        client.get("/register");
        String mobile = CaseFixtures.newMobile();
        String email = "Reg" + mobile + "@Example.cn";
        ApiClient.Response registered = client.postForm("/register", form("欧阳注册", mobile.substring(0, 3) + " "
                + mobile.substring(3, 7) + " " + mobile.substring(7), email, CaseFixtures.validIdNumber().toLowerCase(),
                "Carbon-2026", "Carbon-2026"));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(302);
        assertThat(registered.header("Location")).endsWith("/");
        ApiClient.Response home = client.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("您好，欧阳注册");
        assertThat(client.get("/api/auth/me").json().get("username").asText()).isEqualTo(mobile);
        assertThat(client.get("/register").status()).as("signed in: no second registration page").isEqualTo(302);

        ApiClient byEmail = fixtures.client();
        assertThat(byEmail.login(email.toLowerCase(), "Carbon-2026").status()).isEqualTo(200);
        assertThat(candidates.findByLogin(mobile).orElseThrow().getEmail()).isEqualTo(email.toLowerCase());
    }

    @Test
    void withoutTheCsrfToken_theFormIsRefused() {
        String mobile = CaseFixtures.newMobile();
        ApiClient.Response refused = fixtures.client().postForm("/register", form("史无令", mobile,
                "n" + mobile + "@example.cn", CaseFixtures.validIdNumber(), "Carbon-2026", "Carbon-2026"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("页面已过期或无法确认提交来自本站");
        assertThat(candidates.findByLogin(mobile)).isEmpty();
    }

    @Test
    void theApi_requiresAnEmailAddressToo() {
        ApiClient client = fixtures.client();
        client.get("/api/auth/csrf");
        ApiClient.Response response = client.post("/api/auth/register", Map.of("fullName", "冯无邮",
                "idNumber", CaseFixtures.validIdNumber(), "mobile", CaseFixtures.newMobile(), "password", "Carbon-2026"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("fields").findValuesAsText("field")).containsExactly("email");
    }

    static Map<String, String> form(String fullName, String mobile, String email, String idNumber, String password,
            String confirmation) {
        Map<String, String> form = new HashMap<>();
        form.put("fullName", fullName);
        form.put("mobile", mobile);
        form.put("email", email);
        form.put("idNumber", idNumber);
        form.put("password", password);
        form.put("passwordConfirmation", confirmation);
        return form;
    }

    /** The text of the error shown under a field, or null when there is none. */
    static String fieldError(ApiClient.Response page, String field) {
        var m = java.util.regex.Pattern.compile("id=\"" + field + "-error\"[^>]*>(.*?)</p>", java.util.regex.Pattern.DOTALL)
                .matcher(page.text());
        return m.find() ? m.group(1).replaceAll("<br\\s*/?>", "\n").replaceAll("<[^>]+>", "").strip() : null;
    }
}
