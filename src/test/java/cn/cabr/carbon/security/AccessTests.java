package cn.cabr.carbon.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * Who may reach what: the engine REST API needs staff credentials and applies the engine's authorizations;
 * candidates never reach staff pages, manager calls or the Camunda webapps; staff are signed in to Tasklist by
 * the application's own login.
 */
@IntegrationTest
class AccessTests {

    @Autowired
    CaseFixtures fixtures;

    @Test
    void engineRest_anonymousIs401_aCandidateIs403_staffAreServed() {
        ApiClient.Response anonymous = fixtures.client().get("/engine-rest/task");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");

        CaseFixtures.Candidate candidate = fixtures.candidate("刘凭据");
        ApiClient.Response asCandidate = fixtures.client().basic(candidate.mobile(), fixtures.password()).get("/engine-rest/task");
        assertThat(asCandidate.status()).isEqualTo(403);
        assertThat(asCandidate.code()).isEqualTo("FORBIDDEN");

        ApiClient.Response wrongPassword = fixtures.client().basic("grader", "not-the-password").get("/engine-rest/task");
        assertThat(wrongPassword.status()).isEqualTo(401);

        ApiClient.Response asReviewer = fixtures.client().basic("reviewer", fixtures.password()).get("/engine-rest/task");
        assertThat(asReviewer.status()).isEqualTo(200);
    }

    @Test
    void engineAuthorizations_applyToRestCalls_aReviewerSeesNoGradingTasks() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("许授权");
        ApiClient api = ready.candidate().client();
        api.post("/api/applications/" + ready.number() + "/exam/start", "");
        api.post("/api/applications/" + ready.number() + "/exam/submit", "");
        String query = "/engine-rest/task?processInstanceBusinessKey=" + ready.number();
        assertThat(fixtures.client().basic("grader", fixtures.password()).get(query).json()).hasSize(5);
        assertThat(fixtures.client().basic("reviewer", fixtures.password()).get(query).json()).isEmpty();
        assertThat(fixtures.client().basic("manager", fixtures.password()).get(query).json()).hasSize(5);
    }

    @Test
    void candidates_areRefusedStaffPagesManagerCallsAndTheWebapps() {
        CaseFixtures.Candidate candidate = fixtures.candidate("何越权");
        ApiClient api = candidate.client();
        assertThat(api.get("/staff/applications/1").status()).isEqualTo(403);
        assertThat(api.get("/staff/documents/1").status()).isEqualTo(403);
        ApiClient.Response manager = api.post("/api/manager/sessions/DEMO/milestones/APPLICATIONS_CLOSED", "");
        assertThat(manager.status()).isEqualTo(403);
        assertThat(manager.code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(404);
        assertThat(api.get("/api/manager/sessions").status()).isEqualTo(403);
    }

    @Test
    void anonymousVisitorsOfPages_goToTheLoginPage() {
        ApiClient anonymous = fixtures.client();
        ApiClient.Response page = anonymous.get("/staff/applications/1");
        assertThat(page.status()).isEqualTo(302);
        ApiClient.Response login = anonymous.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text()).contains("登录").contains("手机号码、电子邮箱或工作账号").contains("注册考生账号")
                .contains("忘记密码");
    }

    @Test
    void staffSignedInAtTheLoginPage_areSignedInToTheWebappsToo() {
        ApiClient reviewer = fixtures.staff("reviewer");
        assertThat(reviewer.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        ApiClient.Response user = reviewer.get("/camunda/api/admin/auth/user/default");
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().get("userId").asText()).isEqualTo("reviewer");
        assertThat(user.json().get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");

        ApiClient manager = fixtures.staff("manager");
        manager.get("/camunda/app/cockpit/default/");
        assertThat(manager.get("/camunda/api/admin/auth/user/default").json().get("authorizedApps").toString())
                .contains("cockpit").contains("admin");
    }

    @Test
    void theStaffViewer_showsTheFullApplicationToReviewers() {
        CaseFixtures.Candidate candidate = fixtures.candidate("吕查看");
        String number = fixtures.submittedApplication(candidate, fixtures.newSession().getCode());
        long applicationId = fixtures.applicationIdOf(number);
        ApiClient reviewer = fixtures.staff("reviewer");
        ApiClient.Response page = reviewer.get("/staff/applications/" + applicationId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("吕查看").contains(candidate.idNumber()).contains("身份证正面照片");
        assertThat(reviewer.get("/staff/applications/999999").status()).isEqualTo(404);
    }
}
